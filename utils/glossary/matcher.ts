import { chooseSense, insideLongerName, ruledOut } from './context';
import { caseFits, takesPlural } from './english-forms';
import { createFoldTable, foldUnits, unitsToText, type FoldTable } from './fold';
import { formsOf, matchIndexOf, type MatchIndex } from './match-index';
import type { CompiledContext, GlossaryIndex } from './types';

export interface TermMatch {
  start: number;
  end: number;
  /** Index into the entries (`MatchIndex.ids`, `GlossaryIndex.entries`). */
  entry: number;
  /** When the text around a shared form does not decide: every entry it may mean, `entry` first. */
  senses?: number[];
}

export interface Matcher {
  /** Non-overlapping matches, leftmost-longest, in text order. */
  match(text: string): TermMatch[];
  /**
   * The matches of many texts (an article's text nodes) in one pass over all of them; each
   * text's matches are in its own offsets, and no match spans two texts.
   */
  matchEach(texts: readonly string[]): TermMatch[][];
}

/** Joins texts for one pass; no pattern holds a line break, and it is a word boundary for Latin terms. */
const SEPARATOR = '\n';

const WORD_CHAR = /[\p{L}\p{N}_]/u;

function isLatinBoundary(text: string, start: number, end: number): boolean {
  const before = start > 0 ? text[start - 1]! : '';
  const after = end < text.length ? text[end]! : '';
  // CJK letters next to an acronym (慶州APEC) are a boundary; Latin letters and digits are not.
  const joins = (c: string) => c !== '' && WORD_CHAR.test(c) && !/\p{Script=Han}/u.test(c);
  return !joins(before) && !joins(after);
}

/** Letters and digits joined by hyphens right before `start` and right after `end`. */
const CODE_BEFORE = /[\p{L}\p{N}-]*-$/u;
const CODE_AFTER = /^-[\p{L}\p{N}-]*/u;
const DIGIT = /\p{N}/u;

/**
 * Whether text[start, end) is a part of a hyphenated code (the US of a US-2 seaplane, the CGA of a
 * CGA-1 hull number): a hyphen joins it to a part holding a digit. "US-China" joins no digit.
 */
function insideCode(text: string, start: number, end: number): boolean {
  const before = text[start - 1] === '-' ? CODE_BEFORE.exec(text.slice(Math.max(0, start - 20), start))?.[0] : undefined;
  const after = text[end] === '-' ? CODE_AFTER.exec(text.slice(end, end + 20))?.[0] : undefined;
  return DIGIT.test(before ?? '') || DIGIT.test(after ?? '');
}

