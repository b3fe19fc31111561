import { createFoldTable, foldText, type FoldTable } from '../glossary/fold';
import { parseEntryLine, parseHeader, trailerLine, type DictionaryHeader } from './format';
import type { DictionaryEntry, DictionaryMatch } from './types';

/** No CC-CEDICT word is longer than this (in UTF-16 units) that a reader would hover. */
export const MAX_WORD_UNITS = 16;

export interface Dictionary {
  header: DictionaryHeader;
  /** The fold table the keys were made with. */
  fold: FoldTable;
  /** The longest dictionary word at the start of `text`, or null when none starts there. */
  lookup(text: string): DictionaryMatch | null;
}

const VARIANT_ONLY = /\bvariant of\b/;

/**
 * A dictionary over the compiled file's text (utils/dictionary/format.ts), searched in place: the
 * service worker keeps one string and parses an entry only when a lookup reaches it. A damaged
 * or cut-off file throws a clear error.
 */
export function createDictionary(fileText: string, foldTable?: FoldTable): Dictionary {
  const text = fileText;
  const headerEnd = text.indexOf('\n');
  const foldEnd = headerEnd < 0 ? -1 : text.indexOf('\n', headerEnd + 1);
  const header = parseHeader(headerEnd < 0 ? text : text.slice(0, headerEnd));
  const body = foldEnd + 1;
  // The body ends where the trailer line starts.
  const bodyEnd = text.lastIndexOf('\n', text.length - 2) + 1;
  if (foldEnd < 0 || !text.endsWith('\n') || text.slice(bodyEnd, -1) !== trailerLine(header.count)) {
    throw new Error('the dictionary file is damaged (entries missing); reinstall the extension');
  }
  // A shard has no fold line of its own: the index's table is given.
  const table = foldTable ?? createFoldTable(text.slice(headerEnd + 1, foldEnd));

  const lineEnd = (start: number) => text.indexOf('\n', start);
  const keyAt = (start: number, end: number) => {
    const tab = text.indexOf('\t', start);
    return text.slice(start, tab >= 0 && tab < end ? tab : end);
  };

  /** The start of the first line whose key is not below `key`. */
  function lowerBound(key: string): number {
    let lo = body;
    let hi = bodyEnd;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = Math.max(lo, text.lastIndexOf('\n', mid - 1) + 1);
      const end = lineEnd(start);
      if (keyAt(start, end) < key) lo = end + 1;
      else hi = start;
    }
    return lo;
  }

  function linesOf(key: string): string[] {
    const found: string[] = [];
    for (let start = lowerBound(key); start < bodyEnd; ) {
      const end = lineEnd(start);
      if (keyAt(start, end) !== key) break;
      found.push(text.slice(start, end));
      start = end + 1;
    }
    return found;
  }

  return {
    header,
    fold: table,
    lookup(query) {
      const head = query.slice(0, MAX_WORD_UNITS);
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
    // Units, not code points: trad[i] and simp[i] index UTF-16 units.
    for (let i = 0; i < lower.length; i++) if (lower[i] !== trad[i] && lower[i] !== simp[i]) return false;
    return true;
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
