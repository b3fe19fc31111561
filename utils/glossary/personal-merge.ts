import { foldWith } from './compile';
import type { PersonalGlossary } from './personal-entry';
import type { CompiledEntry, CompiledPattern, GlossaryIndex } from './types';

function foldMap(pairs: string, into = new Map<string, string>()): Map<string, string> {
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const from = pairs[i]!;
    if (!into.has(from)) into.set(from, pairs[i + 1]!);
  }
  return into;
}

/**
 * The glossary pages match against: the built-in index with the reader's entries merged in.
 * - a hidden built-in entry is dropped with its patterns;
 * - a reader's entry wins over a built-in entry with the same term (its Traditional or Simplified
 *   form), and over any built-in pattern spelled like one of its forms;
 * - the reader's entries are found in both scripts (their forms were derived when saved).
 * Pure; the built-in index is not changed.
 */
export function mergePersonalGlossary(builtIn: GlossaryIndex, personal: PersonalGlossary): GlossaryIndex {
  if (!personal.entries.length && !personal.hidden.length) return builtIn;
  const fold = foldMap(builtIn.fold);
  for (const entry of personal.entries) foldMap(entry.fold, fold);

  const claimed = new Map<string, number>();
  const personalEntries: CompiledEntry[] = [];
  for (const entry of personal.entries) {
    const folded = [...new Set(entry.forms.map((f) => foldWith(f, fold)))].filter((f) => !claimed.has(f));
    // An entry whose every form an earlier one of the reader's already claims adds nothing.
    if (!folded.length) continue;
    for (const f of folded) claimed.set(f, personalEntries.length);
    personalEntries.push({
      id: entry.id,
      trad: entry.trad,
      simp: entry.simp,
      mainland: [],
      en: entry.english,
      pinyin: entry.pinyin ?? '',
      ...(entry.category ? { category: entry.category } : {}),
      region: 'global',
      explainZh: entry.explanation ?? '',
      explainEn: entry.explanation ?? '',
      personal: true,
    });
  }

  const hidden = new Set(personal.hidden);
  const newIndex = new Map<number, number>();
  const entries: CompiledEntry[] = [];
  builtIn.entries.forEach((entry, i) => {
    if (hidden.has(entry.id)) return;
    if (claimed.has(foldWith(entry.trad, fold)) || claimed.has(foldWith(entry.simp, fold))) return;
    newIndex.set(i, entries.length);
    entries.push(entry);
  });
  const offset = entries.length;
  entries.push(...personalEntries);

  const patterns: CompiledPattern[] = [];
  for (const pattern of builtIn.patterns) {
    const [text, entryIndex] = pattern;
    if (pattern[2] === 0 && claimed.has(text)) continue;
    if (entryIndex < 0) {
      patterns.push(pattern);
      continue;
    }
    const moved = newIndex.get(entryIndex);
    if (moved === undefined) continue;
    patterns.push(moved === entryIndex ? pattern : ([text, moved, ...pattern.slice(2)] as CompiledPattern));
  }
  for (const [text, index] of claimed) patterns.push([text, offset + index, 0]);

  let foldPairs = '';
  for (const [from, to] of fold) foldPairs += from + to;
  return { version: 1, entries, patterns, fold: foldPairs };
}

/**
 * Built-in entries whose Chinese (either script), English or pinyin contains `query`
 * (case-insensitive, tone marks optional), at most `limit`, for the options page's search box.
 */
export function searchBuiltIn(entries: readonly CompiledEntry[], query: string, limit = 50): CompiledEntry[] {
  const plain = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const q = plain(query.trim());
  if (!q) return [];
  const out: CompiledEntry[] = [];
  for (const e of entries) {
    if ([e.trad, e.simp, e.en, e.pinyin, ...e.mainland].some((f) => plain(f).includes(q))) out.push(e);
    if (out.length >= limit) break;
  }
  return out;
}
