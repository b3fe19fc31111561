import type { GlossaryIndex } from './types';

/**
 * A table from UTF-16 unit to its folded unit. Folding is length-preserving, so
 * offsets found in folded text are offsets in the page's text.
 */
export type FoldTable = Uint16Array;

export function createFoldTable(fold: GlossaryIndex['fold']): FoldTable {
  const table = new Uint16Array(0x10000);
  for (let i = 0; i < table.length; i++) table[i] = i;
  for (let c = 0x41; c <= 0x5a; c++) table[c] = c + 0x20;
  // Full-width ASCII (ＩＣＢＭ) folds to ASCII, then to lower case.
  for (let c = 0xff01; c <= 0xff5e; c++) table[c] = table[c - 0xfee0]!;
  // A typographic apostrophe is the same mark in a possessive: China’s, the Philippines’.
  table[0x2019] = 0x27;
  // A no-break space between the words of a name (US&nbsp;Senate) is the space the pattern holds.
  table[0xa0] = 0x20;
  // Names keep or drop their accents by outlet (António / Antonio Guterres, Erdoğan / Erdogan).
  for (let c = LATIN_ACCENTED_FIRST; c <= LATIN_ACCENTED_LAST; c++) table[c] = latinBase(c);
  for (let i = 0; i + 1 < fold.length; i += 2) {
    table[fold.charCodeAt(i)] = fold.charCodeAt(i + 1);
  }
  return table;
}

const LATIN_ACCENTED_FIRST = 0xc0;
const LATIN_ACCENTED_LAST = 0x24f;

/**
 * A precomposed Latin letter with accents (U+00C0–U+024F) as its lower-case ASCII letter (é → e);
 * any other unit as it is. One unit for one, so offsets in folded text stay those of the page.
 */
export function latinBase(unit: number): number {
  if (unit < LATIN_ACCENTED_FIRST || unit > LATIN_ACCENTED_LAST) return unit;
  const base = String.fromCharCode(unit).normalize('NFD').charCodeAt(0);
  if (base >= 0x41 && base <= 0x5a) return base + 0x20;
  return base >= 0x61 && base <= 0x7a ? base : unit;
}

const CHUNK = 8192;

export function foldText(text: string, table: FoldTable): string {
  return unitsToText(foldUnits(text, table));
}

/** The folded units of `text`, one for each of its UTF-16 units. */
export function foldUnits(text: string, table: FoldTable): Uint16Array {
  const n = text.length;
  const units = new Uint16Array(n);
  for (let i = 0; i < n; i++) units[i] = table[text.charCodeAt(i)]!;
  return units;
}

export function unitsToText(units: Uint16Array): string {
  let out = '';
  for (let i = 0; i < units.length; i += CHUNK) {
    out += String.fromCharCode.apply(null, units.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return out;
}
