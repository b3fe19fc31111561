import { describe, expect, it } from 'vitest';
import { mergeSorted } from '../../utils/merge-sorted';

describe('mergeSorted', () => {
  const before = (x: number, y: number) => x < y;

  it('merges two ordered lists into one ordered list', () => {
    expect(mergeSorted([1, 4, 9], [2, 3, 10, 11], before)).toEqual([1, 2, 3, 4, 9, 10, 11]);
  });

  it('puts the first list’s item first on a tie, and copies a list merged with nothing', () => {
    const a = [{ k: 1, from: 'a' }];
    const b = [{ k: 1, from: 'b' }];
    expect(mergeSorted(a, b, (x, y) => x.k < y.k).map((x) => x.from)).toEqual(['a', 'b']);
    const alone = [1, 2];
    const merged = mergeSorted(alone, [], before);
    expect(merged).toEqual([1, 2]);
    expect(merged).not.toBe(alone);
  });
});
