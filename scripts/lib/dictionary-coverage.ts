/**
 * Hover coverage: of the terms a reader of a real article needs explained (the held-out
 * annotations in tests/evaluation/articles/, format in its README), how many a hover explains
 * with a right English: a curated mark covering the whole term (its card: the entry's English, the
 * other senses of a shared form, the dictionary's first entries for the word), or else the
 * dictionary's longest word at the term's first character covering the whole term, either with
 * every word of one of the expected glosses among what the card shows before "All n senses"
 * (compared by their first four letters: facility / facilities; apostrophes inside a word dropped:
 * P'yong'an / Pyongan).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createMatcher, type Matcher } from '../../utils/glossary/matcher';
import { createDictionary, type Dictionary } from '../../utils/dictionary/lookup';
import { CURATED_CARD_DICTIONARY_ENTRIES, DICTIONARY_CARD_ENTRIES, dictionaryWordOf, FIRST_SENSES } from '../../utils/dictionary/card-limits';
import type { GlossaryIndex } from '../../utils/glossary/types';
import { compileGlossarySources } from '../glossary-sources';
import { compileCedict, readCedictPackage } from '../cedict-compile';

export const ARTICLES_DIR = join(import.meta.dirname, '..', '..', 'tests', 'evaluation', 'articles');

export interface AnnotatedTerm {
  term: string;
  expect: string[];
  curated?: boolean;
}

export interface AnnotatedArticle {
  file: string;
  language: 'zh' | 'en';
  terms: AnnotatedTerm[];
}

/**
 * curated / dictionary: explained by one hover; curated-card-dictionary: by the dictionary's
 * section of the curated card (the curated English misses, CC-CEDICT's senses of the same word give
 * it). by-parts: no dictionary word covers the term, but hovering its parts in turn (each the longest word where the last ended) gives every word of an
 * expected gloss (停火協議: 停火 ceasefire, 協議 agreement). The rest are not explained.
 */
export type HoverOutcome = 'curated' | 'curated-card-dictionary' | 'dictionary' | 'by-parts' | 'wrong-gloss' | 'partial-word' | 'none';

export interface CoverageResult {
  outcomes: { file: string; term: string; curatedExpected: boolean; outcome: HoverOutcome }[];
}

