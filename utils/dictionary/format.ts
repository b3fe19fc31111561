import type { DictionaryEntry, WordRef } from './types';

/**
 * The compiled dictionary (scripts/cedict-compile.ts writes it gzipped, the background reads it):
 *   line 1  `prospect-cedict/1 <TAB> data date <TAB> entry count`
 *   line 2  the fold table: pairs of UTF-16 units, each unit followed by the one it folds to
 *   then    one entry a line, sorted by key (the folded headword), so a lookup is a binary search
 *           over the lines with no index to build when the service worker wakes:
 *           key, trad, simp (empty when equal to the key), pinyin, Taiwan pinyin, senses joined
 *           by '/', classifiers and variants as `trad|simp|pinyin` joined by ';', tab-separated.
 */
export const DICTIONARY_FORMAT = 'prospect-cedict/1';
/** Gzipped: the package grows by 4 MB instead of 9.5 MB, and unpacking costs the background some 30 ms once. */
export const DICTIONARY_FILE = 'dictionary/cedict.txt.gz';
const FIELDS = 8;

export interface DictionaryHeader {
  date: string;
  count: number;
}

export function headerLine(header: DictionaryHeader): string {
  return [DICTIONARY_FORMAT, header.date, String(header.count)].join('\t');
}

export function parseHeader(line: string | undefined): DictionaryHeader {
  const [format, date, count] = (line ?? '').split('\t');
  if (format !== DICTIONARY_FORMAT || !date || !count || !/^\d+$/.test(count)) {
    throw new Error('the dictionary file is damaged (unknown header); reinstall the extension');
  }
  return { date, count: Number(count) };
}

const refText = (ref: WordRef) => `${ref.trad}|${ref.simp === ref.trad ? '' : ref.simp}|${ref.pinyin}`;

function parseRefs(field: string): WordRef[] {
  if (!field) return [];
  return field.split(';').map((text) => {
    const [trad = '', simp = '', pinyin = ''] = text.split('|');
    return { trad, simp: simp || trad, pinyin };
  });
}

export function entryLine(key: string, entry: DictionaryEntry): string {
  for (const text of [entry.trad, entry.simp, entry.pinyin, ...entry.senses]) {
    if (/[\t\n]/.test(text)) throw new Error(`a tab or line break in the entry ${entry.trad}`);
  }
  return [
    key,
    entry.trad === key ? '' : entry.trad,
    entry.simp === key ? '' : entry.simp,
    entry.pinyin,
    entry.taiwanPinyin ?? '',
    entry.senses.join('/'),
    entry.classifiers.map(refText).join(';'),
    entry.variantOf.map(refText).join(';'),
  ].join('\t');
}

/** The key of an entry line: the text before its first tab. */
export function lineKey(line: string): string {
  const tab = line.indexOf('\t');
  return tab < 0 ? line : line.slice(0, tab);
}

export function parseEntryLine(line: string): DictionaryEntry {
  const fields = line.split('\t');
  if (fields.length !== FIELDS) throw new Error('the dictionary file is damaged (a malformed entry); reinstall the extension');
  const [key, trad, simp, pinyin, taiwanPinyin, senses, classifiers, variants] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return {
    trad: trad || key,
    simp: simp || key,
    pinyin,
    ...(taiwanPinyin ? { taiwanPinyin } : {}),
    senses: senses ? senses.split('/') : [],
    classifiers: parseRefs(classifiers),
    variantOf: parseRefs(variants),
  };
}
