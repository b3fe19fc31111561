import type { Toast } from '../../components/content/HighlightNotices';

export interface Toasts {
  current(): Toast | null;
  /** Shows a toast for `ms` (0: until replaced or hidden). */
  show(toast: Toast, ms: number): void;
  hide(): void;
  stop(): void;
}

/** The one toast of the highlight UI (deleted + Undo, write failed + Retry); `onChange` repaints. */
export function createToasts(win: Window, onChange: () => void): Toasts {
  let toast: Toast | null = null;
  let timer = 0;
  const hide = () => {
    win.clearTimeout(timer);
    toast = null;
    onChange();
  };
  return {
    current: () => toast,
    show(next, ms) {
      win.clearTimeout(timer);
      toast = next;
      if (ms > 0) timer = win.setTimeout(hide, ms);
      onChange();
    },
    hide,
    stop: () => win.clearTimeout(timer),
  };
}
