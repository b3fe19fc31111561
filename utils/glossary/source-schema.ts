import * as v from 'valibot';
import { issueMessages } from '../validation/issue-messages';
import { CATEGORIES, PERSONAL_ID_PREFIX, REGIONS, type SourceEntry } from './types';

const text = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));
const texts = v.array(text);

export const SourceEntrySchema = v.strictObject({
  id: v.pipe(
    v.string(),
    v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be kebab-case ASCII'),
    // The reader's own entries are told apart by this prefix: a built-in entry with it would be taken for one.
    v.check((id) => !id.startsWith(PERSONAL_ID_PREFIX), `id must not start with ${PERSONAL_ID_PREFIX} (the reader's own entries' prefix)`),
  ),
  zh: text,
  simplified: v.optional(text),
  simplifiedReason: v.optional(text),
  zhAliases: v.optional(texts),
  mainland: v.optional(texts),
  en: text,
  enAliases: v.optional(texts),
  pinyin: v.optional(text),
  category: v.picklist(CATEGORIES, `category must be one of ${CATEGORIES.join(', ')}`),
  region: v.picklist(REGIONS, `region must be one of ${REGIONS.join(', ')}`),
  explain: v.strictObject({ zh: text, en: text }),
  notWithin: v.optional(texts),
  checked: v.optional(v.pipe(v.string(), v.isoDate('checked must be a date, YYYY-MM-DD'))),
  unless: v.optional(
    v.array(
      v.pipe(
        v.strictObject({ before: v.optional(texts), after: v.optional(texts) }),
        v.check((rule) => !!(rule.before?.length || rule.after?.length), 'a rule needs before or after'),
      ),
    ),
  ),
  notInName: v.optional(v.boolean()),
  cues: v.optional(texts),
}) satisfies v.GenericSchema<unknown, SourceEntry>;

/** Checks one record's shape; returns the entry or the problems, each naming its field. */
export function parseSourceEntry(
  raw: unknown,
): { ok: true; entry: SourceEntry } | { ok: false; problems: string[] } {
  const result = v.safeParse(SourceEntrySchema, raw);
  if (result.success) return { ok: true, entry: result.output };
  return { ok: false, problems: issueMessages(result.issues) };
}
