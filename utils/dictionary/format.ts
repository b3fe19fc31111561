import type { DictionaryEntry, WordRef } from './types';

/**
 * The compiled dictionary (scripts/cedict-compile.ts writes it gzipped, the background reads it):
 *   line 1  `prospect-cedict/1 <TAB> data date <TAB> entry count`
 *   line 2  the fold table: pairs of UTF-16 units, each unit followed by the one it folds to
 *   then    one entry a line, sorted by key (the folded headword), so a lookup is a binary search
 *           in the text itself, with nothing to split or index when the service worker wakes:
 *           key, trad, simp (empty when equal to the key), pinyin, Taiwan pinyin, senses joined
 *           by '/', classifiers and variants as `trad|simp|pinyin` joined by ';', tab-separated
 *   last    `#end <TAB> entry count`, so a cut-off file is known at once.
 */
export const DICTIONARY_FORMAT = 'prospect-cedict/1';
/**
 * In the extension: an index file (the header and the fold table, no entries) and the entries in
 * shards by the first unit of their key, each a file of this format with an empty fold line. A
 * longest-match lookup only ever needs the one shard its first character names, so a service
 * worker that just woke reads and unpacks some 60 kB, not the whole 9 MB. Gzipped: the package
 * grows by 4 MB instead of 9.
 */
export const DICTIONARY_INDEX_FILE = 'dictionary/index.txt.gz';
export const DICTIONARY_SHARDS = 64;
export const shardFile = (shard: number) => `dictionary/${shard}.txt.gz`;
/** The shard of a folded key (or of folded text to look up): by its first UTF-16 unit. */
export const shardOf = (folded: string) => folded.charCodeAt(0) % DICTIONARY_SHARDS;

/** A file of this format: header, fold line, entry lines (sorted), trailer. */
export function dictionaryText(date: string, foldPairs: string, lines: readonly string[]): string {
  return [headerLine({ date, count: lines.length }), foldPairs, ...lines, trailerLine(lines.length)].join('\n') + '\n';
}
const FIELDS = 8;

export interface DictionaryHeader {
  date: string;
  count: number;
}

export function headerLine(header: DictionaryHeader): string {
  return [DICTIONARY_FORMAT, header.date, String(header.count)].join('\t');
}

export function trailerLine(count: number): string {
  return `#end\t${count}`;
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
