import { orphanSummary, t, type UiLocale } from '../../utils/i18n/strings';

export interface Toast {
  message: string;
  /** An action offered with the message (Undo, Retry). */
  action?: { label: string; run: () => void };
}

export interface HighlightNoticesProps {
  locale: UiLocale;
  toast: Toast | null;
  /** Quotes of the highlights that did not attach; the panel shows while this is non-empty. */
  orphans: string[];
  onDismissOrphans: () => void;
}

/** A toast (deleted + Undo, write failed + Retry) and the list of highlights that did not attach. */
export function HighlightNotices({ locale, toast, orphans, onDismissOrphans }: HighlightNoticesProps) {
  return (
    <div class="notices">
      {orphans.length > 0 && (
        <section class="orphans" role="region" aria-label={orphanSummary(locale, orphans.length)}>
          <div class="orphans-head">
            <strong>{orphanSummary(locale, orphans.length)}</strong>
            <button type="button" class="icon" aria-label={t(locale, 'highlight.dismiss')} onClick={onDismissOrphans}>
              ×
            </button>
          </div>
          <p>{t(locale, 'highlight.orphansNote')}</p>
          <ul>
            {orphans.map((quote, i) => (
              <li key={i}>{quote}</li>
            ))}
          </ul>
        </section>
      )}
      {toast && (
        <div class="toast" role="status">
          <span>{toast.message}</span>
          {toast.action && (
            <button type="button" onClick={toast.action.run}>
              {toast.action.label}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
