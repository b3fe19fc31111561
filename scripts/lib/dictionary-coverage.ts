/**
 * Hover coverage: of the terms a reader of a real article needs explained (the held-out
 * annotations in tests/evaluation/articles/, format in its README), how many a hover on the
 * term's first character explains with a right English. That hover opens the curated card of a mark
 * starting there (its English, the other senses of a shared form, the dictionary's first entries for
 * the word), or else the card of the dictionary's longest word there; when that word or mark is only
 * the start of the term, the card's "Followed by" line gives the words after it. Explained: every
 * word of one of the expected glosses is among what the card shows before "All n senses" (compared
 * by their first four letters: facility / facilities; apostrophes inside a word dropped: P'yong'an /
 * Pyongan). The terms are read alone: in the article the words after a term may run on past it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createMatcher, type Matcher } from '../../utils/glossary/matcher';
import { createDictionary, type Dictionary } from '../../utils/dictionary/lookup';
import { CURATED_CARD_DICTIONARY_ENTRIES, DICTIONARY_CARD_ENTRIES, dictionaryWordOf, FIRST_SENSES, FOLLOWING_SENSES } from '../../utils/dictionary/card-limits';
import { followingWords } from '../../utils/dictionary/following-words';
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
 * it); following: by the card of the term's first word with its "Followed by" line, the words after
 * it (經貿關係: 經貿 economy and trade, then 關係 relations). by-parts: hovering its parts in turn,
 * each the longest word where the last ended, gives every word of an expected gloss, but one card
 * does not (three parts or more). The rest are not explained.
 */
export type HoverOutcome = 'curated' | 'curated-card-dictionary' | 'dictionary' | 'following' | 'by-parts' | 'wrong-gloss' | 'partial-word' | 'none';

/** Outcomes where one hover explains the term. */
export const ONE_HOVER: readonly HoverOutcome[] = ['curated', 'curated-card-dictionary', 'dictionary', 'following'];

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

// One matcher an index: building it for every term cost most of the report's half minute.
const matchers = new WeakMap<GlossaryIndex, Matcher>();

/** The senses a card shows of an entry before the reader asks for all. */
const sensesOf = (entry: { senses: string[] }) => entry.senses.slice(0, FIRST_SENSES).join(' / ');

/** What a hover on the term's first character gives, on a Chinese page. */
export async function hoverOutcome(term: AnnotatedTerm, index: GlossaryIndex, dictionary: Dictionary): Promise<HoverOutcome> {
  let matcher = matchers.get(index);
  if (!matcher) matchers.set(index, (matcher = createMatcher(index)));
  // The page marks the term's start: its curated card is what the hover opens, however far the mark reaches.
  const mark = matcher.match(term.term).find((m) => m.start === 0);
  const word = dictionary.lookup(term.term);
  let first: { length: number; shown: string };
  if (mark) {
    // A curated card shows its English, the other senses a shared form may have, and the
    // dictionary's first entries for the word whole.
    const english = [mark.entry, ...(mark.senses ?? [])].map((i) => index.entries[i]!.en).join(' / ');
    const marked = term.term.slice(0, mark.end);
    const written = dictionaryWordOf(marked, index.entries[mark.entry]!);
    const same = dictionary.lookup(written);
    const section = same && same.length === written.length ? same.entries.slice(0, CURATED_CARD_DICTIONARY_ENTRIES) : [];
    if (mark.end === term.term.length) {
      if (glossFits(english, term.expect)) return 'curated';
      return section.some((e) => glossFits(sensesOf(e), term.expect)) ? 'curated-card-dictionary' : 'wrong-gloss';
    }
    first = { length: mark.end, shown: [english, ...section.map(sensesOf)].join(' / ') };
  } else {
    if (!word) return 'none';
    const entries = word.entries.slice(0, DICTIONARY_CARD_ENTRIES);
    if (word.length === term.term.length) return entries.some((e) => glossFits(sensesOf(e), term.expect)) ? 'dictionary' : 'wrong-gloss';
    first = { length: word.length, shown: entries.map(sensesOf).join(' / ') };
  }
  const rest = term.term.slice(first.length);
  const following = await followingWords(rest, (text) => dictionary.lookup(text));
  const reached = following.reduce((at, w) => at + w.word.length, 0);
  const line = following.map((w) => w.entry.senses.slice(0, FOLLOWING_SENSES).join(' / ')).join(' / ');
  if (reached === rest.length && glossFits(`${first.shown} / ${line}`, term.expect)) return 'following';
  return explainedByParts(first.shown, rest, term.expect, dictionary) ? 'by-parts' : 'partial-word';
}

