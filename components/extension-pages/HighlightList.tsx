import { useEffect, useRef, useState } from 'preact/hooks';
import { isLocalPdfKey } from '../../utils/pdf/local-pdf';
import type { HighlightChanges } from '../../background/db/highlight-store';
import { t, tf, type UiLocale } from '../../utils/i18n/page-strings';
import type { NotesRow } from '../../extension-pages/notes/rows';
import { useVirtualRows } from '../../extension-pages/notes/use-virtual-rows';
import { HighlightRow } from './HighlightRow';

export interface HighlightListProps {
  rows: NotesRow[];
  locale: UiLocale;
  /** The highlight the page was opened on: scrolled to once the list has it. */
  target?: string;
  onToggle: (articleUrl: string) => void;
  onSave: (id: string, changes: HighlightChanges) => void;
  onDelete: (id: string) => void;
}

const ROW_ESTIMATE: Record<NotesRow['kind'], number> = { article: 52, orphans: 52, highlight: 96 };
const MOVES: Record<string, (at: number, count: number) => number> = {
  ArrowDown: (at, count) => Math.min(count - 1, at + 1),
  ArrowUp: (at) => Math.max(0, at - 1),
  Home: () => 0,
  End: (_at, count) => count - 1,
};

/**
 * The highlights, grouped by article, as a virtual list (only the rows in view are in the DOM).
 * The keyboard moves through rows (arrows, Home, End; one row is in the tab order), Enter opens a
 * highlight's note or folds an article, Delete deletes a highlight.
 */
export function HighlightList({ rows, locale, target, onToggle, onSave, onDelete }: HighlightListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(() => Math.max(0, rows.findIndex((row) => row.key === target)));
  const [editing, setEditing] = useState<string | null>(null);
  const focusWanted = useRef(false);
  const virtualizer = useVirtualRows({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => ROW_ESTIMATE[rows[i]?.kind ?? 'highlight'],
    getItemKey: (i) => rows[i]?.key ?? i,
  });
  const current = Math.min(active, rows.length - 1);

  // Opened on one highlight: bring it into view once the list has it.
  const scrolledTo = useRef(false);
  useEffect(() => {
    if (scrolledTo.current || !target) return;
    const index = rows.findIndex((row) => row.key === target);
    if (index < 0) return;
    scrolledTo.current = true;
    setActive(index);
    virtualizer.scrollToIndex(index, { align: 'center' });
  }, [rows, target, virtualizer]);

  useEffect(() => {
    if (!focusWanted.current) return;
    const el = scroller.current?.querySelector<HTMLElement>(`[data-index="${current}"] > .item`);
    if (el) {
      focusWanted.current = false;
      el.focus({ preventScroll: true });
    }
  });

  const onKeyDown = (event: KeyboardEvent) => {
    if (editing !== null || !(event.target as HTMLElement).classList.contains('item')) return;
    const move = MOVES[event.key];
    const row = rows[current];
    if (move) {
      event.preventDefault();
      const next = move(current, rows.length);
      setActive(next);
      focusWanted.current = true;
      virtualizer.scrollToIndex(next, { align: 'auto' });
    } else if (event.key === 'Enter' && row?.kind === 'article') {
      event.preventDefault();
      onToggle(row.url);
    } else if (event.key === 'Enter' && row?.kind === 'highlight') {
      event.preventDefault();
      setEditing(row.highlight.id);
    } else if (event.key === 'Delete' && row?.kind === 'highlight') {
      event.preventDefault();
      onDelete(row.highlight.id);
    }
  };

  return (
    <div class="list" ref={scroller} onKeyDown={onKeyDown}>
      <div class="rows" role="list" aria-label={t(locale, 'notes.highlights')} style={{ height: `${virtualizer.getTotalSize()}px` }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const tabIndex = item.index === current ? 0 : -1;
          return (
            <div
              key={item.key}
              class={`row row-${row.kind}`}
              role="listitem"
              data-index={item.index}
              ref={(el) => {
                if (el) virtualizer.measureElement(el);
              }}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <div class="item" tabIndex={tabIndex} onFocus={() => setActive(item.index)}>
                {row.kind === 'article' && (
                  <div class="article">
                    <button type="button" class="fold" aria-expanded={!row.collapsed} aria-label={`${t(locale, row.collapsed ? 'notes.expand' : 'notes.collapse')}: ${row.title}`} onClick={() => onToggle(row.url)} tabIndex={-1} />
                    {/* A PDF from this computer has no address to link to: its rows' "Open the passage" asks for the file. */}
                    <h2>
                      {isLocalPdfKey(row.url) ? (
                        row.title
                      ) : (
                        <a href={row.url} target="_blank" rel="noopener noreferrer">
                          {row.title}
                        </a>
                      )}
                    </h2>
                    <p class="meta">{[row.author, row.date, tf(locale, 'notes.groupCount', { n: row.count })].filter(Boolean).join(' · ')}</p>
                  </div>
                )}
                {row.kind === 'orphans' && (
                  <div class="article orphans">
                    <h2>{tf(locale, 'notes.orphans', { n: row.count })}</h2>
                    <p class="meta">{t(locale, 'notes.orphansHint')}</p>
                  </div>
                )}
                {row.kind === 'highlight' && (
                  <HighlightRow
                    highlight={row.highlight}
                    locale={locale}
                    focused={row.highlight.id === target}
                    editing={editing === row.highlight.id}
                    onEdit={(on) => {
                      setEditing(on ? row.highlight.id : null);
                      if (!on) focusWanted.current = true;
                    }}
                    onSave={onSave}
                    onDelete={onDelete}
                  />
                )}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
