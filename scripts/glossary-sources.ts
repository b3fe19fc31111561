import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { LineCounter, parseDocument, isSeq } from 'yaml';
import * as OpenCC from 'opencc-js';
import { pinyin, polyphonic } from 'pinyin-pro';
import { compileGlossary, type ChineseTools, type CompileResult, type RawRecord } from '../utils/glossary/compile';

/** The glossary's sources; PROSPECT_GLOSSARY_DIR points a build at another folder of YAML files. */
export const GLOSSARY_DIR = process.env.PROSPECT_GLOSSARY_DIR ?? join(import.meta.dirname, '..', 'glossary');

/** Reads every `glossary/*.yaml`; each file is a list of records, one term per record. */
export function readGlossarySources(dir = GLOSSARY_DIR): { records: RawRecord[]; files: string[] } {
  const records: RawRecord[] = [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(dir, f));
  for (const file of files) {
    const name = relative(join(dir, '..'), file);
    const lines = new LineCounter();
    const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lines, uniqueKeys: true });
    for (const error of doc.errors) {
      records.push({ origin: `${name}:${lines.linePos(error.pos[0]).line}`, value: { yamlError: error.message } });
    }
    if (doc.errors.length) continue;
    if (!isSeq(doc.contents)) {
      records.push({ origin: name, value: { yamlError: 'the file must be a list of entries (each starting with "- id:")' } });
      continue;
    }
    for (const item of doc.contents.items) {
      const offset = (item as { range?: [number, number, number] }).range?.[0] ?? 0;
      records.push({ origin: `${name}:${lines.linePos(offset).line}`, value: (item as { toJSON(): unknown }).toJSON() });
    }
  }
  return { records, files };
}

export function createChineseTools(): ChineseTools {
  const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  return {
    toSimplified,
    toTraditional,
    readings: (char) => polyphonic(char, { type: 'array' })[0] ?? [],
    pinyin: (simplified) =>
      pinyin(simplified, { type: 'array', nonZh: 'removed', toneType: 'symbol' }) as string[],
  };
}

/** Compiles the sources; a record filed under another category's file is a problem too. */
export function compileGlossarySources(dir = GLOSSARY_DIR): CompileResult {
  const { records } = readGlossarySources(dir);
  const result = compileGlossary(records, createChineseTools());
  for (const { origin, value } of records) {
    const file = basename(origin.replace(/:\d+$/, ''), '.yaml');
    const category = (value as { category?: unknown } | null)?.category;
    if (typeof category === 'string' && category !== file) {
      const id = String((value as { id?: unknown }).id);
      result.problems.push({ origin, id, message: `category ${category} belongs in glossary/${category}.yaml` });
    }
  }
  return result;
}
