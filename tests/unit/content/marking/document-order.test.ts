import { describe, expect, it } from 'vitest';
import { pointBefore } from '../../../../content/marking/document-order';
import { htmlDocument } from '../../fixture-dom';

describe('pointBefore', () => {
  it('orders points by node in the document, and by offset within one node', () => {
    const doc = htmlDocument('<p id="a">北韓<b>飛彈</b></p><p id="b">北約</p>');
    const first = doc.getElementById('a')!.firstChild!;
    const inner = doc.querySelector('b')!.firstChild!;
    const last = doc.getElementById('b')!.firstChild!;
    expect(pointBefore(first, 1, inner, 0)).toBe(true);
    expect(pointBefore(last, 0, inner, 1)).toBe(false);
    expect(pointBefore(doc.querySelector('b')!, 0, inner, 0)).toBe(true);
    expect(pointBefore(first, 0, first, 1)).toBe(true);
    expect(pointBefore(first, 1, first, 1)).toBe(false);
  });
});
