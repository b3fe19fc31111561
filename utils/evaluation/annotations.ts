import * as v from 'valibot';
import { issueMessages } from '../validation/issue-messages';

/** The annotation files of `tests/evaluation/` (their format is in its README). */

const text = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));

const TermSchema = v.strictObject({
  term: text,
  /** A few characters around the term in the article, when the sense depends on them. */
  context: v.optional(text),
  expect: v.pipe(v.array(text), v.nonEmpty('expect needs at least one gloss')),
  curated: v.optional(v.boolean()),
});

const TrapSchema = v.strictObject({ context: text, term: text, why: text });

export const ArticleSchema = v.strictObject({
  url: v.pipe(v.string(), v.url('url must be an address')),
  title: text,
  published: v.pipe(
    v.union([v.string(), v.date()]),
    v.transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d)),
    v.isoDate('published must be a date, YYYY-MM-DD'),
  ),
  language: v.picklist(['zh', 'en'], 'language must be zh or en'),
  script: v.optional(v.picklist(['traditional', 'simplified'], 'script must be traditional or simplified')),
  subjects: v.array(text),
  terms: v.pipe(v.array(TermSchema), v.nonEmpty('an article needs terms')),
  traps: v.optional(v.array(TrapSchema), []),
});
export type Article = v.InferOutput<typeof ArticleSchema>;
export type ArticleTerm = Article['terms'][number];

/** A mark as a sentence expects it: an entry id, or the ids of every sense when the text does not decide. */
const MarkSchema = v.union([v.pipe(text, v.regex(/^[a-z0-9-]+$/, 'a mark is an entry id')), v.array(text)]);
export type ExpectedMark = v.InferOutput<typeof MarkSchema>;

export const SentencesSchema = v.array(v.strictObject({ text, marks: v.array(MarkSchema) }));
export type Sentence = v.InferOutput<typeof SentencesSchema>[number];

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** Checks one parsed file against its schema; each problem names the place in the file. */
export function parseAnnotation<T extends v.GenericSchema>(schema: T, raw: unknown): Parsed<v.InferOutput<T>> {
  const result = v.safeParse(schema, raw);
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, problems: issueMessages(result.issues) };
}
