import { buildFold, hanChars, type ChineseTools } from './compile';
import { CATEGORIES, PERSONAL_ID_PREFIX, type Category } from './types';

/**
 * The reader's own glossary: entries they add, edit or import on the options page, and the
 * built-in entries they hid. Stored by personal-storage.ts, merged into the built-in index by
 * personal-merge.ts in the background.
 */
export interface PersonalGlossary {
  entries: PersonalEntry[];
  /** Ids of built-in entries the reader hid; they are not matched on pages. */
  hidden: string[];
}

/** What the reader types (or a CSV row holds); only term and english are required. */
export interface PersonalFields {
  /** The Chinese term, in either script. */
  term: string;
  english: string;
  /** Only when opencc's Simplified form of the term is not the one wanted. */
  simplified?: string;
  pinyin?: string;
  explanation?: string;
  category?: Category;
}

export interface PersonalEntry extends PersonalFields {
  /** `personal-<uuid>`, never the id of a built-in entry. */
  id: string;
  /** Derived when saved (derivePersonalForms), so neither the background nor pages need opencc. */
  trad: string;
  simp: string;
  /** Every Chinese form matched on pages: as typed, Traditional, Simplified. */
  forms: string[];
  /** Fold pairs for the forms' characters, in GlossaryIndex['fold'] format. */
  fold: string;
  created: string;
  modified: string;
}

/** Field lengths in characters (code points). */
export const PERSONAL_LIMITS = {
  term: 40,
  english: 200,
  simplified: 40,
  pinyin: 200,
  explanation: 1000,
} as const;
/** The personal glossary's size; storage.local holds it whole. */
export const MAX_PERSONAL_ENTRIES = 5000;

export type PersonalField = keyof typeof PERSONAL_LIMITS | 'category';

export type FieldProblem =
  | { field: PersonalField; code: 'missing' }
  | { field: PersonalField; code: 'too-long'; max: number }
  | { field: PersonalField; code: 'control-characters' }
  | { field: 'term' | 'simplified'; code: 'not-chinese' }
  | { field: 'term'; code: 'too-short' }
  | { field: 'category'; code: 'unknown-category'; value: string };

export type FieldsResult = { ok: true; fields: PersonalFields } | { ok: false; problems: FieldProblem[] };

// Tabs and line breaks are allowed in an explanation only; other C0/C1 controls, lone
// surrogates and U+FFFD (what binary junk decodes to) nowhere.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LINE_BREAKS = /[\t\n\r]/;

/**
 * Checks and tidies what the reader typed: trims every field, collapses spaces in one-line fields,
 * drops empty optional fields. Every problem is reported, not only the first.
 */
export function validatePersonalFields(raw: Partial<Record<PersonalField, string | undefined>>): FieldsResult {
  const problems: FieldProblem[] = [];
  const text = (field: keyof typeof PERSONAL_LIMITS): string | undefined => {
    const value = raw[field];
    if (value === undefined) return undefined;
    const multiline = field === 'explanation';
    const tidy = multiline ? value.replace(/\r\n?/g, '\n').trim() : value.replace(/\s+/g, ' ').trim();
    if (!tidy) return undefined;
    if (CONTROL.test(tidy) || (!multiline && LINE_BREAKS.test(value.trim()))) {
      problems.push({ field, code: 'control-characters' });
      return undefined;
    }
    if ([...tidy].length > PERSONAL_LIMITS[field]) problems.push({ field, code: 'too-long', max: PERSONAL_LIMITS[field] });
    return tidy;
  };
  const term = text('term');
  const english = text('english');
  const simplified = text('simplified');
  const pinyin = text('pinyin');
  const explanation = text('explanation');
  if (term === undefined && !problems.some((p) => p.field === 'term')) problems.push({ field: 'term', code: 'missing' });
  if (english === undefined && !problems.some((p) => p.field === 'english')) problems.push({ field: 'english', code: 'missing' });
  if (term !== undefined) {
    const han = hanChars(term).length;
    if (han === 0) problems.push({ field: 'term', code: 'not-chinese' });
    // One character would mark that character everywhere in every article.
    else if ([...term].length < 2) problems.push({ field: 'term', code: 'too-short' });
  }
  if (simplified !== undefined && !hanChars(simplified).length) problems.push({ field: 'simplified', code: 'not-chinese' });

  let category: Category | undefined;
  const rawCategory = raw.category?.trim().toLowerCase();
  if (rawCategory) {
    if ((CATEGORIES as readonly string[]).includes(rawCategory)) category = rawCategory as Category;
    else problems.push({ field: 'category', code: 'unknown-category', value: raw.category!.trim().slice(0, 40) });
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    fields: {
      term: term!,
      english: english!,
      ...(simplified !== undefined ? { simplified } : {}),
      ...(pinyin !== undefined ? { pinyin } : {}),
      ...(explanation !== undefined ? { explanation } : {}),
      ...(category ? { category } : {}),
    },
  };
}

