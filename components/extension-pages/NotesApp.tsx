import { useMemo, useState } from 'preact/hooks';
import type { ProspectDb } from '../../background/db/database';
import type { HighlightChanges, HighlightFilter } from '../../background/db/highlight-store';
import { listOrphanIds } from '../../background/db/orphan-store';
import type { Highlight, HighlightColor } from '../../utils/highlights/types';
import { t, tf, type UiLocale } from '../../utils/i18n/page-strings';
import type { Request, ResponseMap } from '../../utils/messaging/to-background';
import { EXPORT_KINDS, downloadFile, makeExport, type ExportKind } from '../../extension-pages/notes/download';
import { buildRows, facets, filterHighlights, filterTerms, isFiltered, type Sort } from '../../extension-pages/notes/rows';
import { useLiveQuery } from '../../extension-pages/notes/use-live-query';
import { listTrash, type TrashRecord } from '../../background/db/trash-store';
import type { BackupState } from '../../utils/backup/backup-state';
import { BackupStatus } from './BackupStatus';
import { HighlightList } from './HighlightList';
import { NotesFilters } from './NotesFilters';
import { TrashList } from './TrashList';
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
  /** When the last backup was made; `onBackedUp` records a new one (a full JSON export). */
  backup: BackupState;
  onBackedUp: (at: Date) => void;
  doc: Document;
}

type Message = { kind: 'status' | 'alert'; text: string; undo?: Highlight };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
// Lets the browser paint a progress message before a long synchronous step.
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

export function NotesApp({ db, locale, request, target, scope, wiped, onDismissWipe, backup, onBackedUp, doc }: NotesAppProps) {
  const highlightsQ = useLiveQuery(() => db.highlights.toArray(), [db]);
  const termsQ = useLiveQuery(() => db.savedTerms.toArray(), [db]);
  const orphansQ = useLiveQuery(() => listOrphanIds(db), [db]);
  const trashQ = useLiveQuery(() => listTrash(db), [db]);

  const [view, setView] = useState<'highlights' | 'vocabulary' | 'trash'>('highlights');
  const [sort, setSort] = useState<Sort>('newest');
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [text, setText] = useState('');
  const [color, setColor] = useState<HighlightColor | undefined>(undefined);
  const [tag, setTag] = useState<string | undefined>(undefined);
  const [chosenArticle, setChosenArticle] = useState<string | undefined>(target.articleUrl);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

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
  const rows = useMemo(() => buildRows(shown, orphans, sort, collapsed), [shown, orphans, sort, collapsed]);
  const trash = trashQ.status === 'ready' ? trashQ.value : [];
  const toggle = (url: string) => {
    const next = new Set(collapsed);
    if (!next.delete(url)) next.add(url);
    setCollapsed(next);
  };
  const shownTerms = useMemo(() => (noArticle ? [] : filterTerms(terms, filter)), [terms, filter, noArticle]);
  const filtered = isFiltered(filter) || noArticle;

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
  const restore = (entry: TrashRecord) => {
    const restoring =
      entry.kind === 'highlight' ? request({ type: 'highlights/restore', id: entry.record.id }) : request({ type: 'terms/restore', id: entry.record.id });
    restoring.then(
      () => say(t(locale, entry.kind === 'highlight' ? 'notes.restored' : 'notes.termRestored')),
      (error: unknown) => warn(tf(locale, 'notes.saveFailed', { error: errorText(error) })),
    );
  };
  const purge = (entry: TrashRecord) => {
    request({ type: 'trash/purge', key: entry.key }).then(
      () => say(t(locale, 'notes.purged')),
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
      const exportedAt = new Date();
      const file = makeExport(kind, data, { exportedAt, newId: () => crypto.randomUUID(), selection: filtered });
      downloadFile(doc, file);
      // Only the whole JSON file can restore everything: that is a backup.
      if (kind === 'json' && !filtered) onBackedUp(exportedAt);
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

  const loadError = [highlightsQ, termsQ, orphansQ, trashQ].find((q) => q.status === 'error');

  return (
    <div class="notes">
      <header>
        <h1>{t(locale, 'notes.title')}</h1>
        {!scope && <BackupStatus state={backup} changes={all} locale={locale} now={new Date()} onBackup={() => void runExport('json')} />}
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
        <NotesFilters
          locale={locale}
          text={text}
          onText={setText}
          color={color}
          onColor={setColor}
          tag={tag}
          tags={menus.tags}
          onTag={setTag}
          {...(scope ? {} : { article: { chosen: chosenArticle, options: menus.articles, onChoose: setChosenArticle } })}
          sort={sort}
          onSort={setSort}
        />
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
          {!scope && (
            <button type="button" role="tab" aria-selected={view === 'trash'} onClick={() => setView('trash')}>
              {t(locale, 'notes.trash')} ({trash.length})
            </button>
          )}
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
          {rows.length > 0 && (
            <HighlightList rows={rows} locale={locale} target={target.highlightId} onToggle={toggle} onSave={save} onDelete={remove} />
          )}
        </div>
      ) : view === 'trash' ? (
        <div class="panel" role="tabpanel" aria-label={t(locale, 'notes.trash')}>
          <p class="count">{t(locale, 'notes.trashHint')}</p>
          <div class="list">
            <TrashList entries={trash} locale={locale} onRestore={restore} onPurge={purge} />
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
