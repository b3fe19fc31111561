import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHoverIntent } from '../../../../content/card/hover-intent';

function setUp() {
  const opened: string[] = [];
  let closed = 0;
  const intent = createHoverIntent<string>({
    open: (t) => opened.push(t),
    close: () => closed++,
    delayMs: 180,
    graceMs: 300,
    setTimer: (fn, ms) => setTimeout(fn, ms) as unknown as number,
    clearTimer: (id) => clearTimeout(id),
  });
  return { intent, opened, closed: () => closed };
}

describe('hover intent', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens a term only after the pointer rests on it for the delay', () => {
    const { intent, opened } = setUp();
    intent.enter('安保', null);
    vi.advanceTimersByTime(179);
    expect(opened).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(opened).toEqual(['安保']);
  });

  it('drops a term the pointer passed over on its way to another', () => {
    const { intent, opened } = setUp();
    intent.enter('安保', null);
    vi.advanceTimersByTime(100);
    intent.leave(false);
    intent.enter('李在明', null);
    vi.advanceTimersByTime(180);
    expect(opened).toEqual(['李在明']);
  });

  it('closes an open card after the grace, unless the pointer comes back', () => {
    const { intent, closed } = setUp();
    intent.leave(true);
    vi.advanceTimersByTime(200);
    intent.enter('安保', '安保');
    vi.advanceTimersByTime(1000);
    expect(closed()).toBe(0);
    intent.leave(true);
    vi.advanceTimersByTime(300);
    expect(closed()).toBe(1);
  });

  it('leaves a closed card closed, and the pointer reaching the card keeps it', () => {
    const { intent, closed } = setUp();
    intent.leave(false);
    vi.advanceTimersByTime(1000);
    expect(closed()).toBe(0);
    intent.leave(true);
    intent.stay();
    vi.advanceTimersByTime(1000);
    expect(closed()).toBe(0);
  });

  it('lets the keyboard cursor cancel a pending hover and keep the card while the pointer rests', () => {
    const { intent, opened, closed } = setUp();
    intent.moved(40, 60, true);
    intent.enter('安保', null);
    vi.advanceTimersByTime(100);
    intent.keyboardTookOver();
    vi.advanceTimersByTime(1000);
    expect(opened).toEqual([]);
    // Scrolling the cursor's term into view slides other terms under the resting pointer.
    intent.moved(40, 60, false);
    intent.enter('安保', '李在明');
    intent.leave(true);
    vi.advanceTimersByTime(1000);
    expect(opened).toEqual([]);
    expect(closed()).toBe(0);
  });

  it('hands the card back to the pointer once it really moves', () => {
    const { intent, opened } = setUp();
    intent.moved(40, 60, true);
    intent.keyboardTookOver();
    intent.moved(41, 60, true);
    intent.enter('安保', '李在明');
    vi.advanceTimersByTime(180);
    expect(opened).toEqual(['安保']);
  });

  it("keeps the card for the keyboard when the pointer's place is unknown, until the pointer itself moves", () => {
    const { intent, opened } = setUp();
    intent.keyboardTookOver();
    // The browser's move after the scroll: no movement.
    intent.moved(1, 1, false);
    intent.enter('安保', '李在明');
    vi.advanceTimersByTime(1000);
    expect(opened).toEqual([]);
    intent.moved(3, 1, true);
    intent.enter('安保', '李在明');
    vi.advanceTimersByTime(180);
    expect(opened).toEqual(['安保']);
  });

  it('follows a new hover delay', () => {
    const { intent, opened } = setUp();
    intent.setDelay(50);
    intent.enter('安保', null);
    vi.advanceTimersByTime(50);
    expect(opened).toEqual(['安保']);
  });
});
