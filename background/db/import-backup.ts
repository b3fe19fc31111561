import * as v from 'valibot';
import type { ProspectDb } from './database';
import { toStoreError } from './store-error';
import { HIGHLIGHT_COLORS, type Highlight, type HighlightColor, type SavedTerm } from '../../utils/highlights/types';
import { ANNO_CONTEXT, BACKUP_SCHEMA_VERSION, PDF_FRAGMENT_SPEC, STYLE_CLASS_PREFIX, iriToId } from '../../utils/export/w3c-json';
import { MAX_BACKUP_CHARS, type ImportResult } from '../../utils/highlights/backup-limits';
import { normalizeHighlight, normalizeSavedTerm } from '../../utils/highlights/normalize';
import { HighlightSchema, SavedTermSchema as StoredTermSchema } from '../../utils/highlights/schema';
import { isWebUrl } from '../../utils/site/web-url';
/** Highlights plus saved terms; far beyond any reader's, far below what would exhaust memory. */
export const MAX_ENTRIES = 200_000;
/** Per text field; a whole article is about 20,000 characters. */
export const MAX_FIELD_CHARS = 100_000;
const MAX_TAGS = 1_000;
const MAX_ISSUES_SHOWN = 5;

export interface Backup {
  highlights: Highlight[];
  savedTerms: SavedTerm[];
}

/** An import's result, with the articles that gained highlights (for their open tabs). */
export type StoredImport = (Extract<ImportResult, { ok: true }> & { articleUrls: string[] }) | Extract<ImportResult, { ok: false }>;

export type ParseBackupResult = { ok: true; backup: Backup } | { ok: false; error: string };

const Text = v.pipe(v.string(), v.maxLength(MAX_FIELD_CHARS, `is longer than ${MAX_FIELD_CHARS} characters`));
const NonEmptyText = v.pipe(Text, v.nonEmpty('must not be empty'));
const DateTime = v.pipe(
  v.string(),
  v.regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
    'must be a date and time with a time zone, e.g. 2024-05-01T08:31:00Z',
  ),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'is not a real date and time'),
);
const HttpUrl = v.pipe(
  Text,
  v.check(isWebUrl, 'must be an http or https address'),
);
const RecordId = v.pipe(
  v.string(),
  v.maxLength(1_000, 'is too long for an id'),
  v.transform(iriToId),
  v.string('must be a urn:uuid: IRI'),
);
const Offset = v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(0, 'must not be negative'));

const QuoteSelector = v.object({
  type: v.literal('TextQuoteSelector'),
  exact: NonEmptyText,
  prefix: v.optional(Text, ''),
  suffix: v.optional(Text, ''),
});
const PositionSelector = v.object({ type: v.literal('TextPositionSelector'), start: Offset, end: Offset });
// A PDF's page (RFC 3778 `page=N`), beside the text selectors.
const PageSelector = v.object({
  type: v.literal('FragmentSelector'),
  conformsTo: v.literal(PDF_FRAGMENT_SPEC),
  value: v.pipe(v.string(), v.regex(/^page=[1-9]\d{0,4}$/, 'must name a page as page=N')),
});
const Selectors = v.pipe(
  v.array(
    v.variant('type', [QuoteSelector, PositionSelector, PageSelector], 'must be a TextQuoteSelector, a TextPositionSelector or a page FragmentSelector'),
  ),
  v.check(
    (list) => list.filter((s) => s.type === 'TextQuoteSelector').length === 1 && list.filter((s) => s.type === 'TextPositionSelector').length === 1,
    'must hold one TextQuoteSelector and one TextPositionSelector',
  ),
);

const StyleClass = v.picklist(
  HIGHLIGHT_COLORS.map((color) => `${STYLE_CLASS_PREFIX}${color}` as const),
  `must be one of ${HIGHLIGHT_COLORS.map((c) => STYLE_CLASS_PREFIX + c).join(', ')}`,
);

const TextualBody = v.object({
  type: v.literal('TextualBody'),
  purpose: v.picklist(['commenting', 'tagging'], 'must be commenting or tagging'),
  value: Text,
});
const Bodies = v.pipe(
  v.array(TextualBody),
  v.maxLength(MAX_TAGS + 1, `has more than ${MAX_TAGS} tags`),
  v.check((list) => list.filter((b) => b.purpose === 'commenting').length <= 1, 'has more than one note'),
);

