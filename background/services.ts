import type { ProspectDb } from './db/database';
import {
  addHighlight,
  listByArticle,
  removeHighlight,
  restoreHighlight,
  updateHighlight,
} from './db/highlight-store';
import { recordOrphans } from './db/orphan-store';
import { addSavedTerm } from './db/saved-term-store';
import type { GlossaryIndex } from '../utils/glossary/types';
import { SCRIPT_DICTIONARY_FILES } from '../utils/chinese-script/dictionary';
import type { Handlers } from './request-handler';
import type { ShardedDictionary } from '../utils/dictionary/sharded';

export interface BackgroundDeps {
  db: ProspectDb;
  /** The glossary pages match against: built-in, merged with the reader's own (personal-merge.ts). */
  glossary: () => GlossaryIndex | Promise<GlossaryIndex>;
  /** Tells every tab of the article that its highlights changed. */
  announce: (articleUrl: string) => Promise<void>;
  openNotes: (target: { articleUrl?: string; highlightId?: string }) => Promise<void>;
  /** Reads one of the extension's own files (the 繁/简 dictionaries), so no web page can reach them. */
  readExtensionFile: (path: string) => Promise<string>;
  /** CC-CEDICT, read into memory a shard at a time as lookups need it (utils/dictionary/sharded.ts). */
  dictionary: ShardedDictionary;
}

/** What the background does for each request; the database is only ever touched here. */
export function createBackgroundHandlers({ db, glossary, announce, openNotes, readExtensionFile, dictionary }: BackgroundDeps): Handlers {
  const changed = async <T extends { articleUrl: string }>(record: T): Promise<T> => {
    await announce(record.articleUrl);
    return record;
  };
  return {
    'glossary/get': () => glossary(),
    'dictionary/lookup': ({ text }) => dictionary.lookup(text),
    'script/dictionary': ({ direction }) => readExtensionFile(SCRIPT_DICTIONARY_FILES[direction]),
    'highlights/list': ({ articleUrl }) => listByArticle(db, articleUrl),
    'highlights/add': async ({ highlight }) => changed(await addHighlight(db, highlight)),
    'highlights/update': async ({ id, changes }) => changed(await updateHighlight(db, id, changes)),
    'highlights/remove': async ({ id }) => {
      const removed = await removeHighlight(db, id);
      if (removed) await announce(removed.articleUrl);
      return removed ?? null;
    },
    'highlights/restore': async ({ highlight }) => changed(await restoreHighlight(db, highlight)),
    'terms/save': async ({ term }) => ({ added: (await addSavedTerm(db, term)).added }),
    'highlights/orphans': ({ articleUrl, ids }) => recordOrphans(db, articleUrl, ids),
    'notes/open': async (target) => {
      await openNotes(target);
      return null;
    },
  };
}
