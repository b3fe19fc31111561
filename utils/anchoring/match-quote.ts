/**
 * Finding a stored quote again in a page's text, after the page may have changed.
 *
 * In order: the quote at its old position with its old surroundings; the exact quote elsewhere,
 * chosen by its surroundings and closeness to the old position; an approximate match
 * (approx-string-match), scored the way Hypothesis scores it. Everything after the first step
 * works on the text without whitespace, so reformatting alone never orphans a highlight.
 */
import approxSearch from 'approx-string-match';
import {
  edgeWhitespace,
  sourceSpan,
  stripWhitespace,
  strippedOffset,
  widenOverWhitespace,
  type StrippedText,
} from './strip-whitespace';

/**
 * Folds text before comparing, e.g. Traditional to Simplified characters. It must keep the length
 * (offsets in folded text are offsets in the page); where it does not, the string is used unfolded.
 */
export type Normalize = (text: string) => string;

export interface QuoteContext {
  /** The text just before the quote when it was made. */
  prefix?: string;
  /** The text just after it. */
  suffix?: string;
  /** Where the quote started, as an offset in the text. */
  hint?: number;
}

export interface QuoteMatch {
  start: number;
  end: number;
  /** 1 for the quote unchanged in unchanged surroundings at its old place; lower is worse. */
  score: number;
}

export interface QuoteMatcherOptions {
  normalize?: Normalize;
  /** Matches scoring below this are rejected. */
  minScore?: number;
}

export type QuoteMatcher = (exact: string, context?: QuoteContext) => QuoteMatch | null;

// Hypothesis's weights: the quote counts most, the surroundings next, the position breaks ties.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/**
 * A quote with half its characters wrong in unrelated surroundings scores under 0.4; the same
 * quote with a couple of edits among familiar surroundings scores above 0.8.
 */
export const DEFAULT_MIN_SCORE = 0.5;

// An exact occurrence scoring at least this has surroundings that mostly agree: take it. Below it,
// the passage may have been edited where it stood while a copy survives elsewhere, so also look
// for an approximate match near the old position.
const TRUSTED_EXACT_SCORE = 0.8;

// The approximate search's cost grows with the errors it allows (Hypothesis's cap).
const MAX_ERRORS = 256;

// How far either side of the old position the local approximate search looks, at least.
const LOCAL_WINDOW = 64;

// A shorter quote, allowed one error, matches nearly anywhere: look for it approximately only near
// its old position, where its surroundings can confirm it.
const MIN_FUZZY_EVERYWHERE_LENGTH = 4;

// More candidates than this (a very short quote in a very long text) are cut to those nearest the
// old position, which bounds the scoring work.
const MAX_CANDIDATES = 1000;

/**
 * How much of the stored prefix and suffix is compared: the part nearest the quote. Highlights
 * made here store 32 characters; a longer context (an import, a crafted record) adds nothing to
 * telling occurrences apart but costs quadratic time in the approximate comparison (2,000
 * characters took 27 s).
 */
export const MAX_CONTEXT_COMPARED = 64;

// U+FFFF is a noncharacter: it does not occur in text, so it matches nothing. Built at run time:
// the minifier writes a constant one as a raw character, and Chrome refuses to load a content
// script containing a noncharacter ("isn't UTF-8 encoded").
const MASK = String.fromCharCode(Number.parseInt('ffff', 16));

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/** Finds quotes in one text; the text is folded and stripped once, however many quotes follow. */
export function createQuoteMatcher(text: string, options: QuoteMatcherOptions = {}): QuoteMatcher {
  const fold = lengthPreserving(options.normalize);
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const folded = fold(text);
  let stripped: StrippedText | undefined;

  return (exact, context = {}) => {
    if (typeof exact !== 'string' || exact.length === 0) return null;
    const quote = fold(exact);
    const prefix = typeof context.prefix === 'string' ? fold(context.prefix.slice(-MAX_CONTEXT_COMPARED)) : '';
    const suffix = typeof context.suffix === 'string' ? fold(context.suffix.slice(0, MAX_CONTEXT_COMPARED)) : '';
    const hint = validHint(context.hint, folded.length);

    if (hint !== undefined && inContext(folded, quote, prefix, suffix, hint)) {
      return { start: hint, end: hint + quote.length, score: 1 };
    }

    stripped ??= stripWhitespace(folded);
    const found = bestMatch(
      stripped.text,
      stripWhitespace(quote).text,
      stripWhitespace(prefix).text,
      stripWhitespace(suffix).text,
      hint === undefined ? undefined : strippedOffset(stripped, hint),
    );
    if (!found || found.score < minScore) return null;
    const span = sourceSpan(stripped, found.start, found.end);
    const edges = edgeWhitespace(quote);
    return { ...widenOverWhitespace(folded, span.start, span.end, edges.leading, edges.trailing), score: found.score };
  };
}

/** Finds one quote in a text; for many quotes in the same text use createQuoteMatcher. */
export function matchQuote(
  text: string,
  exact: string,
  context: QuoteContext = {},
  options: QuoteMatcherOptions = {},
): QuoteMatch | null {
  return createQuoteMatcher(text, options)(exact, context);
}

function lengthPreserving(normalize: Normalize | undefined): (text: string) => string {
  if (!normalize) return (text) => text;
  return (text) => {
    const out = normalize(text);
    return typeof out === 'string' && out.length === text.length ? out : text;
  };
}

