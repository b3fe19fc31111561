import * as v from 'valibot';
import { isLocalPdfKey } from '../pdf/local-pdf';
import { HIGHLIGHT_COLORS, type Highlight, type SavedTerm } from './types';

/** Generous bounds that no real highlight reaches, so a hostile message cannot fill the database. */
export const MAX_TEXT = 100_000;
const MAX_SHORT = 2_000;
/** A quote's stored context either side (anchoring compares only its part nearest the quote). */
export const MAX_CONTEXT = MAX_SHORT;
export const MAX_TAGS = 50;
export const MAX_TAG_CHARS = 100;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max, `longer than ${max} characters`));
const isoTime = v.pipe(v.string(), v.isoTimestamp('not an ISO 8601 time'));
/** An http(s) address: the one schema of an article's or a PDF's address, in records and in messages. */
export const WebUrlSchema = v.pipe(text(MAX_SHORT), v.url('not a web address'), v.regex(/^https?:/, 'not a web address'));
/** Where a highlight is: a web page or PDF, or a PDF from this computer (its fingerprint). */
export const HighlightPlaceSchema = v.union([WebUrlSchema, v.pipe(v.string(), v.check(isLocalPdfKey))], 'not a web address');
const offset = v.pipe(v.number(), v.integer(), v.minValue(0));

export const HighlightColorSchema = v.picklist(HIGHLIGHT_COLORS);
export const TagsSchema = v.pipe(
  v.array(v.pipe(text(MAX_TAG_CHARS), v.trim(), v.nonEmpty('an empty tag'))),
  v.maxLength(MAX_TAGS, `more than ${MAX_TAGS} tags`),
);

/** Highlights made here carry UUIDs; imported ones may carry another tool's identifier. */
const recordId = v.pipe(text(200), v.nonEmpty());

export const HighlightSchema = v.strictObject({
  id: recordId,
  articleUrl: HighlightPlaceSchema,
  articleTitle: text(MAX_SHORT),
  articleAuthor: v.optional(text(MAX_SHORT)),
  articleDate: v.optional(text(40)),
  lang: v.picklist(['zh', 'en']),
  pdfPage: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000))),
  attachedToArticle: v.optional(WebUrlSchema),
  quote: v.strictObject({
    type: v.literal('TextQuoteSelector'),
    exact: v.pipe(text(MAX_TEXT), v.nonEmpty()),
    prefix: text(MAX_CONTEXT),
    suffix: text(MAX_CONTEXT),
  }),
  position: v.pipe(
    v.strictObject({ type: v.literal('TextPositionSelector'), start: offset, end: offset }),
    v.check((p) => p.end > p.start, 'end must come after start'),
  ),
  color: HighlightColorSchema,
  note: text(MAX_TEXT),
  tags: TagsSchema,
  created: isoTime,
  modified: isoTime,
}) satisfies v.GenericSchema<unknown, Highlight>;

export const HighlightChangesSchema = v.strictObject({
  note: v.optional(text(MAX_TEXT)),
  tags: v.optional(TagsSchema),
  color: v.optional(HighlightColorSchema),
});

export const SavedTermSchema = v.strictObject({
  id: recordId,
  termId: text(200),
  trad: text(200),
  simp: text(200),
  en: text(MAX_SHORT),
  pinyin: text(MAX_SHORT),
  explanation: text(MAX_SHORT),
  sentence: text(MAX_SHORT),
  articleUrl: HighlightPlaceSchema,
  articleTitle: text(MAX_SHORT),
  created: isoTime,
}) satisfies v.GenericSchema<unknown, SavedTerm>;
