import { fitsAnyCase } from './english-forms';
import type { CompiledContext, GlossaryIndex } from './types';

/**
 * What a page needs to find terms, and nothing it needs to show them: the folded patterns, the id
 * of each entry and the context rules. The card's details travel later, by id (glossary/entries).
 * Built once at build time for the built-in glossary (scripts/vite-glossary-plugin.ts); the
 * background builds it again only when the reader's own entries are merged in.
 */
export interface MatchIndex {
  version: 2;
  /** Entry ids; a pattern names its entry by position here. */
  ids: string[];
  /**
   * The folded patterns joined by line breaks (no pattern holds one), longest first, each folded
   * form once: one string parses far faster than thousands of small arrays.
   */
  forms: string;
  /** For each pattern, the index of its entry, or -1 for a `notWithin` blocker. */
  entry: number[];
  /** The Latin patterns (word boundaries apply): the pattern's index, then the spellings accepted if any. */
  latin: [pattern: number, ...exact: string[]][];
  /** The entries with context rules, by entry index. */
  contexts: [entry: number, context: CompiledContext][];
  /** Pairs of UTF-16 units: each variant character followed by the character it folds to. */
  fold: string;
}

const SEPARATOR = '\n';

/** Splits the joined forms back into one string per pattern. */
export function formsOf(index: MatchIndex): string[] {
  return index.forms ? index.forms.split(SEPARATOR) : [];
}

/** The match index of a full glossary index (pure; the index is not changed). */
export function matchIndexOf(index: GlossaryIndex): MatchIndex {
  // A folded form listed twice is matched as its last listing, as the index's order says.
  const byForm = new Map<string, GlossaryIndex['patterns'][number]>();
  for (const pattern of index.patterns) {
    if (pattern[0].includes(SEPARATOR)) throw new Error(`a glossary pattern holds a line break: ${JSON.stringify(pattern[0])}`);
    byForm.delete(pattern[0]);
    byForm.set(pattern[0], pattern);
  }
  // Longest first, so the matcher meets the candidates at one place in the order it tries them.
  const patterns = [...byForm.values()].sort((a, b) => b[0].length - a[0].length);
  const latin: MatchIndex['latin'] = [];
  patterns.forEach(([, , isLatin, exact], i) => {
    if (!isLatin) return;
    // Spellings any case fits add no check: left out, they take a sixth off what a page must receive.
    latin.push(exact?.every(fitsAnyCase) ? [i] : [i, ...(exact ?? [])]);
  });
  const contexts: MatchIndex['contexts'] = [];
  index.entries.forEach((entry, i) => {
    if (entry.context) contexts.push([i, entry.context]);
  });
  return {
    version: 2,
    ids: index.entries.map((e) => e.id),
    forms: patterns.map((p) => p[0]).join(SEPARATOR),
    entry: patterns.map((p) => p[1]),
    latin,
    contexts,
    fold: index.fold,
  };
}
