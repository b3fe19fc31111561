import type { CompiledEntry } from '../glossary/types';
import type { Article, ArticleTerm, ExpectedMark, Sentence } from './annotations';

/** A match as the content script's matcher reports it. */
export interface Mark {
  start: number;
  end: number;
  entry: number;
  senses?: number[];
}

export interface ScoreTools {
  entries: readonly CompiledEntry[];
  match(text: string): Mark[];
  /** Taiwan Traditional to Simplified, to compare expected Chinese in either script. */
  toSimplified(text: string): string;
}

export interface Tally {
  right: number;
  total: number;
}

/** Letters and digits only, lower case: "Kim Jong-un" and "Kim Jong Un" compare equal. */
const squash = (s: string) => s.normalize('NFKD').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Whether the card of `entry` gives one of the expected glosses (English on Chinese pages, Chinese on English ones). */
export function glossFits(entry: CompiledEntry, expect: readonly string[], language: 'zh' | 'en', toSimplified: (s: string) => string): boolean {
  if (language === 'zh') {
    const english = squash(entry.en);
    return expect.some((e) => english.includes(squash(e)));
  }
  const forms = [entry.trad, entry.simp, ...entry.mainland];
  return expect.some((e) => forms.some((f) => f.includes(e) || f.includes(toSimplified(e))));
}

/** The entries whose cards the reader gets for `term`, matched in its context (or alone): every sense of a mark covering it. */
export function cardsFor(term: ArticleTerm, tools: ScoreTools): CompiledEntry[] {
  const text = term.context ?? term.term;
  // "the Philippines", "Marcos Jr.": the article's article and full stop are not the name's.
  const name = term.term.replace(/^the /i, '').replace(/[.,]$/, '');
  const at = Math.max(0, text.indexOf(name));
  return tools
    .match(text)
    .filter((m) => m.start <= at && m.end >= at + name.length)
    .flatMap((m) => (m.senses ?? [m.entry]).map((i) => tools.entries[i]!));
}

export interface MissedTerm {
  article: string;
  term: string;
  expect: string[];
  /** Ids of the cards shown instead, if any. */
  shown: string[];
}

export interface RecallResult {
  byLanguage: Record<'zh' | 'en', Tally>;
  missed: MissedTerm[];
  /** Terms marked `curated: false`, left to the dictionary. */
  dictionaryTerms: number;
}

/** Share of the curated terms a reader needs that get a card with a right gloss, per page language. */
export function recall(articles: readonly { name: string; article: Article }[], tools: ScoreTools): RecallResult {
  const result: RecallResult = { byLanguage: { zh: { right: 0, total: 0 }, en: { right: 0, total: 0 } }, missed: [], dictionaryTerms: 0 };
  for (const { name, article } of articles) {
    for (const term of article.terms) {
      if (term.curated === false) {
        result.dictionaryTerms++;
        continue;
      }
      const tally = result.byLanguage[article.language];
      tally.total++;
      const cards = cardsFor(term, tools);
      if (cards.some((e) => glossFits(e, term.expect, article.language, tools.toSimplified))) tally.right++;
      else result.missed.push({ article: name, term: term.term, expect: term.expect, shown: cards.map((e) => e.id) });
    }
  }
  return result;
}

const markKey = (mark: ExpectedMark) => (typeof mark === 'string' ? mark : [...mark].sort().join('|'));

/** Right marks among those made, by multiset: an id expected and made counts once each time. */
function overlap(made: string[], expected: string[]): { right: number; wrong: string[]; missing: string[] } {
  const left = [...expected];
  const wrong: string[] = [];
  for (const key of made) {
    const i = left.indexOf(key);
    if (i >= 0) left.splice(i, 1);
    else wrong.push(key);
  }
  return { right: made.length - wrong.length, wrong, missing: left };
}

export interface SentenceResult extends Tally {
  /** Sentences whose marks differ, with what was wrong and what was missing. */
  differences: { text: string; wrong: string[]; missing: string[] }[];
}

export function sentencePrecision(sentences: readonly Sentence[], tools: ScoreTools): SentenceResult {
  const result: SentenceResult = { right: 0, total: 0, differences: [] };
  for (const sentence of sentences) {
    const made = tools.match(sentence.text).map((m) => markKey(m.senses ? m.senses.map((i) => tools.entries[i]!.id) : tools.entries[m.entry]!.id));
    const { right, wrong, missing } = overlap(made, sentence.marks.map(markKey));
    result.right += right;
    result.total += made.length;
    if (wrong.length || missing.length) result.differences.push({ text: sentence.text, wrong, missing });
  }
  return result;
}

/** Marks on the fixture pages that the reviewed snapshot holds, by multiset per page. */
export function reviewedPrecision(current: readonly string[], reviewed: readonly string[]): Tally & { unreviewed: string[] } {
  const { right, wrong } = overlap([...current], [...reviewed]);
  return { right, total: current.length, unreviewed: wrong };
}

/** The traps of the articles whose term is marked in its context: each is a wrong mark. */
export function trapsMarked(articles: readonly { name: string; article: Article }[], tools: ScoreTools): { total: number; marked: string[] } {
  let total = 0;
  const marked: string[] = [];
  for (const { name, article } of articles) {
    for (const trap of article.traps) {
      total++;
      const at = trap.context.indexOf(trap.term);
      const end = at + trap.term.length;
      const inside = tools.match(trap.context).filter((m) => at >= 0 && m.start >= at && m.end <= end);
      if (inside.length) marked.push(`${name}: ${trap.term} in 「${trap.context}」 (${trap.why})`);
    }
  }
  return { total, marked };
}
