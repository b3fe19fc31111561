import { TERM_TAG } from '../marking/eligible-text';
import type { DrawnTerms } from '../marking/term-highlights';
import { trustedOnly } from '../ui/trusted';
import { inField } from '../highlights/selection';
import { highlightTarget, markTarget, startsBefore, type CardTarget } from './card-target';
import { mergeSorted } from '../../utils/merge-sorted';
import { ATTR } from '../../utils/dom-names';

/** The attribute that draws the cursor on the current mark (see term-mark.css). */
export const CURSOR_ATTR = ATTR.cursor;

export interface TermCursorOptions {
  doc: Document;
  /** Where the terms are: the article body. */
  articleRoot: () => Element;
  /** The reader's own terms, drawn as ranges: walked with the marks, in document order. */
  drawn?: () => DrawnTerms | undefined;
  /** Opens the term's card and announces it to screen readers. */
  open: (term: CardTarget) => void;
  close: () => void;
}

export interface TermCursor {
  /** Moves to the next (1) or previous (-1) term and opens its card; returns it, or null when there is none. */
  move(step: 1 | -1): CardTarget | null;
  current(): CardTarget | null;
  destroy(): void;
}

/** Alt+Shift+N and Alt+Shift+P: physical keys, so every keyboard layout has them in the same place. */
export function cursorStep(event: KeyboardEvent): 1 | -1 | 0 {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return 0;
  if (event.code === 'KeyN') return 1;
  if (event.code === 'KeyP') return -1;
  return 0;
}

/** Whether a key goes to something the reader types in (a shortcut there is the field's, not the cursor's). */
export function isEditable(target: EventTarget | null): boolean {
  // Read as a node by shape: the page's window, not ours, made its nodes.
  return !!target && 'nodeType' in target && inField(target as Node);
}

/**
 * Marks are not tab stops (a press on a focusable element starts no text selection in Chromium, and
 * a reader would tab through a hundred marks). Keyboard readers walk the terms with this cursor:
 * it starts at the first term in view, shows where it is, scrolls it into view and opens its card.
 */
export function createTermCursor(options: TermCursorOptions): TermCursor {
  const { doc } = options;
  const win = doc.defaultView!;
  let at: CardTarget | null = null;

  const box = (target: CardTarget) => target.anchor.getBoundingClientRect();
  const isLive = (target: CardTarget) => (target.element ? target.element.isConnected : !target.range().collapsed);

  function terms(): CardTarget[] {
    const marks = [...options.articleRoot().querySelectorAll(TERM_TAG.toLowerCase())].map(markTarget);
    const drawn = options.drawn?.()?.terms().map(highlightTarget) ?? [];
    // Both lists are in document order already: merged, not sorted (a long page draws tens of thousands).
    return mergeSorted(marks, drawn, startsBefore);
  }

  function firstInView(list: CardTarget[], step: 1 | -1): CardTarget | undefined {
    const inView = (t: CardTarget) => box(t).bottom > 0;
    if (step === 1) return list.find(inView) ?? list[0];
    const below = list.findIndex((t) => box(t).top > win.innerHeight);
    return below > 0 ? list[below - 1] : list[list.length - 1];
  }

  function place(term: CardTarget | null): void {
    at?.element?.removeAttribute(CURSOR_ATTR);
    at = term;
    if (!term) return;
    // A drawn term (the reader's own) gets no attribute: the page must not learn where it is; its card shows the place.
    term.element?.setAttribute(CURSOR_ATTR, '');
    if (term.element) term.element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    else term.range().startContainer.parentElement?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    options.open(term);
  }

  function move(step: 1 | -1): CardTarget | null {
    const list = terms();
    if (list.length === 0) {
      place(null);
      return null;
    }
    const index = at && isLive(at) ? list.indexOf(at) : -1;
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
    current: () => (at && isLive(at) ? at : null),
    destroy() {
      doc.removeEventListener('keydown', onKeyDown, { capture: true });
      place(null);
      options.close();
    },
  };
}
