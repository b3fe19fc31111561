import type { TermMatch } from '../../utils/glossary/matcher';
import { collectEligibleText } from './eligible-text';
import type { RangePainter } from './highlight-painters';
import { CSS_HIGHLIGHT } from '../../utils/dom-names';

/** Every term highlight is registered under a name with this prefix (tests and tools find them by it). */
export const TERM_HIGHLIGHT_PREFIX = CSS_HIGHLIGHT.termPrefix;

/** A term drawn as a range; the same object for as long as the range holds. */
export interface HighlightTerm {
  id: string;
  senses: string[];
  range: Range;
}

export interface TermHighlightsOptions {
  doc: Document;
  painter: RangePainter;
  entryIds: readonly string[];
  /** Re-matches text whose ranges broke (the 繁/简 switch rewrote it, a highlight wrapped it). */
  rematch: (text: string) => TermMatch[];
}

export interface TermHighlights {
  /** Draws the matches of one text node; returns how many were drawn. */
  add(node: Text, matches: readonly TermMatch[]): number;
  /** The drawn term whose text holds this position, if any. */
  termAt(node: Text, offset: number): HighlightTerm | null;
  countOf(id: string): number;
  /** Drawn terms in document order. */
  terms(): HighlightTerm[];
  size(): number;
  /** Takes every range and its paint away. */
  clear(): void;
}

/**
 * Terms drawn as ranges, not elements: one Range per match, painted by `painter`, found under the
 * pointer by hit-testing. Ranges are live: a text node rewritten in place (the 繁/简 switch) or
 * moved (a reader's highlight wrapping it) collapses them, and that text is matched again.
 */
export function createTermHighlights(options: TermHighlightsOptions): TermHighlights {
  const { doc, entryIds, painter } = options;
  const drawn = new Set<HighlightTerm>();
  // Where each node's terms were drawn, so marking the same text twice draws nothing new.
  const byNode = new WeakMap<Text, HighlightTerm[]>();
  const isDrawnAt = (node: Text, start: number) =>
    !!byNode.get(node)?.some((t) => t.range.startContainer === node && t.range.startOffset === start && !t.range.collapsed);

  function add(node: Text, matches: readonly TermMatch[]): number {
    let count = 0;
    for (const m of matches) {
      if (isDrawnAt(node, m.start)) continue;
      const range = doc.createRange();
      range.setStart(node, m.start);
      range.setEnd(node, m.end);
      const term: HighlightTerm = { id: entryIds[m.entry]!, senses: (m.senses ?? []).map((i) => entryIds[i]!), range };
      drawn.add(term);
      painter.add(range);
      byNode.set(node, [...(byNode.get(node) ?? []), term]);
      count++;
    }
    if (count) watch();
    return count;
  }

  /** Collapsed ranges are dropped; the text where they were is matched and drawn again. */
  function repair(): void {
    const broken = [...drawn].filter((t) => t.range.collapsed);
    if (!broken.length) return;
    const places = new Set<Node>();
    for (const term of broken) {
      drawn.delete(term);
      painter.delete(term.range);
      places.add(term.range.startContainer);
    }
    for (const place of places) {
      if (!place.isConnected) continue;
      for (const node of collectEligibleText(place)) add(node, options.rematch(node.data));
    }
  }
  // Watches the page only while something is drawn: a page without the reader's words pays nothing.
  const observer = new MutationObserver(repair);
  let watching = false;
  const watch = () => {
    if (watching) return;
    watching = true;
    observer.observe(doc.body ?? doc.documentElement, { subtree: true, childList: true, characterData: true });
  };

  return {
    add,
    termAt(node, offset) {
      if (offset >= node.length) return null;
      // The character at `offset` is inside when both its edges are.
      for (const term of drawn) {
        const { range } = term;
        if (!range.collapsed && range.isPointInRange(node, offset) && range.comparePoint(node, offset + 1) === 0) return term;
      }
      return null;
    },
    countOf: (id) => [...drawn].filter((t) => t.id === id && !t.range.collapsed).length,
    terms: () =>
      [...drawn].filter((t) => !t.range.collapsed).sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range)),
    size: () => drawn.size,
    clear() {
      observer.disconnect();
      watching = false;
      drawn.clear();
      painter.clear();
    },
  };
}