/** A navy's prefix before a name makes it a ship's (USS Ronald Reagan, JS Izumo, BRP Sierra Madre). */
const SHIP_PREFIX = /(?:^|[^\p{L}\p{N}])(?:USS|USNS|HMS|HMAS|HMCS|HMNZS|JS|ROKS|ROCS|BRP|INS|KRI|RSS)(?:\s+\p{Lu}[\p{L}.'’-]*)*\s+$/u;

/**
 * Where a Latin match accepted at text[begin, end) ends, or -1: at word boundaries, not inside a
 * hyphenated code, in an accepted case, and with the plural "s" of an acronym or code taken in. A
 * possessive ('s, ’s, s') stays outside the match: the apostrophe is a boundary.
 */
function latinEnd(text: string, begin: number, end: number, exact: string[] | undefined): number {
  // The boundary first: most Latin candidates are letters inside a longer word (us in focus).
  let stop = end;
  if (!isLatinBoundary(text, begin, end)) {
    const plural = text[end] === 's' && exact?.some(takesPlural) && isLatinBoundary(text, begin, end + 1);
    if (!plural) return -1;
    stop = end + 1;
  }
  if (insideCode(text, begin, stop) || SHIP_PREFIX.test(text.slice(Math.max(0, begin - 40), begin))) return -1;
  if (!exact) return stop;
  const original = text.slice(begin, end).normalize('NFKC').replace(/’/g, "'");
  return exact.some((form) => caseFits(original, form)) ? stop : -1;
}

/** The key part that stands for "no third unit": the run of patterns exactly two units long. */
const PAIR_ONLY = -1;

/**
 * Patterns by their first three UTF-16 units (two-unit patterns by their pair), longest first, as
 * runs of one array of pattern numbers (`candidates`) that an open-addressed table finds by the key;
 * one-unit patterns by their unit. A third unit in the key keeps the runs short: the forms that
 * share 中國 or 美國 number in the hundreds, and comparing each of them at every 中國 of a long page
 * was most of its matching time. Typed arrays built in two passes over the index (its patterns come
 * longest first), with no small array per key: a page builds it in a few milliseconds.
 */
function bucketPatterns(forms: readonly string[]) {
  const n = forms.length;
  let bits = 4;
  while (1 << bits < n + (n >> 1)) bits++;
  const size = 1 << bits;
  // A key is the first two units (high) and the third, or PAIR_ONLY (low).
  const slotHigh = new Int32Array(size);
  const slotLow = new Int32Array(size);
  const used = new Uint8Array(size);
  const slotCount = new Int32Array(size);
  const formSlot = new Int32Array(n).fill(-1);
  const singles = new Map<number, number[]>();
  const starts = new Uint8Array(0x10000);
  /** The slot of this key, or -1; `claim` takes a free slot for a key not there yet. */
  const slotOf = (high: number, low: number, claim: boolean): number => {
    for (let slot = hashSlot(high, low, bits); ; slot = (slot + 1) & (size - 1)) {
      if (!used[slot]) {
        if (!claim) return -1;
        used[slot] = 1;
        slotHigh[slot] = high;
        slotLow[slot] = low;
        return slot;
      }
      if (slotHigh[slot] === high && slotLow[slot] === low) return slot;
    }
  };
  for (let i = 0; i < n; i++) {
    const form = forms[i]!;
    const c0 = form.charCodeAt(0);
    starts[c0] = 1;
    if (form.length === 1) {
      const list = singles.get(c0);
      if (list) list.push(i);
      else singles.set(c0, [i]);
      continue;
    }
    const slot = slotOf((c0 << 16) | form.charCodeAt(1), form.length > 2 ? form.charCodeAt(2) : PAIR_ONLY, true);
    slotCount[slot]!++;
    formSlot[i] = slot;
  }
  // Each key's run starts where the runs before it end; filled in index order, so longest first.
  const slotStart = new Int32Array(size);
  for (let slot = 0, at = 0; slot < size; slot++) {
    slotStart[slot] = at;
    at += slotCount[slot]!;
  }
  const filled = slotStart.slice();
  const candidates = new Int32Array(n);
  for (let i = 0; i < n; i++) if (formSlot[i]! >= 0) candidates[filled[formSlot[i]!]!++] = i;
  /** The slot of the patterns that start with these units (c2 = PAIR_ONLY: the two-unit ones), or -1. */
  const keyAt = (c0: number, c1: number, c2: number): number => slotOf((c0 << 16) | c1, c2, false);
  return { starts, keyAt, slotStart, slotCount, candidates, singles };
}

// Multiplicative hashing: the product's high bits mix every bit of the key.
const hashSlot = (high: number, low: number, bits: number) => Math.imul(high ^ Math.imul(low, 0x85ebca6b), 0x9e3779b1) >>> (32 - bits);

/** A matcher from a full glossary index (the PDF reader, the tools and tests hold one). */
export function createMatcher(source: MatchIndex | GlossaryIndex): Matcher {
  return matcherOf('entries' in source ? matchIndexOf(source) : source);
}

/** A matcher from the match index alone, as the article page gets it. */
export function matcherOf(index: MatchIndex): Matcher {
  const fold: FoldTable = createFoldTable(index.fold);
  const forms = formsOf(index);
  const { starts, keyAt, slotStart, slotCount, candidates, singles } = bucketPatterns(forms);
  // Where each form starts in the joined forms: one flat string compares faster than thousands of slices.
  const joined = index.forms;
  const formStart = new Int32Array(forms.length + 1);
  for (let p = 0; p < forms.length; p++) formStart[p + 1] = formStart[p]! + forms[p]!.length + 1;
  // Which patterns are Latin (word boundaries apply), as the row of `index.latin` plus one.
  const latinRow = new Int32Array(forms.length);
  index.latin.forEach(([p], row) => (latinRow[p] = row + 1));
  // Sliced once per pattern: English text meets the same Latin candidates again and again (us in focus).
  const spellings: (string[] | null)[] = [];
  /** The spellings accepted for a Latin pattern, or undefined when any case is. */
  const exactOf = (row: number): string[] | undefined => {
    let exact = spellings[row];
    if (exact === undefined) {
      const spelled = index.latin[row - 1]!;
      exact = spellings[row] = spelled.length > 1 ? (spelled.slice(1) as string[]) : null;
    }
    return exact ?? undefined;
  };
  const contexts = new Map<number, CompiledContext>(index.contexts);
  // Only shared forms need it, and few pages meet one: made on first use.
  let indexById: Map<string, number> | undefined;
  /** The entries a shared form may mean, the owner first. */
  const sensesOf = (entry: number, keyword: string): number[] | undefined => {
    const others = contexts.get(entry)?.senses?.[keyword];
    if (!others) return undefined;
    indexById ??= new Map(index.ids.map((id, i) => [id, i]));
    return [entry, ...others.flatMap((id) => indexById!.get(id) ?? [])];
  };

  /** The match of an entry with context rules, or null where they leave the term unmarked. */
  const inContext = (text: string, folded: string, start: number, end: number, keyword: string, entry: number, latin: boolean): TermMatch | null => {
    const context = contexts.get(entry)!;
    if (ruledOut(context.unless, folded, start, end)) return null;
    if (latin && context.name && insideLongerName(text, start, end)) return null;
    const senses = sensesOf(entry, keyword);
    if (!senses || senses.length < 2) return { start, end, entry };
    const chosen = chooseSense(folded, start, end, senses.map((i) => contexts.get(i)?.cues ?? []));
    return chosen < 0 ? { start, end, entry, senses } : { start, end, entry: senses[chosen]! };
  };

  const match = (text: string): TermMatch[] => {
    if (!text) return [];
    const units = foldUnits(text, fold);
    const n = units.length;
    // The folded text as a string, for the few terms with context rules.
    let folded: string | undefined;
    const out: TermMatch[] = [];

    /** Whether the form `p` is at `begin`, its first `known` units already compared. */
    const formAt = (p: number, begin: number, known: number): boolean => {
      const from = formStart[p]!;
      const length = formStart[p + 1]! - from - 1;
      if (begin + length > n) return false;
      for (let k = known; k < length; k++) if (units[begin + k] !== joined.charCodeAt(from + k)) return false;
      return true;
    };

    /** The first acceptable candidate at `begin` of list[from, to), longest first; the span it covers, or -1 when none is. */
    const tryAt = (begin: number, list: ArrayLike<number>, from: number, to: number, known: number): number => {
      for (let c = from; c < to; c++) {
        const p = list[c]!;
        if (!formAt(p, begin, known)) continue;
        const end = begin + forms[p]!.length;
        const row = latinRow[p]!;
        const stop = row ? latinEnd(text, begin, end, exactOf(row)) : end;
        if (stop < 0) continue;
        const entry = index.entry[p]!;
        // A blocker (notWithin) takes its span so the shorter term inside is not marked.
        if (entry < 0) return stop;
        // A term its context rules out leaves the span to shorter terms inside it.
        const found = contexts.has(entry)
          ? inContext(text, (folded ??= unitsToText(units)), begin, stop, forms[p]!, entry, row > 0)
          : { start: begin, end: stop, entry };
        if (!found) continue;
        out.push(found);
        return stop;
      }
      return -1;
    };

    for (let i = 0; i < n; i++) {
      const c0 = units[i]!;
      if (!starts[c0]) continue;
      let stop = -1;
      if (i + 1 < n) {
        const c1 = units[i + 1]!;
        // Longest first: the patterns of three units and more, then those of two.
        const long = i + 2 < n ? keyAt(c0, c1, units[i + 2]!) : -1;
        if (long >= 0) stop = tryAt(i, candidates, slotStart[long]!, slotStart[long]! + slotCount[long]!, 3);
        const pair = stop < 0 ? keyAt(c0, c1, PAIR_ONLY) : -1;
        if (pair >= 0) stop = tryAt(i, candidates, slotStart[pair]!, slotStart[pair]! + slotCount[pair]!, 2);
      }
      if (stop < 0) {
        const short = singles.get(c0);
        if (short) stop = tryAt(i, short, 0, short.length, 1);
      }
      // Leftmost-longest: nothing starts inside a span already taken.
      if (stop > 0) i = stop - 1;
    }
    return out;
  };

  return {
    match,
    matchEach(texts) {
      const out: TermMatch[][] = texts.map(() => []);
      let index = 0;
      let start = 0;
      for (const m of match(texts.join(SEPARATOR))) {
        while (m.start >= start + texts[index]!.length + 1) {
          start += texts[index]!.length + 1;
          index++;
        }
        // The match is this pass's own object: its offsets move into the text's own.
        m.start -= start;
        m.end -= start;
        out[index]!.push(m);
      }
      return out;
    },
  };
}
