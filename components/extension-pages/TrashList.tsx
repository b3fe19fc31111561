import type { TrashRecord } from '../../background/db/trash-store';
import { purgeDate } from '../../background/db/trash-store';
import { t, tf, type UiLocale } from '../../utils/i18n/page-strings';
import { formatDate } from './HighlightRow';

export interface TrashListProps {
  entries: readonly TrashRecord[];
  locale: UiLocale;
  onRestore: (entry: TrashRecord) => void;
  onPurge: (entry: TrashRecord) => void;
}

/** "Recently deleted": what was deleted in the last 30 days, to restore or to delete for good. */
export function TrashList({ entries, locale, onRestore, onPurge }: TrashListProps) {
  if (entries.length === 0) return <p class="empty">{t(locale, 'notes.trashEmpty')}</p>;
  return (
    <ul class="trash" aria-label={t(locale, 'notes.trash')}>
      {entries.map((entry) => {
        const label = entry.kind === 'highlight' ? entry.record.quote.exact : entry.record.trad;
        const short = label.slice(0, 40);
        return (
          <li key={entry.key} class={entry.kind === 'highlight' ? `deleted color-${entry.record.color}` : 'deleted'}>
            <p class="quote">{label}</p>
            <p class="meta">
              {entry.record.articleTitle} ·{' '}
              {tf(locale, 'notes.deletedOn', { date: formatDate(entry.deleted, locale, 'short'), until: formatDate(purgeDate(entry).toISOString(), locale, 'short') })}
            </p>
            <div class="actions">
              <button type="button" onClick={() => onRestore(entry)} aria-label={`${t(locale, 'notes.restore')}: ${short}`}>
                {t(locale, 'notes.restore')}
              </button>
              <button type="button" class="danger" onClick={() => onPurge(entry)} aria-label={`${t(locale, 'notes.purge')}: ${short}`}>
                {t(locale, 'notes.purge')}
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
