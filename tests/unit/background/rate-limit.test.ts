import { describe, expect, it } from 'vitest';
import { createRateLimit } from '../../../background/rate-limit';

describe('createRateLimit', () => {
  it('allows max actions per window and refuses the rest until the window has passed', () => {
    let clock = 0;
    const allow = createRateLimit({ max: 2, windowMs: 10_000, now: () => clock });
    expect([allow(), allow(), allow()]).toEqual([true, true, false]);
    clock = 9_999;
    expect(allow()).toBe(false);
    clock = 10_000;
    expect([allow(), allow(), allow()]).toEqual([true, true, false]);
  });
});
