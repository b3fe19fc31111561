import { createFoldTable, foldText, type FoldTable } from '../glossary/fold';
import { lineKey, parseEntryLine, parseHeader, type DictionaryHeader } from './format';
import type { DictionaryEntry, DictionaryMatch } from './types';

/** No CC-CEDICT word is longer than this (in UTF-16 units) that a reader would hover. */
export const MAX_WORD_UNITS = 16;

export interface Dictionary {
  header: DictionaryHeader;
  /** The longest dictionary word at the start of `text`, or null when none starts there. */
  lookup(text: string): DictionaryMatch | null;
}

const VARIANT_ONLY = /\bvariant of\b/;

/**
 * A dictionary over the compiled file's text (utils/dictionary/format.ts). The lines are split
 * once; an entry is parsed only when a lookup reaches it. A damaged file throws a clear error.
 */
export function createDictionary(fileText: string): Dictionary {
  const lines = fileText.split('\n');
  const header = parseHeader(lines[0]);
  const table = createFoldTable(lines[1] ?? '');
  const first = 2;
  let last = lines.length;
  while (last > first && lines[last - 1] === '') last--;
  if (last - first !== header.count) {
    throw new Error('the dictionary file is damaged (entries missing); reinstall the extension');
  }

  /** The first line whose key is not below `key`. */
  function lowerBound(key: string): number {
    let lo = first;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (lineKey(lines[mid]!) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  function linesOf(key: string): string[] {
    const found: string[] = [];
    for (let i = lowerBound(key); i < last && lineKey(lines[i]!) === key; i++) found.push(lines[i]!);
    return found;
  }

  return {
    header,
    lookup(text) {
      const head = text.slice(0, MAX_WORD_UNITS);
      const folded = foldText(head, table);
      for (let length = folded.length; length > 0; length--) {
        // Never end inside a surrogate pair.
        if (isHighSurrogate(folded.charCodeAt(length - 1))) continue;
        const found = linesOf(folded.slice(0, length));
        if (found.length) {
          const word = head.slice(0, length);
          return { word, length, entries: rank(word, found.map(parseEntryLine), table) };
        }
      }
      return null;
    },
  };
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

/**
 * The entries of one key, most fitting first. The key folds scripts and variants together, so
 * the entries written as in the text (in either script, unit by unit) come first, real words
 * before "variant of" entries; the rest only when nothing is written that way, or when a
 * variant the text uses points to them.
 */
function rank(word: string, entries: DictionaryEntry[], table: FoldTable): DictionaryEntry[] {
  const lower = foldCase(word, table);
  const written = (e: DictionaryEntry) => {
    const trad = foldCase(e.trad, table);
    const simp = foldCase(e.simp, table);
    return [...lower].every((unit, i) => unit === trad[i] || unit === simp[i]);
  };
  const variantOnly = (e: DictionaryEntry) => e.senses.length > 0 && e.senses.every((s) => VARIANT_ONLY.test(s));
  const exact = entries.filter(written);
  const main = exact.filter((e) => !variantOnly(e));
  const variants = exact.filter(variantOnly);
  if (!exact.length) return entries;
  const pointedTo = entries.filter(
    (e) => !exact.includes(e) && variants.some((v) => v.variantOf.some((ref) => ref.trad === e.trad || ref.simp === e.simp)),
  );
  return [...main, ...variants, ...pointedTo];
}

/** Upper and full-width Latin letters compare as lower-case ASCII; Han units as written. */
function foldCase(text: string, table: FoldTable): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out += unit < 0x80 || (unit >= 0xff01 && unit <= 0xff5e) ? String.fromCharCode(table[unit]!) : text[i];
  }
  return out;
}
