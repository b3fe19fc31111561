import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import { CATEGORIES, PERSONAL_GLOSSARY_AREA_KEY, PERSONAL_ID_PREFIX } from './types';
import { MAX_PERSONAL_ENTRIES, type PersonalEntry, type PersonalGlossary } from './personal-entry';

/**
 * The personal glossary lives in storage.local (it is small, and a storage change reaches every
 * tab by itself): the options page writes it, the background reads it to answer `glossary/get`,
 * and content scripts only watch it to ask the background again (content/page-root/page-storage.ts).
 */
export const PERSONAL_GLOSSARY_KEY = `local:${PERSONAL_GLOSSARY_AREA_KEY}` as const;

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max * 2));
const EntrySchema = v.object({
  id: v.pipe(v.string(), v.startsWith(PERSONAL_ID_PREFIX), v.maxLength(200)),
  term: Text(40),
  english: Text(200),
  simplified: v.optional(Text(40)),
  pinyin: v.optional(Text(200)),
  explanation: v.optional(Text(1000)),
  category: v.optional(v.picklist(CATEGORIES)),
  trad: Text(80),
  simp: Text(80),
  forms: v.pipe(v.array(Text(80)), v.maxLength(10)),
  fold: v.pipe(v.string(), v.maxLength(400)),
  created: v.string(),
  modified: v.string(),
}) satisfies v.GenericSchema<unknown, PersonalEntry>;

export const EMPTY_PERSONAL_GLOSSARY: Readonly<PersonalGlossary> = Object.freeze({ entries: [], hidden: [] });

/**
 * Any stored value to a valid personal glossary: an entry that does not check out is dropped
 * alone (the others are kept), as is a hidden id that is not a string.
 */
export function normalizePersonalGlossary(raw: unknown): PersonalGlossary {
  const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const entries: PersonalEntry[] = [];
  const ids = new Set<string>();
  for (const item of Array.isArray(source.entries) ? source.entries : []) {
    const parsed = v.safeParse(EntrySchema, item);
    if (!parsed.success || ids.has(parsed.output.id)) continue;
    ids.add(parsed.output.id);
    entries.push(parsed.output as PersonalEntry);
    if (entries.length >= MAX_PERSONAL_ENTRIES) break;
  }
  const hidden = Array.isArray(source.hidden)
    ? [...new Set(source.hidden.filter((id): id is string => typeof id === 'string' && id.length <= 200))]
    : [];
  return { entries, hidden };
}

export function definePersonalGlossaryItem() {
  return storage.defineItem<PersonalGlossary>(PERSONAL_GLOSSARY_KEY, { version: 1, fallback: EMPTY_PERSONAL_GLOSSARY });
}

let item: ReturnType<typeof definePersonalGlossaryItem> | null = null;
const personalItem = () => (item ??= definePersonalGlossaryItem());

export async function loadPersonalGlossary(): Promise<PersonalGlossary> {
  return normalizePersonalGlossary(await personalItem().getValue());
}

/** Replaces the stored glossary with `change(current)`, normalised. */
export async function updatePersonalGlossary(change: (current: PersonalGlossary) => PersonalGlossary): Promise<PersonalGlossary> {
  const next = normalizePersonalGlossary(change(await loadPersonalGlossary()));
  await personalItem().setValue(next);
  return next;
}

/** Calls `onChange` whenever any context changes the personal glossary; returns unwatch. */
export function watchPersonalGlossary(onChange: (glossary: PersonalGlossary) => void): () => void {
  return personalItem().watch((value) => onChange(normalizePersonalGlossary(value)));
}
