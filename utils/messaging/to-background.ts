import * as v from 'valibot';
import type { CompiledEntry, GlossaryIndex } from '../glossary/types';
import type { MatchIndex } from '../glossary/match-index';
import type { TermMatch } from '../glossary/matcher';
import type { DictionaryMatch } from '../dictionary/types';
import type { Highlight, SavedTerm } from '../highlights/types';
import { HighlightChangesSchema, HighlightPlaceSchema, HighlightSchema, SavedTermSchema, WebUrlSchema } from '../highlights/schema';
import { MAX_BACKUP_CHARS, type ImportResult } from '../highlights/backup-limits';
import { ReadingSettingsPatchSchema, type Settings } from '../settings/settings';

const Id = v.pipe(v.string(), v.nonEmpty(), v.maxLength(200));
/** A backup file's text; the importer refuses a larger one with a clear message before parsing. */
const BackupText = v.pipe(v.string(), v.maxLength(MAX_BACKUP_CHARS + 1));
/** The most text a page may send for its first marks: a short article; a longer one is marked where the reader is. */
export const FIRST_MARKS_MAX_CHARS = 100_000;
const FirstMarksTexts = v.pipe(
  v.array(v.pipe(v.string(), v.maxLength(FIRST_MARKS_MAX_CHARS))),
  v.maxLength(20_000),
  v.check((texts) => texts.reduce((n, text) => n + text.length, 0) <= FIRST_MARKS_MAX_CHARS, 'more text than a first screen'),
);

/**
 * Every message a content script or extension page sends to the background (the other way: to-tab.ts).
 * The background validates each one against this schema before acting on it.
 */
export const RequestSchema = v.variant('type', [
  v.strictObject({ type: v.literal('glossary/get') }),
  // A page asks for what marking needs first, then for the details of the terms it found.
  v.strictObject({ type: v.literal('glossary/match') }),
  v.strictObject({ type: v.literal('glossary/entries'), ids: v.pipe(v.array(Id), v.maxLength(10_000)) }),
  // The text of a short article, matched where the glossary is at hand: the first marks wait for no index.
  v.strictObject({ type: v.literal('glossary/first-marks'), texts: FirstMarksTexts }),
  // The text from the character under the pointer on (a few more units than the longest word).
  v.strictObject({ type: v.literal('dictionary/lookup'), text: v.pipe(v.string(), v.nonEmpty(), v.maxLength(64)) }),
  v.strictObject({ type: v.literal('script/dictionary'), direction: v.picklist(['t2s', 's2t']) }),
  // The reader bar's choices (script, glosses): the background stores them, so every tab hears them.
  v.strictObject({ type: v.literal('settings/update'), patch: ReadingSettingsPatchSchema }),
  v.strictObject({ type: v.literal('highlights/list'), articleUrl: HighlightPlaceSchema }),
  v.strictObject({ type: v.literal('highlights/add'), highlight: HighlightSchema }),
  v.strictObject({ type: v.literal('highlights/update'), id: Id, changes: HighlightChangesSchema }),
  // Removing moves the record to "Recently deleted"; restoring brings the stored record back from there.
  v.strictObject({ type: v.literal('highlights/remove'), id: Id }),
  v.strictObject({ type: v.literal('highlights/restore'), id: Id }),
  v.strictObject({ type: v.literal('terms/save'), term: SavedTermSchema }),
  v.strictObject({ type: v.literal('terms/remove'), id: Id }),
  v.strictObject({ type: v.literal('terms/restore'), id: Id }),
  // Deletes one record of "Recently deleted" for good (its trash key).
  v.strictObject({ type: v.literal('trash/purge'), key: v.pipe(v.string(), v.nonEmpty(), v.maxLength(300)) }),
  v.strictObject({ type: v.literal('backup/import'), text: BackupText }),
  // The name the background gives the asking context in change announcements (HighlightsChanged.origin).
  v.strictObject({ type: v.literal('client/origin') }),
  // Sent by a tab after anchoring: every id of this article it could not find again (none clears the list).
  v.strictObject({
    type: v.literal('highlights/orphans'),
    articleUrl: HighlightPlaceSchema,
    ids: v.pipe(v.array(Id), v.maxLength(10_000)),
  }),
  // An article's "Read in Prospect Reader" beside a PDF attachment: the background opens the reader page.
  v.strictObject({ type: v.literal('pdf/open'), pdfUrl: WebUrlSchema, articleUrl: v.optional(WebUrlSchema) }),
  v.strictObject({
    type: v.literal('notes/open'),
    articleUrl: v.optional(HighlightPlaceSchema),
    highlightId: v.optional(Id),
  }),
]);

export type Request = v.InferOutput<typeof RequestSchema>;
export type RequestType = Request['type'];

/** What each request answers with. */
export interface ResponseMap {
  'glossary/get': GlossaryIndex;
  'glossary/match': MatchIndex;
  /** The entries of the ids asked for that the glossary has. */
  'glossary/entries': CompiledEntry[];
  'glossary/first-marks': FirstMarks;
  /** The longest CC-CEDICT word at the start of the text, or null. */
  'dictionary/lookup': DictionaryMatch | null;
  /** The dictionary file's text for one direction of the 繁/简 switch. */
  'script/dictionary': string;
  /** The settings as stored after the change. */
  'settings/update': Settings;
  'highlights/list': Highlight[];
  'highlights/add': Highlight;
  'highlights/update': Highlight;
  /** The removed highlight, for undo; null when it was already gone. */
  'highlights/remove': Highlight | null;
  'highlights/restore': Highlight;
  'terms/save': { added: boolean };
  /** The removed term; null when it was already gone. */
  'terms/remove': SavedTerm | null;
  'terms/restore': SavedTerm;
  'trash/purge': null;
  'backup/import': ImportResult;
  'client/origin': string;
  /** The ids recorded as orphans (those that are highlights of the article). */
  'highlights/orphans': string[];
  'pdf/open': null;
  'notes/open': null;
}

/**
 * The glossary's marks in each text sent, their entries numbered into `ids` (only the entries found).
 * The reader's own entries are left out: the page draws those itself, where the page cannot see them,
 * so their ids never travel here.
 */
export interface FirstMarks {
  ids: string[];
  found: TermMatch[][];
}

export type Reply<T extends RequestType> = { ok: true; value: ResponseMap[T] } | { ok: false; error: string };
