import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ProspectDb } from '../../background/db/database';
import type { HighlightChanges, HighlightFilter } from '../../background/db/highlight-store';
import { listOrphanIds } from '../../background/db/orphan-store';
import { HIGHLIGHT_COLORS, type Highlight, type HighlightColor } from '../../utils/highlights/types';
import { t, tf, type UiLocale } from '../../utils/i18n/strings';
import type { Request, ResponseMap } from '../../utils/messaging/protocol';
import { EXPORT_KINDS, downloadFile, makeExport, type ExportKind } from '../../extension-pages/notes/download';
import { buildRows, facets, filterHighlights, filterTerms, isFiltered, type NotesRow } from '../../extension-pages/notes/rows';
import { useLiveQuery } from '../../extension-pages/notes/use-live-query';
import { useVirtualRows } from '../../extension-pages/notes/use-virtual-rows';
import { HighlightRow } from './HighlightRow';
import { VocabularyList } from './VocabularyList';

export interface NotesAppProps {
  db: ProspectDb;
  locale: UiLocale;
  /** Sends one request to the background and unwraps its reply (writes go there, so open tabs redraw). */
  request: <T extends Request>(message: T) => Promise<ResponseMap[T['type']]>;
  /** What the page was opened on (its URL hash). */
  target: { articleUrl?: string; highlightId?: string };
  /** In the side panel: the article the active tab shows (null when it shows none); fixes the article filter. */
  scope?: { articleUrl: string | null };
  /** The background found the database wiped by the browser. */
  wiped: boolean;
  onDismissWipe: () => void;
  doc: Document;
}

type Message = { kind: 'status' | 'alert'; text: string; undo?: Highlight };

const ROW_ESTIMATE: Record<NotesRow['kind'], number> = { article: 72, orphans: 72, highlight: 220 };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
// Lets the browser paint a progress message before a long synchronous step.
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

