/** Compiles the glossary's sources into the index the build ships (a little over 300 lines: one pass, its steps in order). */
import { compileContext, contextStrings } from './context';
import { checkPerson, checkTexts } from './entry-checks';
import { countryVariants, dottedForm } from './english-forms';
import { latinBase } from './fold';
import { parseSourceEntry } from './source-schema';
import {
  type CompiledEntry,
  type CompiledPattern,
  type GlossaryIndex,
  type SourceEntry,
} from './types';

/** The conversions the build needs; opencc-js and pinyin-pro in production, passed in so tests can see them. */
export interface ChineseTools {
  /** Taiwan Traditional to Simplified, phrase-aware. */
  toSimplified(text: string): string;
  /** Simplified to Taiwan Traditional. */
  toTraditional(text: string): string;
  /** Every reading of one Han character, tone-marked, lower case. */
  readings(char: string): string[];
  /** One tone-marked syllable per character of a Simplified string, chosen in context. */
  pinyin(simplified: string): string[];
}

export interface RawRecord {
  /** Where the record came from, for messages: `glossary/military.yaml#12`. */
  origin: string;
  value: unknown;
}

export interface GlossaryProblem {
  origin: string;
  id?: string;
  message: string;
}

export interface CompileResult {
  index: GlossaryIndex;
  problems: GlossaryProblem[];
}

const HAN = /\p{Script=Han}/u;

export function isHan(char: string): boolean {
  return HAN.test(char);
}

export function hanChars(text: string): string[] {
  return [...text].filter(isHan);
}

function stripTones(syllable: string): string {
  return syllable.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ü/g, 'v');
}

