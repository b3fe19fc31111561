import { TERM_TAG } from '../marking/eligible-text';
import { trustedOnly } from '../ui/trusted';
import { ATTR } from '../../utils/dom-names';

/** The attribute that draws the cursor on the current mark (see term-mark.css). */
export const CURSOR_ATTR = ATTR.cursor;

export interface TermCursorOptions {
  doc: Document;
  /** Where the terms are: the article body. */
  articleRoot: () => Element;
  /** Opens the term's card and announces it to screen readers. */
  open: (term: Element) => void;
  close: () => void;
}

export interface TermCursor {
  /** Moves to the next (1) or previous (-1) term and opens its card; returns it, or null when there is none. */
  move(step: 1 | -1): Element | null;
  current(): Element | null;
  destroy(): void;
}

/** Alt+Shift+N and Alt+Shift+P: physical keys, so every keyboard layout has them in the same place. */
export function cursorStep(event: KeyboardEvent): 1 | -1 | 0 {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return 0;
  if (event.code === 'KeyN') return 1;
  if (event.code === 'KeyP') return -1;
  return 0;
}

function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  return !!el.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])');
}

/**
 * Marks are not tab stops (a press on a focusable element starts no text selection in Chromium, and
 * a reader would tab through a hundred marks). Keyboard readers walk the terms with this cursor:
 * it starts at the first term in view, shows where it is, scrolls it into view and opens its card.
 */
export function createTermCursor(options: TermCursorOptions): TermCursor {
  const { doc } = options;
  const win = doc.defaultView!;
  let at: Element | null = null;

  const terms = () => [...options.articleRoot().querySelectorAll(TERM_TAG.toLowerCase())];

  function firstInView(list: Element[], step: 1 | -1): Element | undefined {
    const inView = (el: Element) => el.getBoundingClientRect().bottom > 0;
    if (step === 1) return list.find(inView) ?? list[0];
    const below = list.findIndex((el) => el.getBoundingClientRect().top > win.innerHeight);
    return below > 0 ? list[below - 1] : list[list.length - 1];
  }

  function place(term: Element | null): void {
    at?.removeAttribute(CURSOR_ATTR);
    at = term;
    if (!term) return;
    term.setAttribute(CURSOR_ATTR, '');
    term.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    options.open(term);
  }

  function move(step: 1 | -1): Element | null {
    const list = terms();
    if (list.length === 0) {
      place(null);
      return null;
    }
    const index = at?.isConnected ? list.indexOf(at) : -1;
    const next = index < 0 ? firstInView(list, step) : list[Math.min(list.length - 1, Math.max(0, index + step))];
    place(next ?? null);
    return at;
  }

  const onKeyDown = trustedOnly((event: KeyboardEvent) => {
    if (event.key === 'Escape' && at) {
      place(null);
      return;
    }
    const step = cursorStep(event);
    if (step === 0 || isEditable(event.target)) return;
    event.preventDefault();
    move(step);
  });
  doc.addEventListener('keydown', onKeyDown, { capture: true });

  return {
    move,
    current: () => (at?.isConnected ? at : null),
    destroy() {
      doc.removeEventListener('keydown', onKeyDown, { capture: true });
      place(null);
      options.close();
    },
  };
}