export type ScriptTools = Pick<ChineseTools, 'toSimplified' | 'toTraditional'>;

/**
 * The forms a personal entry is found by on pages, in both scripts, with opencc (Taiwan
 * Traditional ↔ Mainland Simplified, phrase-aware), and the fold pairs their characters need.
 */
export function derivePersonalForms(fields: PersonalFields, tools: ScriptTools): Pick<PersonalEntry, 'trad' | 'simp' | 'forms' | 'fold'> {
  // A term typed in Traditional is kept as typed; one that opencc leaves alone going to Simplified is Simplified (or neutral).
  const trad = tools.toSimplified(fields.term) === fields.term ? tools.toTraditional(fields.term) : fields.term;
  const simp = fields.simplified ?? tools.toSimplified(fields.term);
  const forms = new Set([fields.term, trad, simp, tools.toSimplified(trad), tools.toTraditional(simp)]);
  const list = [...forms].filter((f) => f.length > 0);
  let fold = '';
  for (const [from, to] of buildFold(list, tools)) fold += from + to;
  return { trad, simp, forms: list, fold };
}

/** A new entry, or `previous` with new fields (keeping its id and creation time). */
export function makePersonalEntry(
  fields: PersonalFields,
  tools: ScriptTools,
  now: Date,
  newId: () => string,
  previous?: PersonalEntry,
): PersonalEntry {
  return {
    id: previous?.id ?? `${PERSONAL_ID_PREFIX}${newId()}`,
    ...fields,
    ...derivePersonalForms(fields, tools),
    created: previous?.created ?? now.toISOString(),
    modified: now.toISOString(),
  };
}

/** The entry of `entries` with the same term (as typed, Traditional or Simplified), if any. */
export function findSameTerm(entries: readonly PersonalEntry[], fields: PersonalFields, tools: ScriptTools, exceptId?: string): PersonalEntry | undefined {
  const forms = new Set(derivePersonalForms(fields, tools).forms);
  return entries.find((e) => e.id !== exceptId && (forms.has(e.trad) || forms.has(e.simp) || forms.has(e.term)));
}

export type UpsertResult =
  | { ok: true; glossary: PersonalGlossary; entry: PersonalEntry }
  | { ok: false; reason: 'duplicate'; existing: PersonalEntry }
  | { ok: false; reason: 'full' };

/**
 * Adds an entry, or with `editId` replaces that one. Refuses a second entry for a term the
 * glossary already has (the reader edits that one instead) and a glossary already full.
 */
export function upsertPersonalEntry(
  glossary: PersonalGlossary,
  fields: PersonalFields,
  env: { tools: ScriptTools; now: Date; newId: () => string },
  editId?: string,
): UpsertResult {
  const existing = findSameTerm(glossary.entries, fields, env.tools, editId);
  if (existing) return { ok: false, reason: 'duplicate', existing };
  const previous = editId ? glossary.entries.find((e) => e.id === editId) : undefined;
  if (!previous && glossary.entries.length >= MAX_PERSONAL_ENTRIES) return { ok: false, reason: 'full' };
  const entry = makePersonalEntry(fields, env.tools, env.now, env.newId, previous);
  const entries = previous ? glossary.entries.map((e) => (e.id === previous.id ? entry : e)) : [...glossary.entries, entry];
  return { ok: true, glossary: { ...glossary, entries }, entry };
}

export function removePersonalEntry(glossary: PersonalGlossary, id: string): PersonalGlossary {
  return { ...glossary, entries: glossary.entries.filter((e) => e.id !== id) };
}

/** Hides a built-in entry (it is no longer matched on pages) or shows it again. */
export function setBuiltInHidden(glossary: PersonalGlossary, id: string, hidden: boolean): PersonalGlossary {
  const rest = glossary.hidden.filter((h) => h !== id);
  return { ...glossary, hidden: hidden ? [...rest, id] : rest };
}