/** Whether the first card and the cards of the words after it, hovered in turn, give an expected gloss. */
function explainedByParts(firstShown: string, rest: string, expected: readonly string[], dictionary: Dictionary): boolean {
  let said = firstShown;
  for (let at = 0; at < rest.length; ) {
    const part = dictionary.lookup(rest.slice(at));
    if (!part) return false;
    said += ` / ${part.entries.slice(0, DICTIONARY_CARD_ENTRIES).map(sensesOf).join(' / ')}`;
    at += part.length;
  }
  return glossFits(said, expected);
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

export async function hoverCoverage(articles: readonly AnnotatedArticle[], index: GlossaryIndex, dictionary: Dictionary): Promise<CoverageResult> {
  const outcomes: CoverageResult['outcomes'] = [];
  for (const a of articles.filter((x) => x.language === 'zh')) {
    for (const t of a.terms) outcomes.push({ file: a.file, term: t.term, curatedExpected: t.curated !== false, outcome: await hoverOutcome(t, index, dictionary) });
  }
  return { outcomes };
}

const percent = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)}%` : 'n/a');

/** The figures `npm run bench` prints; the missed terms only when asked (evaluation-report.ts says why). */
export async function dictionaryCoverageReport(dir = ARTICLES_DIR, { listMissed = false } = {}): Promise<string> {
  const articles = readAnnotations(dir);
  if (!articles.length) return `Hover coverage: no annotated articles in ${dir}`;
  const dictionary = createDictionary(compileCedict(readCedictPackage()).text);
  const { outcomes } = await hoverCoverage(articles, compileGlossarySources().index, dictionary);
  const count = (o: HoverOutcome, list = outcomes) => list.filter((x) => x.outcome === o).length;
  const explained = (list: typeof outcomes) => list.filter((x) => ONE_HOVER.includes(x.outcome)).length;
  const everyday = outcomes.filter((o) => !o.curatedExpected);
  const missed = outcomes.filter((o) => !ONE_HOVER.includes(o.outcome) && o.outcome !== 'by-parts');
  const withoutLine = explained(outcomes) - count('following');
  return [
    `Hover coverage (target ≥ 90%): ${articles.filter((a) => a.language === 'zh').length} Chinese articles, ${outcomes.length} annotated terms`,
    `  explained on one hover with an expected English: ${explained(outcomes)} (${percent(explained(outcomes), outcomes.length)}): ` +
      `curated ${count('curated')}, the curated card's dictionary section ${count('curated-card-dictionary')}, dictionary ${count('dictionary')}, ` +
      `the card's "Followed by" line ${count('following')} (without that line: ${withoutLine}, ${percent(withoutLine, outcomes.length)})`,
    `  everyday words (curated: false): ${explained(everyday)} of ${everyday.length} (${percent(explained(everyday), everyday.length)})`,
    `  with hovers on its parts in turn as well: ${explained(outcomes) + count('by-parts')} (${percent(explained(outcomes) + count('by-parts'), outcomes.length)})`,
    `  not explained: ${count('partial-word')} only part of the term is a dictionary word, ${count('wrong-gloss')} a gloss without the expected English (curated or dictionary), ${count('none')} nothing`,
    listMissed
      ? `  missed: ${missed.map((m) => `${m.term} (${m.outcome})`).join(', ')}`
      : `  ${missed.length} missed, not listed (npm run bench -- dictionary --missed lists them)`,
  ].join('\n');
}