const MINOR_WORDS = new Set(['the', 'of', 'and', 'for', 'to', 'a', 'an', 'in', 'on', 'around']);
/** The words that carry a gloss, each cut to its first four letters so facility meets facilities and unify unification. */
const stems = (english: string) =>
  english
    .toLowerCase()
    // A romanisation's apostrophes are no word breaks: CC-CEDICT's P'yong'an is Pyongan.
    .replace(/(?<=[a-z])['’](?=[a-z])/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !MINOR_WORDS.has(w))
    .map((w) => w.slice(0, 4));

/** Whether the English shown gives every word of one of the expected glosses. */
export function glossFits(english: string, expected: readonly string[]): boolean {
  const said = new Set(stems(english));
  return expected.some((gloss) => stems(gloss).every((stem) => said.has(stem)));
}

/** What a hover on the term's first character gives, on a Chinese page. */
// One matcher an index: building it for every term cost most of the report's half minute.
const matchers = new WeakMap<GlossaryIndex, Matcher>();

export function hoverOutcome(term: AnnotatedTerm, index: GlossaryIndex, dictionary: Dictionary): HoverOutcome {
  let matcher = matchers.get(index);
  if (!matcher) matchers.set(index, (matcher = createMatcher(index)));
  const mark = matcher.match(term.term).find((m) => m.start === 0 && m.end === term.term.length);
  const word = dictionary.lookup(term.term);
  // A marked term shows its curated card, right or wrong: its English, the other senses a shared
  // form may have, and the dictionary's first entries for the word whole.
  if (mark) {
    const shown = [mark.entry, ...(mark.senses ?? [])].map((i) => index.entries[i]!.en).join(' / ');
    if (glossFits(shown, term.expect)) return 'curated';
    const written = dictionaryWordOf(term.term, index.entries[mark.entry]!);
    const same = written === term.term ? word : dictionary.lookup(written);
    const section = same && same.length === written.length ? same.entries.slice(0, CURATED_CARD_DICTIONARY_ENTRIES) : [];
    return section.some((e) => glossFits(sensesOf(e), term.expect)) ? 'curated-card-dictionary' : 'wrong-gloss';
  }
  if (!word) return 'none';
  if (word.length === term.term.length) {
    return word.entries.slice(0, DICTIONARY_CARD_ENTRIES).some((e) => glossFits(sensesOf(e), term.expect)) ? 'dictionary' : 'wrong-gloss';
  }
  return explainedByParts(term, dictionary) ? 'by-parts' : 'partial-word';
}

/** The senses a card shows of an entry before the reader asks for all. */
const sensesOf = (entry: { senses: string[] }) => entry.senses.slice(0, FIRST_SENSES).join(' / ');

function explainedByParts(term: AnnotatedTerm, dictionary: Dictionary): boolean {
  let said = '';
  for (let at = 0; at < term.term.length; ) {
    const part = dictionary.lookup(term.term.slice(at));
    if (!part) return false;
    said += ` ${part.entries.map(sensesOf).join(' / ')}`;
    at += part.length;
  }
  return glossFits(said, term.expect);
}

export function readAnnotations(dir = ARTICLES_DIR): AnnotatedArticle[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  } catch {
    return [];
  }
  return files.map((file) => {
    const raw = parse(readFileSync(join(dir, file), 'utf8')) as Partial<AnnotatedArticle> | null;
    if (!raw || (raw.language !== 'zh' && raw.language !== 'en') || !Array.isArray(raw.terms)) {
      throw new Error(`${file}: not an article annotation (see tests/evaluation/README.md)`);
    }
    return { file, language: raw.language, terms: raw.terms };
  });
}

export function hoverCoverage(articles: readonly AnnotatedArticle[], index: GlossaryIndex, dictionary: Dictionary): CoverageResult {
  const outcomes = articles
    .filter((a) => a.language === 'zh')
    .flatMap((a) =>
      a.terms.map((t) => ({ file: a.file, term: t.term, curatedExpected: t.curated !== false, outcome: hoverOutcome(t, index, dictionary) })),
    );
  return { outcomes };
}

const percent = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)}%` : 'n/a');

/** The figures `npm run bench` prints; the missed terms only when asked (evaluation-report.ts says why). */
export function dictionaryCoverageReport(dir = ARTICLES_DIR, { listMissed = false } = {}): string {
  const articles = readAnnotations(dir);
  if (!articles.length) return `Hover coverage: no annotated articles in ${dir}`;
  const dictionary = createDictionary(compileCedict(readCedictPackage()).text);
  const { outcomes } = hoverCoverage(articles, compileGlossarySources().index, dictionary);
  const count = (o: HoverOutcome, list = outcomes) => list.filter((x) => x.outcome === o).length;
  const explained = (list: typeof outcomes) => count('curated', list) + count('curated-card-dictionary', list) + count('dictionary', list);
  const everyday = outcomes.filter((o) => !o.curatedExpected);
  const missed = outcomes.filter((o) => !['curated', 'curated-card-dictionary', 'dictionary', 'by-parts'].includes(o.outcome));
  return [
    `Hover coverage (target ≥ 90%): ${articles.filter((a) => a.language === 'zh').length} Chinese articles, ${outcomes.length} annotated terms`,
    `  explained on hover with an expected English: ${explained(outcomes)} (${percent(explained(outcomes), outcomes.length)}): ` +
      `curated ${count('curated')}, the curated card's dictionary section ${count('curated-card-dictionary')}, dictionary ${count('dictionary')}`,
    `  everyday words (curated: false): ${explained(everyday)} of ${everyday.length} (${percent(explained(everyday), everyday.length)})`,
    `  with hovers on its parts in turn as well: ${explained(outcomes) + count('by-parts')} (${percent(explained(outcomes) + count('by-parts'), outcomes.length)})`,
    `  not explained: ${count('partial-word')} only part of the term is a dictionary word, ${count('wrong-gloss')} a gloss without the expected English (curated or dictionary), ${count('none')} nothing`,
    listMissed
      ? `  missed: ${missed.map((m) => `${m.term} (${m.outcome})`).join(', ')}`
      : `  ${missed.length} missed, not listed (npm run bench -- dictionary --missed lists them)`,
  ].join('\n');
}
