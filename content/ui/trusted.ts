/**
 * Wraps a listener so it acts only on events the browser made from the reader's own input: a page
 * script can dispatch any event it likes, and must not be able to drive the extension.
 */
export function trustedOnly<E extends Event>(listener: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) listener(event);
  };
}

/** Every kind of input a UI reacts to; inside our shadow roots, untrusted ones are stopped at the root. */
export const INPUT_EVENTS = [
  'click', 'dblclick', 'auxclick', 'contextmenu', 'mousedown', 'mouseup', 'pointerdown', 'pointerup',
  'touchstart', 'touchend', 'keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'change', 'submit',
  'paste', 'cut', 'drop', 'dragstart', 'focusin', 'wheel',
] as const;

/** Stops untrusted events before any listener inside `root` sees them, and cancels their default action. */
export function guardRoot(root: ShadowRoot): void {
  for (const type of INPUT_EVENTS) {
    root.addEventListener(
      type,
      (event) => {
        if (event.isTrusted) return;
        event.stopImmediatePropagation();
        event.preventDefault();
      },
      { capture: true },
    );
  }
}
