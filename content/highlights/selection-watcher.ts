/**
 * Watches the reader's selection in the article and reports it once it has rested: not while the
 * pointer is down (a drag in progress), not while focus is in our own UI, and never a selection the
 * highlight rules refuse (`selection.ts`). Only the reader's own input counts.
 */
import { listenTrusted } from '../ui/listen-trusted';
import { checkSelection, focusInField } from './selection';

export interface SelectionWatcherOptions {
  doc: Document;
  body: () => Element;
  /** How long the selection must rest before it is reported. */
  delayMs: number;
  /** Whether a node is inside our own UI: its presses and keys are not the article's selection. */
  inOwnUi: (target: EventTarget | null) => boolean;
  /** The rested selection that may become a highlight, or null when there is none. */
  onSettled: (range: Range | null) => void;
  /** The reader pressed somewhere outside our UI. */
  onPagePointerDown?: (event: PointerEvent) => void;
}

export interface SelectionWatcher {
  stop(): void;
}

export function watchSelection(options: SelectionWatcherOptions): SelectionWatcher {
  const { doc, inOwnUi } = options;
  const win = doc.defaultView!;
  let timer = 0;
  let pointerDown = false;

  function settled(): void {
    win.clearTimeout(timer);
    if (pointerDown || inOwnUi(doc.activeElement)) return;
    const check = focusInField(doc) ? null : checkSelection(doc.getSelection(), options.body());
    options.onSettled(check?.ok ? check.range.cloneRange() : null);
  }

  const schedule = () => {
    win.clearTimeout(timer);
    timer = win.setTimeout(settled, options.delayMs);
  };

  const onPointerDown = (event: PointerEvent) => {
    if (inOwnUi(event.target)) return;
    pointerDown = true;
    options.onPagePointerDown?.(event);
  };
  const onPointerUp = (event: PointerEvent) => {
    pointerDown = false;
    if (!inOwnUi(event.target)) schedule();
  };
  const onKeyUp = (event: KeyboardEvent) => {
    if (!inOwnUi(event.target)) schedule();
  };
  const onSelectionChange = () => {
    if (!pointerDown) schedule();
  };

  const unlisten = listenTrusted([
    [doc, 'pointerdown', onPointerDown as EventListener],
    [doc, 'pointerup', onPointerUp as EventListener],
    [doc, 'keyup', onKeyUp as EventListener],
    [doc, 'selectionchange', onSelectionChange],
  ]);
  // A selection made while the page was still starting (the first marks come before the rest) counts too.
  if (doc.getSelection()?.isCollapsed === false) schedule();

  return {
    stop() {
      unlisten();
      win.clearTimeout(timer);
    },
  };
}
