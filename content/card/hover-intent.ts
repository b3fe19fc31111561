/**
 * When the pointer means a term: it rests on one for the hover delay (then `open`), and leaves it
 * and the card for longer than the grace (then `close`). The keyboard's term cursor can take the
 * card over; from then on the pointer is ignored until it really moves, because scrolling a term
 * into view slides other terms under a resting pointer and the browser reports that as hovering.
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
  /** A mouse position from a real pointer move; hands the card back to the pointer once it moved. */
  moved(x: number, y: number): void;
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
    moved(x, y) {
      lastPointer = { x, y };
      if (keyboardOwns && (!pointerAtTakeover || pointerAtTakeover.x !== x || pointerAtTakeover.y !== y)) keyboardOwns = false;
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