const AnnotationSchema = v.pipe(
  v.object({
    id: RecordId,
    type: v.literal('Annotation'),
    created: DateTime,
    modified: DateTime,
    body: v.optional(Bodies, []),
    target: v.object({ source: HttpUrl, selector: Selectors, styleClass: StyleClass }),
    'pr:title': Text,
    'pr:author': v.optional(Text),
    'pr:date': v.optional(Text),
    'pr:lang': v.picklist(['zh', 'en'], 'must be zh or en'),
    'pr:attachedTo': v.optional(HttpUrl),
  }),
  v.transform((a): Highlight => {
    const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector') as v.InferOutput<typeof QuoteSelector>;
    const position = a.target.selector.find((s) => s.type === 'TextPositionSelector') as v.InferOutput<typeof PositionSelector>;
    const page = a.target.selector.find((s) => s.type === 'FragmentSelector');
    return {
      id: a.id,
      articleUrl: a.target.source,
      articleTitle: a['pr:title'],
      ...(a['pr:author'] !== undefined ? { articleAuthor: a['pr:author'] } : {}),
      ...(a['pr:date'] !== undefined ? { articleDate: a['pr:date'] } : {}),
      lang: a['pr:lang'],
      ...(page ? { pdfPage: Number(page.value.slice('page='.length)) } : {}),
      ...(a['pr:attachedTo'] !== undefined ? { attachedToArticle: a['pr:attachedTo'] } : {}),
      quote: { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      position: { type: 'TextPositionSelector', start: position.start, end: position.end },
      color: a.target.styleClass.slice(STYLE_CLASS_PREFIX.length) as HighlightColor,
      note: a.body.find((b) => b.purpose === 'commenting')?.value ?? '',
      tags: a.body.filter((b) => b.purpose === 'tagging').map((b) => b.value),
      created: a.created,
      modified: a.modified,
    };
  }),
  // Then made to fit, and held to, the schema the message protocol enforces: every imported record
  // can be edited, deleted and restored like one made here.
  v.transform(normalizeHighlight),
  HighlightSchema,
);

const SavedTermSchema = v.pipe(
  v.object({
    id: RecordId,
    type: v.literal('pr:SavedTerm'),
    'pr:termId': NonEmptyText,
    'pr:trad': Text,
    'pr:simp': Text,
    'pr:pinyin': Text,
    'pr:en': Text,
    'pr:explanation': Text,
    'pr:sentence': Text,
    'pr:source': HttpUrl,
    'pr:title': Text,
    created: DateTime,
  }),
  v.transform(
    (t): SavedTerm => ({
      id: t.id,
      termId: t['pr:termId'],
      trad: t['pr:trad'],
      simp: t['pr:simp'],
      en: t['pr:en'],
      pinyin: t['pr:pinyin'],
      explanation: t['pr:explanation'],
      sentence: t['pr:sentence'],
      articleUrl: t['pr:source'],
      articleTitle: t['pr:title'],
      created: t.created,
    }),
  ),
  v.transform(normalizeSavedTerm),
  StoredTermSchema,
);

const BackupSchema = v.object({
  '@context': v.pipe(
    v.union([v.string(), v.array(v.unknown())]),
    v.check((c) => (Array.isArray(c) ? c.includes(ANNO_CONTEXT) : c === ANNO_CONTEXT), `must include ${ANNO_CONTEXT}`),
  ),
  type: v.literal('AnnotationCollection', 'must be AnnotationCollection'),
  first: v.object({ items: v.array(AnnotationSchema) }),
  'pr:savedTerms': v.optional(v.array(SavedTermSchema), []),
});

// Just enough to read the version and count the entries before validating every entry.
const Envelope = v.looseObject({
  'pr:schemaVersion': v.pipe(v.number(), v.integer(), v.minValue(1)),
  first: v.optional(v.looseObject({ items: v.optional(v.array(v.unknown()), []) }), { items: [] }),
  'pr:savedTerms': v.optional(v.array(v.unknown()), []),
});

/**
 * Reads a JSON backup (the W3C export). Returns the records to add, or a message saying what is
 * wrong and where; nothing is trusted until every field has been checked.
 */
export function parseBackup(text: string): ParseBackupResult {
  if (text.length > MAX_BACKUP_CHARS) {
    return fail(`The file is too large to be a Prospect Reader backup: it is over ${MAX_BACKUP_CHARS / (1024 * 1024)} MB.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message})` : '';
    return fail(`The file is not complete JSON: it may have been cut short while saving or copying${detail}.`);
  }
  const envelope = v.safeParse(Envelope, json);
  if (!envelope.success) {
    return fail('This is not a Prospect Reader backup: it has no valid "pr:schemaVersion" (export one with "Export JSON").');
  }
  const version = envelope.output['pr:schemaVersion'];
  if (version > BACKUP_SCHEMA_VERSION) {
    return fail(`This backup was made by a newer version of Prospect Reader (backup format ${version}; this version reads format ${BACKUP_SCHEMA_VERSION} and older). Update the extension, then import it again.`);
  }
  const entries = envelope.output.first.items.length + envelope.output['pr:savedTerms'].length;
  if (entries > MAX_ENTRIES) {
    return fail(`The backup holds ${entries.toLocaleString('en')} entries; at most ${MAX_ENTRIES.toLocaleString('en')} can be imported.`);
  }
  const result = v.safeParse(BackupSchema, json, { abortPipeEarly: true });
  if (!result.success) {
    const shown = result.issues.slice(0, MAX_ISSUES_SHOWN).map(describeIssue);
    const more = result.issues.length - shown.length;
    return fail(`The backup is damaged, nothing was imported: ${shown.join('; ')}${more > 0 ? `; and ${more} more problems` : ''}.`);
  }
  return { ok: true, backup: { highlights: result.output.first.items, savedTerms: result.output['pr:savedTerms'] } };
}

/**
 * Adds a backup's records in one transaction. A highlight is skipped when its id is already saved
 * or earlier in the file, or its passage (article and exact quote) is already saved; two
 * highlights of one passage within the file are both kept, since the database they were exported
 * from held both. A saved term is skipped when its id, or its term, article and sentence, are
 * already saved or earlier in the file (the store never holds two such). On any failure the
 * database is left as it was.
 */
export async function importBackup(db: ProspectDb, text: string): Promise<StoredImport> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  const { highlights, savedTerms } = parsed.backup;
  try {
    return await db.transaction('rw', db.highlights, db.savedTerms, async (): Promise<StoredImport> => {
      const newHighlights = await unseenHighlights(db, highlights);
      const newTerms = await unseenTerms(db, savedTerms);
      await db.highlights.bulkAdd(newHighlights);
      await db.savedTerms.bulkAdd(newTerms);
      return {
        ok: true,
        added: { highlights: newHighlights.length, savedTerms: newTerms.length },
        skipped: { highlights: highlights.length - newHighlights.length, savedTerms: savedTerms.length - newTerms.length },
        articleUrls: [...new Set(newHighlights.map((h) => h.articleUrl))],
      };
    });
  } catch (error) {
    return fail(`Nothing was imported: ${toStoreError(error).message}`);
  }
}

async function unseenHighlights(db: ProspectDb, candidates: Highlight[]): Promise<Highlight[]> {
  const passage = (url: string, exact: string) => JSON.stringify([url, exact]);
  const stored = await db.highlights.bulkGet(candidates.map((h) => h.id));
  const ids = new Set(stored.flatMap((h) => (h ? [h.id] : [])));
  const samePassage = await db.highlights
    .where('[articleUrl+quote.exact]')
    .anyOf(candidates.map((h) => [h.articleUrl, h.quote.exact]))
    .toArray();
  const savedPassages = new Set(samePassage.map((h) => passage(h.articleUrl, h.quote.exact)));
  return candidates.filter((h) => {
    if (ids.has(h.id) || savedPassages.has(passage(h.articleUrl, h.quote.exact))) return false;
    ids.add(h.id);
    return true;
  });
}

async function unseenTerms(db: ProspectDb, candidates: SavedTerm[]): Promise<SavedTerm[]> {
  const sameUse = (t: SavedTerm) => JSON.stringify([t.termId, t.articleUrl, t.sentence]);
  const stored = await db.savedTerms.bulkGet(candidates.map((t) => t.id));
  const ids = new Set(stored.flatMap((t) => (t ? [t.id] : [])));
  const sameArticle = await db.savedTerms
    .where('[termId+articleUrl]')
    .anyOf(candidates.map((t) => [t.termId, t.articleUrl]))
    .toArray();
  const uses = new Set(sameArticle.map(sameUse));
  return candidates.filter((t) => {
    const key = sameUse(t);
    if (ids.has(t.id) || uses.has(key)) return false;
    ids.add(t.id);
    uses.add(key);
    return true;
  });
}

// "highlight 4 (first.items[3]), field target.source: must be an http or https address"
function describeIssue(issue: v.BaseIssue<unknown>): string {
  const keys = (issue.path ?? []).map((item) => item.key as string | number);
  let where = 'the collection';
  let rest = keys;
  if (keys[0] === 'first' && keys[1] === 'items' && typeof keys[2] === 'number') {
    where = `highlight ${keys[2] + 1} (first.items[${keys[2]}])`;
    rest = keys.slice(3);
  } else if (keys[0] === 'pr:savedTerms' && typeof keys[1] === 'number') {
    where = `saved term ${keys[1] + 1} (pr:savedTerms[${keys[1]}])`;
    rest = keys.slice(2);
  }
  const field = rest.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('').replace(/^\./, '');
  return field === '' ? `${where}: ${issue.message}` : `${where}, field ${field}: ${issue.message}`;
}


function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}