/** A usable old position: an integer, pulled inside the text if the text has since shrunk. */
function validHint(hint: unknown, length: number): number | undefined {
  if (typeof hint !== 'number' || !Number.isInteger(hint) || hint < 0) return undefined;
  return Math.min(hint, length);
}

/** The quote is at `at` with exactly the stored surroundings. */
function inContext(text: string, quote: string, prefix: string, suffix: string, at: number): boolean {
  const end = at + quote.length;
  return (
    text.startsWith(quote, at) &&
    at >= prefix.length &&
    text.startsWith(prefix, at - prefix.length) &&
    text.startsWith(suffix, end)
  );
}

function bestMatch(
  text: string,
  quote: string,
  prefix: string,
  suffix: string,
  hint: number | undefined,
): QuoteMatch | null {
  if (quote.length === 0 || text.length === 0) return null;
  const maxErrors = Math.min(MAX_ERRORS, Math.floor(quote.length / 2));
  // More characters missing than errors allowed: nothing can match, and the search would be slow.
  if (quote.length - text.length > maxErrors) return null;

  const score = (candidate: Candidate): QuoteMatch => {
    const quoteScore = 1 - candidate.errors / quote.length;
    const prefixScore = prefix
      ? similarity(text.slice(Math.max(0, candidate.start - prefix.length), candidate.start), prefix)
      : 1;
    const suffixScore = suffix ? similarity(text.slice(candidate.end, candidate.end + suffix.length), suffix) : 1;
    const positionScore = hint === undefined ? 1 : 1 - Math.abs(candidate.start - hint) / text.length;
    const total =
      QUOTE_WEIGHT * quoteScore +
      PREFIX_WEIGHT * prefixScore +
      SUFFIX_WEIGHT * suffixScore +
      POSITION_WEIGHT * positionScore;
    return { start: candidate.start, end: candidate.end, score: total / TOTAL_WEIGHT };
  };

  const exact = exactOccurrences(text, quote, hint);
  // An occurrence with exactly the stored surroundings is the passage itself, moved; the position
  // only tells such copies apart. Taking it spares scoring every other occurrence approximately.
  let moved: Candidate | undefined;
  for (const candidate of exact) {
    if (!inContext(text, quote, prefix, suffix, candidate.start)) continue;
    if (!moved || (hint !== undefined && Math.abs(candidate.start - hint) < Math.abs(moved.start - hint))) {
      moved = candidate;
    }
  }
  if (moved) return score(moved);

  let best = highest(exact.map(score));
  if (best && best.score >= TRUSTED_EXACT_SCORE) return best;

  // The approximate search reports only the matches with the fewest errors, so any exact
  // occurrence would hide every edited one. Globally that is what we want; near the old position,
  // where the passage may have been edited in place, the exact occurrences are masked out first.
  if (exact.length === 0 && quote.length >= MIN_FUZZY_EVERYWHERE_LENGTH) {
    best = highest(nearest(approxSearch(text, quote, maxErrors), hint).map(score));
  }
  if (hint !== undefined) {
    const reach = Math.max(LOCAL_WINDOW, quote.length);
    const from = Math.max(0, hint - reach);
    const to = Math.min(text.length, hint + quote.length + reach);
    const local = approxSearch(masked(text, from, to, exact), quote, maxErrors).map((m) => ({
      start: m.start + from,
      end: m.end + from,
      errors: m.errors,
    }));
    const scored = nearest(local, hint).map(score);
    if (best) scored.push(best);
    best = highest(scored);
  }
  return best;
}

/** text[from, to) with the given spans replaced by a character no text contains. */
function masked(text: string, from: number, to: number, spans: Candidate[]): string {
  let out = '';
  let at = from;
  for (const span of spans) {
    const start = Math.max(span.start, at);
    const end = Math.min(span.end, to);
    if (end <= start) continue;
    out += text.slice(at, start) + MASK.repeat(end - start);
    at = end;
  }
  return out + text.slice(at, to);
}

function exactOccurrences(text: string, quote: string, hint: number | undefined): Candidate[] {
  const starts: number[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) starts.push(at);
  return nearest(starts, hint).map((start) => ({ start, end: start + quote.length, errors: 0 }));
}

/** At most MAX_CANDIDATES of the items (ordered by start), those around the old position. */
function nearest<T extends number | Candidate>(items: T[], hint: number | undefined): T[] {
  if (items.length <= MAX_CANDIDATES) return items;
  let centre = 0;
  if (hint !== undefined) {
    let hi = items.length;
    while (centre < hi) {
      const mid = (centre + hi) >>> 1;
      const item = items[mid]!;
      if ((typeof item === 'number' ? item : item.start) < hint) centre = mid + 1;
      else hi = mid;
    }
  }
  const from = Math.max(0, Math.min(centre - MAX_CANDIDATES / 2, items.length - MAX_CANDIDATES));
  return items.slice(from, from + MAX_CANDIDATES);
}

/** The first of the highest-scoring matches (so, without a hint, the earliest). */
function highest(matches: QuoteMatch[]): QuoteMatch | null {
  let best: QuoteMatch | null = null;
  for (const match of matches) {
    if (match.end > match.start && (!best || match.score > best.score)) best = match;
  }
  return best;
}

/** 1 when `actual` equals `expected`, falling with the edits needed to turn one into the other. */
function similarity(actual: string, expected: string): number {
  if (actual === expected) return 1;
  if (actual.length === 0) return 0;
  // With as many errors allowed as the pattern is long, the search always reports its best match.
  const [best] = approxSearch(actual, expected, expected.length);
  return best ? 1 - best.errors / expected.length : 0;
}
