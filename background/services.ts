import type { ProspectDb } from './db/database';
import { addHighlight, listByArticle, updateHighlight } from './db/highlight-store';
import { importBackup } from './db/import-backup';
import { recordOrphans } from './db/orphan-store';
import { addSavedTerm } from './db/saved-term-store';
import { StoreError } from './db/store-error';
import { purgeTrashed, restoreHighlight, restoreSavedTerm, trashHighlight, trashKey, trashSavedTerm } from './db/trash-store';
import type { GlossaryService } from './glossary-service';
import { SCRIPT_DICTIONARY_FILES } from '../utils/chinese-script/dictionary';
import { requireArticle, type Caller } from './caller';
import type { Handlers } from './request-handler';
import type { PdfReaderTarget } from '../utils/messaging/pdf-reader-url';
import type { ShardedDictionary } from '../utils/dictionary/sharded';
import type { ReadingSettingsPatch, Settings } from '../utils/settings/settings';

export interface BackgroundDeps {
  db: ProspectDb;
  /** The glossary: built-in, merged with the reader's own (personal-merge.ts). */
  glossary: GlossaryService;
  /** Tells every tab of these articles that their highlights changed, and who changed them. */
  announce: (articleUrls: string[], origin: string) => Promise<void>;
  openNotes: (target: { articleUrl?: string; highlightId?: string }) => Promise<void>;
  /** Opens the PDF reader page on a PDF (from an article's attachment link). */
  openPdf: (target: PdfReaderTarget) => Promise<void>;
  /** Reads one of the extension's own files (the 繁/简 dictionaries), so no web page can reach them. */
  readExtensionFile: (path: string) => Promise<string>;
  now?: () => Date;
  /** CC-CEDICT, read into memory a shard at a time as lookups need it (utils/dictionary/sharded.ts). */
  dictionary: ShardedDictionary;
  /** Stores a settings change (settings-storage.ts); a tab's changes come through here, never straight to storage. */
  updateSettings: (patch: ReadingSettingsPatch) => Promise<Settings>;
}

/**
 * What the background does for each request: the one door through which the database is
 * written. A tab reaches only its own article's highlights (see caller.ts).
 */
export function createBackgroundHandlers({ db, glossary, announce, openNotes, openPdf, readExtensionFile, dictionary, updateSettings, now = () => new Date() }: BackgroundDeps): Handlers {
  const changed = async <T extends { articleUrl: string }>(record: T, caller: Caller): Promise<T> => {
    await announce([record.articleUrl], caller.origin);
    return record;
  };
  // A tab names a highlight by id: look it up first, so it cannot touch another article's.
  const ownHighlight = async (id: string, caller: Caller) => {
    const stored = await db.highlights.get(id);
    if (stored) requireArticle(caller, stored.articleUrl);
    return stored;
  };
  return {
    'glossary/get': () => glossary.index(),
    'glossary/match': () => glossary.match(),
    'glossary/entries': ({ ids }) => glossary.entries(ids),
    'glossary/first-marks': ({ texts }) => glossary.firstMarks(texts),
    'dictionary/lookup': ({ text }) => dictionary.lookup(text),
    'script/dictionary': ({ direction }) => readExtensionFile(SCRIPT_DICTIONARY_FILES[direction]),
    'settings/update': ({ patch }) => updateSettings(patch),
    'highlights/list': ({ articleUrl }, caller) => {
      requireArticle(caller, articleUrl);
      return listByArticle(db, articleUrl);
    },
    'highlights/add': async ({ highlight }, caller) => {
      requireArticle(caller, highlight.articleUrl);
      return changed(await addHighlight(db, highlight), caller);
    },
    'highlights/update': async ({ id, changes }, caller) => {
      if (!(await ownHighlight(id, caller))) throw new StoreError('not-found', `highlight ${id}`);
      return changed(await updateHighlight(db, id, changes, now()), caller);
    },
    'highlights/remove': async ({ id }, caller) => {
      if (!(await ownHighlight(id, caller))) return null;
      const removed = await trashHighlight(db, id, now());
      if (removed) await announce([removed.articleUrl], caller.origin);
      return removed ?? null;
    },
    'highlights/restore': async ({ id }, caller) => {
      const entry = await db.trash.get(trashKey('highlight', id));
      if (entry) requireArticle(caller, entry.articleUrl);
      return changed(await restoreHighlight(db, id), caller);
    },
    'terms/save': async ({ term }, caller) => {
      requireArticle(caller, term.articleUrl);
      return { added: (await addSavedTerm(db, term)).added };
    },
    'terms/remove': async ({ id }) => (await trashSavedTerm(db, id, now())) ?? null,
    'terms/restore': ({ id }) => restoreSavedTerm(db, id),
    'trash/purge': async ({ key }) => {
      await purgeTrashed(db, key);
      return null;
    },
    'backup/import': async ({ text }, caller) => {
      const result = await importBackup(db, text);
      if (result.ok && result.articleUrls.length > 0) await announce(result.articleUrls, caller.origin);
      return result.ok ? { ok: true, added: result.added, skipped: result.skipped } : result;
    },
    'highlights/orphans': ({ articleUrl, ids }, caller) => {
      requireArticle(caller, articleUrl);
      return recordOrphans(db, articleUrl, ids);
    },
    'pdf/open': async (target) => {
      await openPdf(target);
      return null;
    },
    'notes/open': async (target) => {
      await openNotes(target);
      return null;
    },
    'client/origin': (_request, caller) => caller.origin,
  };
}