export function normalizePinyin(pinyin: string): string[] {
  return pinyin
    .trim()
    .toLowerCase()
    .split(/[\s\-’']+/)
    .filter(Boolean)
    .map((s) => s.normalize('NFC'));
}

interface PatternSeed {
  text: string;
  entryIndex: number;
  latin: boolean;
  origin: string;
  id: string;
  /** A form derived from an alias (Chinese Coast Guard from China Coast Guard): dropped where taken. */
  derived?: true;
}

export function compileGlossary(records: RawRecord[], tools: ChineseTools): CompileResult {
  const problems: GlossaryProblem[] = [];
  const entries: CompiledEntry[] = [];
  const seeds: PatternSeed[] = [];
  const chineseForms: string[] = [];
  const seenIds = new Map<string, string>();
  const sources: SourceEntry[] = [];

  for (const record of records) {
    // A file the reader could not parse comes as one record carrying the parser's message.
    const yamlError = (record.value as { yamlError?: unknown } | null)?.yamlError;
    if (typeof yamlError === 'string') {
      problems.push({ origin: record.origin, message: yamlError });
      continue;
    }
    const parsed = parseSourceEntry(record.value);
    const rawId =
      typeof record.value === 'object' && record.value !== null && 'id' in record.value
        ? String((record.value as { id: unknown }).id)
        : undefined;
    if (!parsed.ok) {
      for (const message of parsed.problems) problems.push({ origin: record.origin, id: rawId, message });
      continue;
    }
    const entry = parsed.entry;
    const report = (message: string) => problems.push({ origin: record.origin, id: entry.id, message });
    const before = problems.length;

    const firstOrigin = seenIds.get(entry.id);
    if (firstOrigin) report(`id "${entry.id}" is used again (first at ${firstOrigin})`);
    seenIds.set(entry.id, record.origin);

    const simp = checkSimplified(entry, tools, report);
    const pinyin = checkPinyin(entry, simp, tools, report);
    checkTexts(entry, tools, report);
    if (problems.length > before) continue;
    checkPerson(entry, report);

    const entryIndex = entries.length;
    entries.push({
      id: entry.id,
      trad: entry.zh,
      simp,
      mainland: entry.mainland ?? [],
      en: entry.en,
      pinyin,
      category: entry.category,
      region: entry.region,
      explainZh: entry.explain.zh,
      explainEn: entry.explain.en,
      ...(entry.checked ? { checked: entry.checked.slice(0, 7) } : {}),
    });
    sources.push(entry);
    chineseForms.push(...contextStrings(entry.unless, entry.cues, entry.notInName));

    const chinese = new Set<string>();
    for (const form of [entry.zh, ...(entry.zhAliases ?? [])]) {
      chinese.add(form);
      chinese.add(tools.toSimplified(form));
    }
    chinese.add(simp);
    for (const form of entry.mainland ?? []) {
      chinese.add(form);
      chinese.add(tools.toTraditional(form));
    }
    for (const form of chinese) {
      chineseForms.push(form);
      seeds.push({ text: form, entryIndex, latin: false, origin: record.origin, id: entry.id });
    }
    for (const alias of entry.enAliases ?? []) {
      seeds.push({ text: alias, entryIndex, latin: true, origin: record.origin, id: entry.id });
    }
    for (const alias of entry.enAliases ?? []) {
      const dotted = dottedForm(alias);
      if (dotted) seeds.push({ text: dotted, entryIndex, latin: true, origin: record.origin, id: entry.id, derived: true });
      for (const text of countryVariants(alias)) {
        seeds.push({ text, entryIndex, latin: true, origin: record.origin, id: entry.id, derived: true });
      }
    }
    for (const blocker of entry.notWithin ?? []) {
      chineseForms.push(blocker, tools.toSimplified(blocker));
      for (const form of new Set([blocker, tools.toSimplified(blocker)])) {
        seeds.push({ text: form, entryIndex: -1, latin: !hanChars(form).length, origin: record.origin, id: entry.id });
      }
    }
  }

  const fold = buildFold(chineseForms, tools);
  sources.forEach((source, i) => {
    const context = compileContext(source, (text) => foldWith(text, fold));
    if (context) entries[i]!.context = context;
  });
  const patterns = buildPatterns(seeds, fold, entries, problems);
  let foldPairs = '';
  for (const [from, to] of fold) foldPairs += from + to;
  return { index: { version: 1, entries, patterns, fold: foldPairs }, problems };
}

function checkSimplified(entry: SourceEntry, tools: ChineseTools, report: (m: string) => void): string {
  const derived = tools.toSimplified(entry.zh);
  if (entry.simplified === undefined) {
    if (entry.simplifiedReason) report('simplifiedReason is given without a simplified override');
    return derived;
  }
  if (entry.simplified === derived) {
    report(`simplified "${entry.simplified}" is what opencc derives anyway: remove the override`);
  } else if (!entry.simplifiedReason) {
    report(
      `simplified "${entry.simplified}" differs from opencc's "${derived}": add simplifiedReason if deliberate`,
    );
  }
  return entry.simplified;
}

function checkPinyin(
  entry: SourceEntry,
  simp: string,
  tools: ChineseTools,
  report: (m: string) => void,
): string {
  const tradChars = hanChars(entry.zh);
  const simpChars = hanChars(simp);
  if (tradChars.length !== simpChars.length) {
    report('the Traditional and Simplified forms have different numbers of characters');
    return '';
  }
  const readings = tradChars.map((t, i) => {
    const s = simpChars[i]!;
    return new Set([...tools.readings(t), ...tools.readings(s)].map((r) => r.normalize('NFC')));
  });
  if (entry.pinyin === undefined) {
    const polyphones = tradChars.filter((_, i) => readings[i]!.size > 1);
    if (polyphones.length) {
      report(`${polyphones.join('')} has several readings: give pinyin explicitly`);
      return '';
    }
    return tools.pinyin(simp).join(' ');
  }
  const syllables = normalizePinyin(entry.pinyin);
  if (syllables.length !== tradChars.length) {
    report(`pinyin has ${syllables.length} syllables for ${tradChars.length} characters`);
    return entry.pinyin;
  }
  syllables.forEach((syllable, i) => {
    const allowed = readings[i]!;
    if (allowed.size && !allowed.has(syllable)) {
      const loose = [...allowed].some((r) => stripTones(r) === stripTones(syllable));
      report(
        `pinyin "${syllable}" is not a reading of ${tradChars[i]} (${[...allowed].join('/')})` +
          (loose ? ': check the tone' : ''),
      );
    }
  });
  return syllables.join(' ');
}

/**
 * For every Han character of `forms` (and its Traditional variants) that simplifies to another single
 * character: that pair. Matching folds page text with it, so one pattern finds both scripts.
 */
export function buildFold(forms: string[], tools: Pick<ChineseTools, 'toSimplified' | 'toTraditional'>): Map<string, string> {
  const fold = new Map<string, string>();
  const add = (char: string) => {
    if (char.length !== 1 || !isHan(char) || fold.has(char)) return;
    const simplified = tools.toSimplified(char);
    if (simplified.length === 1 && simplified !== char) fold.set(char, simplified);
  };
  for (const form of forms) {
    for (const char of form) {
      add(char);
      // A Traditional page may spell a Mainland term with characters the forms above do not show.
      for (const variant of tools.toTraditional(char)) add(variant);
    }
  }
  return fold;
}

/** `text` as the matcher sees it: folded to Simplified, ASCII capitals to lower case, accents dropped, ’ to ', a no-break space to a space (see fold.ts). */
export function foldWith(text: string, fold: ReadonlyMap<string, string>): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (char.length === 1 && code >= 0x41 && code <= 0x5a) out += String.fromCharCode(code + 0x20);
    else if (char === '’') out += "'";
    else if (char === '\u00a0') out += ' ';
    else if (char.length === 1 && latinBase(code) !== code) out += String.fromCharCode(latinBase(code));
    else out += fold.get(char) ?? char;
  }
  return out;
}

