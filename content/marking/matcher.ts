import { AhoCorasick } from '@monyone/aho-corasick/fast';
import { chooseSense, insideLongerName, ruledOut } from '../../utils/glossary/context';
import { caseFits, isAcronym } from '../../utils/glossary/english-forms';
import { createFoldTable, foldText, type FoldTable } from '../../utils/glossary/fold';
import type { CompiledPattern, GlossaryIndex } from '../../utils/glossary/types';

export interface TermMatch {
  start: number;
  end: number;
  /** Index into `GlossaryIndex.entries`. */
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

/**
 * Where a Latin match accepted at text[begin, end) ends, or -1: at word boundaries, in an accepted
 * case, and with the plural "s" of an acronym (ICBMs) taken in.
 */
function latinEnd(text: string, begin: number, end: number, exact: string[] | undefined): number {
  // The boundary first: most Latin candidates are letters inside a longer word (us in focus).
  let stop = end;
  if (!isLatinBoundary(text, begin, end)) {
    const plural = text[end] === 's' && exact?.some(isAcronym) && isLatinBoundary(text, begin, end + 1);
    if (!plural) return -1;
    stop = end + 1;
  }
  if (!exact) return stop;
  const original = text.slice(begin, end).normalize('NFKC').replace(/’/g, "'");
  return exact.some((form) => caseFits(original, form)) ? stop : -1;
}

export function createMatcher(index: GlossaryIndex): Matcher {
  const fold: FoldTable = createFoldTable(index.fold);
  const byFolded = new Map<string, CompiledPattern>();
  for (const pattern of index.patterns) byFolded.set(pattern[0], pattern);
  const automaton = new AhoCorasick([...byFolded.keys()]);
  const indexById = new Map(index.entries.map((e, i) => [e.id, i]));
  /** The entries a shared form may mean, the owner first. */
  const sensesOf = (entry: number, keyword: string): number[] | undefined => {
    const others = index.entries[entry]!.context?.senses?.[keyword];
    return others && [entry, ...others.flatMap((id) => indexById.get(id) ?? [])];
  };

  /** The match of an entry with context rules, or null where they leave the term unmarked. */
  const inContext = (text: string, folded: string, start: number, end: number, keyword: string, entry: number, latin: boolean): TermMatch | null => {
    const context = index.entries[entry]!.context!;
    if (ruledOut(context.unless, folded, start, end)) return null;
    if (latin && context.name && insideLongerName(text, start, end)) return null;
    const senses = sensesOf(entry, keyword);
    if (!senses || senses.length < 2) return { start, end, entry };
    const chosen = chooseSense(folded, start, end, senses.map((i) => index.entries[i]!.context?.cues ?? []));
    return chosen < 0 ? { start, end, entry, senses } : { start, end, entry: senses[chosen]! };
  };
  const hasContext = index.entries.map((e) => e.context !== undefined);

  const match = (text: string): TermMatch[] => {
    if (!text) return [];
    const folded = foldText(text, fold);
    const candidates = automaton.matchInText(folded);
    if (!candidates.length) return [];
    candidates.sort((a, b) => a.begin - b.begin || b.end - a.end);
    const out: TermMatch[] = [];
    let covered = 0;
    for (const { begin, end, keyword } of candidates) {
      if (begin < covered) continue;
      const [, entry, latin, exact] = byFolded.get(keyword)!;
      const stop = latin ? latinEnd(text, begin, end, exact) : end;
      if (stop < 0) continue;
      // A blocker (notWithin) takes its span so the shorter term inside is not marked.
      if (entry < 0) {
        covered = stop;
        continue;
      }
      // A term its context rules out leaves the span to shorter terms inside it.
      const found = hasContext[entry] ? inContext(text, folded, begin, stop, keyword, entry, latin === 1) : { start: begin, end: stop, entry };
      if (!found) continue;
      covered = stop;
      out.push(found);
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