export function NotesApp({ db, locale, request, target, scope, wiped, onDismissWipe, doc }: NotesAppProps) {
  const highlightsQ = useLiveQuery(() => db.highlights.toArray(), [db]);
  const termsQ = useLiveQuery(() => db.savedTerms.toArray(), [db]);
  const orphansQ = useLiveQuery(() => listOrphanIds(db), [db]);

  const [view, setView] = useState<'highlights' | 'vocabulary'>('highlights');
  const [text, setText] = useState('');
  const [color, setColor] = useState<HighlightColor | undefined>(undefined);
  const [tag, setTag] = useState<string | undefined>(undefined);
  const [chosenArticle, setChosenArticle] = useState<string | undefined>(target.articleUrl);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [focusedId, setFocusedId] = useState<string | undefined>(target.highlightId);

  const articleUrl = scope ? (scope.articleUrl ?? undefined) : chosenArticle;
  const filter: HighlightFilter = useMemo(
    () => ({
      ...(text.trim() !== '' ? { text } : {}),
      ...(color ? { color } : {}),
      ...(tag !== undefined ? { tag } : {}),
      ...(articleUrl !== undefined ? { articleUrl } : {}),
    }),
    [text, color, tag, articleUrl],
  );

  const all = highlightsQ.status === 'ready' ? highlightsQ.value : [];
  const terms = termsQ.status === 'ready' ? termsQ.value : [];
  const orphans = orphansQ.status === 'ready' ? orphansQ.value : new Set<string>();
  const menus = useMemo(() => facets(all), [all]);
  // A side panel beside a tab that shows no article lists nothing, rather than everything.
  const noArticle = scope?.articleUrl === null;
  const shown = useMemo(() => (noArticle ? [] : filterHighlights(all, filter)), [all, filter, noArticle]);
  const rows = useMemo(() => buildRows(shown, orphans), [shown, orphans]);
  const shownTerms = useMemo(() => (noArticle ? [] : filterTerms(terms, filter)), [terms, filter, noArticle]);
  const filtered = isFiltered(filter) || noArticle;

  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualRows({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => ROW_ESTIMATE[rows[i]?.kind ?? 'highlight'],
    getItemKey: (i) => rows[i]?.key ?? i,
  });

  // Opened on one highlight: bring it into view once the list has it.
  const scrolledTo = useRef(false);
  useEffect(() => {
    if (scrolledTo.current || !target.highlightId || view !== 'highlights') return;
    const index = rows.findIndex((row) => row.key === target.highlightId);
    if (index < 0) return;
    scrolledTo.current = true;
    virtualizer.scrollToIndex(index, { align: 'center' });
  }, [rows, target.highlightId, view, virtualizer]);

  const say = (text: string, undo?: Highlight) => setMessage({ kind: 'status', text, ...(undo ? { undo } : {}) });
  const warn = (text: string) => setMessage({ kind: 'alert', text });

  const save = (id: string, changes: HighlightChanges) => {
    request({ type: 'highlights/update', id, changes }).then(
      () => say(t(locale, 'notes.saved')),
      (error: unknown) => warn(tf(locale, 'notes.saveFailed', { error: errorText(error) })),
    );
  };
  const remove = (id: string) => {
    request({ type: 'highlights/remove', id }).then(
      (removed) => {
        if (removed) say(t(locale, 'notes.deleted'), removed);
      },
      (error: unknown) => warn(tf(locale, 'notes.saveFailed', { error: errorText(error) })),
    );
  };
  const undo = (highlight: Highlight) => {
    request({ type: 'highlights/restore', id: highlight.id }).then(
      () => say(t(locale, 'notes.restored')),
      (error: unknown) => warn(tf(locale, 'notes.saveFailed', { error: errorText(error) })),
    );
  };
  const removeTerm = (id: string) => {
    request({ type: 'terms/remove', id }).then(
      () => say(t(locale, 'notes.termRemoved')),
      (error: unknown) => warn(tf(locale, 'notes.saveFailed', { error: errorText(error) })),
    );
  };

  const runExport = async (kind: ExportKind) => {
    setBusy(t(locale, 'notes.exporting'));
    setMessage(null);
    await nextFrame();
    try {
      const data = filtered ? { highlights: shown, savedTerms: shownTerms } : { highlights: all, savedTerms: terms };
      const file = makeExport(kind, data, { exportedAt: new Date(), newId: () => crypto.randomUUID(), selection: filtered });
      downloadFile(doc, file);
      say(tf(locale, 'notes.exported', { file: file.filename }));
    } catch (error) {
      warn(tf(locale, 'notes.exportFailed', { error: errorText(error) }));
    } finally {
      setBusy(null);
    }
  };

  const runImport = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(tf(locale, 'notes.importing', { file: file.name }));
    setMessage(null);
    try {
      const result = await request({ type: 'backup/import', text: await file.text() });
      if (result.ok) {
        say(
          tf(locale, 'notes.imported', {
            h: result.added.highlights,
            t: result.added.savedTerms,
            hs: result.skipped.highlights,
            ts: result.skipped.savedTerms,
          }),
        );
      } else {
        warn(tf(locale, 'notes.importFailed', { error: result.error }));
      }
    } catch (error) {
      warn(tf(locale, 'notes.importFailed', { error: errorText(error) }));
    } finally {
      input.value = '';
      setBusy(null);
    }
  };

  const loadError = [highlightsQ, termsQ, orphansQ].find((q) => q.status === 'error');
  const items = virtualizer.getVirtualItems();

  return (
    <div class="notes">
      <header>
        <h1>{t(locale, 'notes.title')}</h1>
        {wiped && (
          <div class="notice" role="alert">
            {t(locale, 'notes.wiped')}{' '}
            <button type="button" onClick={onDismissWipe}>
              {t(locale, 'notes.dismiss')}
            </button>
          </div>
        )}
        {loadError?.status === 'error' && (
          <p class="notice" role="alert">
            {tf(locale, 'notes.loadFailed', { error: loadError.error.message })}
          </p>
        )}
        <div class="filters">
          <input
            type="search"
            aria-label={t(locale, 'notes.search')}
            placeholder={t(locale, 'notes.search')}
            value={text}
            onInput={(event) => setText(event.currentTarget.value)}
          />
          <label>
            <span id="notes-color-label">{t(locale, 'notes.filter.color')}</span>
            <select aria-labelledby="notes-color-label"
              value={color ?? ''}
              onChange={(event) => setColor((event.currentTarget.value || undefined) as HighlightColor | undefined)}
            >
              <option value="">{t(locale, 'notes.filter.all')}</option>
              {HIGHLIGHT_COLORS.map((c) => (
                <option key={c} value={c}>
                  {t(locale, `notes.color.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span id="notes-tag-label">{t(locale, 'notes.filter.tag')}</span>
            <select aria-labelledby="notes-tag-label" value={tag ?? ''} onChange={(event) => setTag(event.currentTarget.value || undefined)}>
              <option value="">{t(locale, 'notes.filter.all')}</option>
              {menus.tags.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          {!scope && (
            <label>
              <span id="notes-article-label">{t(locale, 'notes.filter.article')}</span>
              <select aria-labelledby="notes-article-label" value={chosenArticle ?? ''} onChange={(event) => setChosenArticle(event.currentTarget.value || undefined)}>
                <option value="">{t(locale, 'notes.filter.all')}</option>
                {chosenArticle !== undefined && !menus.articles.some((a) => a.url === chosenArticle) && (
                  <option value={chosenArticle}>{chosenArticle}</option>
                )}
                {menus.articles.map((a) => (
                  <option key={a.url} value={a.url}>
                    {a.title}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        <div class="actions">
          <span class="scope">{t(locale, filtered ? 'notes.export.filtered' : 'notes.export.all')}</span>
          {EXPORT_KINDS.map((kind) => (
            <button key={kind} type="button" disabled={busy !== null} onClick={() => void runExport(kind)}>
              {t(locale, `notes.export.${kind}`)}
            </button>
          ))}
          <label class="import" title={t(locale, 'notes.importHint')}>
            {t(locale, 'notes.import')}
            <input
              type="file"
              accept=".json,.jsonld,application/json,application/ld+json"
              disabled={busy !== null}
              onChange={(event) => void runImport(event.currentTarget)}
            />
          </label>
        </div>
        <div class="messages">
          {busy !== null && <progress aria-label={busy} />}
          <p role="status" class="status">
            {busy ?? (message?.kind === 'status' ? message.text : '')}
            {busy === null && message?.undo && (
              <button type="button" onClick={() => message.undo && undo(message.undo)}>
                {t(locale, 'notes.undo')}
              </button>
            )}
          </p>
          <p role="alert" class="alert">
            {message?.kind === 'alert' ? message.text : ''}
          </p>
        </div>
        <div class="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={view === 'highlights'} onClick={() => setView('highlights')}>
            {t(locale, 'notes.highlights')} ({shown.length})
          </button>
          <button type="button" role="tab" aria-selected={view === 'vocabulary'} onClick={() => setView('vocabulary')}>
            {t(locale, 'notes.vocabulary')} ({shownTerms.length})
          </button>
        </div>
      </header>
      {view === 'highlights' ? (
        <div class="panel" role="tabpanel" aria-label={t(locale, 'notes.highlights')}>
          <p class="count">
            {tf(locale, 'notes.count', { shown: shown.length, total: all.length })}
            {noArticle && ` ${t(locale, 'notes.noArticle')}`}
          </p>
          {highlightsQ.status === 'ready' && rows.length === 0 && (
            <p class="empty">{t(locale, all.length === 0 ? 'notes.empty' : 'notes.noMatch')}</p>
          )}
          <div class="list" ref={scroller}>
          <div class="rows" style={{ height: `${virtualizer.getTotalSize()}px` }}>
            {items.map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              return (
                <div
                  key={item.key}
                  class={`row row-${row.kind}`}
                  data-index={item.index}
                  ref={(el) => {
                    if (el) virtualizer.measureElement(el);
                  }}
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  {row.kind === 'article' && (
                    <div class="article">
                      <h2>
                        <a href={row.url} target="_blank" rel="noopener noreferrer">
                          {row.title}
                        </a>
                      </h2>
                      <p class="meta">{[row.author, row.date, `${t(locale, 'notes.highlights')}: ${row.count}`].filter(Boolean).join(' · ')}</p>
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
                      focused={row.highlight.id === focusedId}
                      onSave={save}
                      onDelete={(id) => {
                        if (id === focusedId) setFocusedId(undefined);
                        remove(id);
                      }}
                    />
                  )}
                </div>
              );
            })}
          </div>
          </div>
        </div>
      ) : (
        <div class="panel" role="tabpanel" aria-label={t(locale, 'notes.vocabulary')}>
          <p class="count">{tf(locale, 'notes.termsCount', { shown: shownTerms.length, total: terms.length })}</p>
          <div class="list">
            <VocabularyList terms={shownTerms} locale={locale} onRemove={removeTerm} />
          </div>
        </div>
      )}
    </div>
  );
}