function buildPatterns(
  seeds: PatternSeed[],
  fold: Map<string, string>,
  entries: CompiledEntry[],
  problems: GlossaryProblem[],
): CompiledPattern[] {
  const hasCues = (i: number) => i >= 0 && !!entries[i]!.context?.cues;
  const byFolded = new Map<string, { pattern: CompiledPattern; seed: PatternSeed }>();
  const claim = (folded: string, seed: PatternSeed) => {
    const pattern: CompiledPattern = [folded, seed.entryIndex, seed.latin ? 1 : 0];
    if (seed.latin && /[A-Z]/.test(seed.text)) pattern.push([seed.text]);
    byFolded.set(folded, { pattern, seed });
  };
  for (const seed of seeds) {
    const folded = foldWith(seed.text, fold);
    const caseSensitive = seed.latin && /[A-Z]/.test(seed.text);
    const existing = byFolded.get(folded);
    if (!existing) {
      claim(folded, seed);
      continue;
    }
    if (existing.seed.entryIndex !== seed.entryIndex) {
      if (seed.derived || existing.seed.derived) {
        // A derived form yields to a written one; between two derived forms the first stays.
        if (!seed.derived) claim(folded, seed);
      } else if (hasCues(existing.seed.entryIndex) && hasCues(seed.entryIndex)) {
        // A form two entries share by sense: the first owns the pattern, the matcher weighs the cues.
        const senses = (entries[existing.seed.entryIndex]!.context!.senses ??= {});
        senses[folded] = [...new Set([...(senses[folded] ?? []), seed.id])];
      } else {
        problems.push({
          origin: seed.origin,
          id: seed.id,
          message:
            `"${seed.text}" is claimed by ${existing.seed.id} (${existing.seed.origin}) too` +
            ' (two entries share a form only when both give cues)',
        });
      }
    } else if (existing.pattern[3] && seed.latin) {
      // Two spellings of one entry that differ only in case (NATO, Nato) are both accepted;
      // an alias in lower case lifts the case rule altogether.
      if (caseSensitive) existing.pattern[3].push(seed.text);
      else existing.pattern.length = 3;
    }
  }
  return [...byFolded.values()].map((v) => v.pattern);
}
