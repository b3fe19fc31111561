import { AhoCorasick } from '@monyone/aho-corasick/fast';
import { createFoldTable, foldText, type FoldTable } from '../../utils/glossary/fold';
import type { CompiledPattern, GlossaryIndex } from '../../utils/glossary/types';

export interface TermMatch {
  start: number;
  end: number;
  /** Index into `GlossaryIndex.entries`. */
  entry: number;
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

function caseAccepted(original: string, exact: string[]): boolean {
  return exact.some((form) => original === form || original === form.toUpperCase());
}

export function createMatcher(index: GlossaryIndex): Matcher {
  const fold: FoldTable = createFoldTable(index.fold);
  const byFolded = new Map<string, CompiledPattern>();
  for (const pattern of index.patterns) byFolded.set(pattern[0], pattern);
  const automaton = new AhoCorasick([...byFolded.keys()]);

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
      if (latin) {
        if (!isLatinBoundary(text, begin, end)) continue;
        if (exact && !caseAccepted(text.slice(begin, end).normalize('NFKC'), exact)) continue;
      }
      covered = end;
      // A blocker (notWithin) takes its span so the shorter term inside is not marked.
      if (entry >= 0) out.push({ start: begin, end, entry });
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
        out[index]!.push({ start: m.start - start, end: m.end - start, entry: m.entry });
      }
      return out;
    },
  };
}
