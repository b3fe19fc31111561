/**
 * When the pointer means a term: it rests on one for the hover delay (then `open`), and leaves it
 * and the card for longer than the grace (then `close`). The keyboard's term cursor can take the
 * card over; from then on the pointer is ignored until it really moves, because scrolling a term
 * into view slides other terms under a resting pointer and the browser reports that as hovering
 * (a mouse move with no movement, at the same place).
 */
export interface HoverIntentOptions<T> {
  open: (target: T) => void;
  close: () => void;
  delayMs: number;
  graceMs: number;
  setTimer: (fn: () => void, ms: number) => number;
  clearTimer: (id: number) => void;
}

export interface HoverIntent<T> {
  /** The pointer came onto a term; `shown` is the term whose card is open now, if any. */
  enter(target: T, shown: T | null): void;
  /** The pointer left the term or the card for somewhere else. */
  leave(cardOpen: boolean): void;
  /** The pointer is on the open card or its term again: no closing. */
  stay(): void;
  /**
   * A mouse move at (x, y); `travelled` when the pointer itself moved (the event's movement is not
   * zero). Hands the card back to the pointer once it really moved.
   */
  moved(x: number, y: number, travelled: boolean): void;
  /** The keyboard opened a card: pending hovers are dropped and the pointer waits until it moves. */
  keyboardTookOver(): void;
  /** Forgets every pending open and close. */
  cancel(): void;
  setDelay(ms: number): void;
}

export function createHoverIntent<T>(options: HoverIntentOptions<T>): HoverIntent<T> {
  let delay = options.delayMs;
  let showTimer = 0;
  let hideTimer = 0;
  let keyboardOwns = false;
  let lastPointer: { x: number; y: number } | null = null;
  let pointerAtTakeover: { x: number; y: number } | null = null;

  const clearShow = () => {
    options.clearTimer(showTimer);
    showTimer = 0;
  };
  const clearHide = () => {
    options.clearTimer(hideTimer);
    hideTimer = 0;
  };

  return {
    enter(target, shown) {
      if (keyboardOwns) return;
      if (target === shown) {
        clearHide();
        return;
      }
      clearShow();
      showTimer = options.setTimer(() => {
        showTimer = 0;
        options.open(target);
      }, delay);
    },
    leave(cardOpen) {
      clearShow();
      if (keyboardOwns || !cardOpen) return;
      clearHide();
      hideTimer = options.setTimer(() => {
        hideTimer = 0;
        options.close();
      }, options.graceMs);
    },
    stay: clearHide,
    moved(x, y, travelled) {
      lastPointer = { x, y };
      // A resting pointer keeps its place while the page scrolls: a new place is a real move, and so is
      // a move with movement where the place at the takeover is not known.
      const elsewhere = pointerAtTakeover !== null && (pointerAtTakeover.x !== x || pointerAtTakeover.y !== y);
      if (keyboardOwns && (elsewhere || travelled)) keyboardOwns = false;
    },
    keyboardTookOver() {
      clearShow();
      clearHide();
      keyboardOwns = true;
      pointerAtTakeover = lastPointer;
    },
    cancel() {
      clearShow();
      clearHide();
    },
    setDelay(ms) {
      delay = ms;
    },
  };
}
