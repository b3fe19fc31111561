import type { TermMatch } from '../../utils/glossary/matcher';
import { collectEligibleText, isInsideSkipped } from './eligible-text';
import type { RangePainter } from './highlight-painters';
import { CSS_HIGHLIGHT } from '../../utils/dom-names';
import { mergeSorted } from '../../utils/merge-sorted';
import { pointBefore } from './document-order';

/** Every term highlight is registered under a name with this prefix (tests and tools find them by it). */
export const TERM_HIGHLIGHT_PREFIX = CSS_HIGHLIGHT.termPrefix;

/** A term drawn as a range over part of one text node; the same object for as long as it is drawn. */
export interface HighlightTerm {
  id: string;
  senses: string[];
  node: Text;
  start: number;
  end: number;
  /** A live Range over the term, made on first use (a card placed against it, a saved sentence). */
  readonly range: Range;
}

export interface TermHighlightsOptions {
  doc: Document;
  painter: RangePainter;
  entryIds: readonly string[];
  /** Re-matches text the page or the reader changed (the 繁/简 switch rewrote it, a highlight split it). */
  rematch: (text: string) => TermMatch[];
}

/** What the card and the term cursor read of drawn terms. */
export interface DrawnTerms {
  /** The drawn term whose text holds this position, if any. */
  termAt(node: Text, offset: number): HighlightTerm | null;
  countOf(id: string): number;
  /** Drawn terms in document order. */
  terms(): HighlightTerm[];
  size(): number;
}

export interface TermHighlights extends DrawnTerms {
  /** Draws the matches of one text node; returns how many were drawn. */
  add(node: Text, matches: readonly TermMatch[]): number;
  /** Takes every range and its paint away. */
  clear(): void;
}

const NO_SENSES: string[] = [];

class DrawnTerm implements HighlightTerm {
  private live: Range | null = null;
  constructor(
    readonly entry: number,
    readonly id: string,
    readonly senses: string[],
    readonly node: Text,
    readonly start: number,
    readonly end: number,
    readonly span: StaticRange,
  ) {}

  get range(): Range {
    if (!this.live) {
      this.live = this.node.ownerDocument.createRange();
      this.live.setStart(this.node, this.start);
      this.live.setEnd(this.node, this.end);
    }
    return this.live;
  }
}

/** The terms drawn in one text node, in text order, and the text they were found in. */
interface NodeTerms {
  data: string;
  terms: DrawnTerm[];
}

/**
 * Terms drawn as ranges, not elements: one StaticRange per match, painted by `painter`, found under
 * the pointer by hit-testing and kept by text node, so a hover, a count or a change costs what that
 * node holds, not what the page holds (a 1 MB page draws 72,000). Static ranges cost the browser
 * nothing when the page changes; the page's changes are read from mutation records instead: text
 * rewritten in place (the 繁/简 switch) or split (a reader's highlight) is matched again, and the
 * terms of text taken out of the page go with it.
 */
export function createTermHighlights(options: TermHighlightsOptions): TermHighlights {
  const { doc, entryIds, painter } = options;
  const byNode = new Map<Text, NodeTerms>();
  // Text matched for this layer, with the text it had then, whether or not it held a term.
  const checked = new WeakMap<Text, string>();
  // Counts by entry index; an id's index is looked up the first time a card asks.
  const byEntry = new Int32Array(entryIds.length);
  let indexOf: Map<string, number> | undefined;
  let total = 0;
  // Document order of the nodes, worked out again only after a change.
  let ordered: HighlightTerm[] | null = null;

  function drop(node: Text): void {
    const held = byNode.get(node);
    if (!held) return;
    byNode.delete(node);
    for (const term of held.terms) {
      painter.delete(term.span);
      byEntry[term.entry]!--;
    }
    total -= held.terms.length;
    ordered = null;
  }

  function add(node: Text, matches: readonly TermMatch[]): number {
    const data = node.data;
    checked.set(node, data);
    let held = byNode.get(node);
    // Terms found in text the node no longer holds are stale: the new matches replace them.
    if (held && held.data !== data) {
      drop(node);
      held = undefined;
    }
    // A node drawn before keeps its terms; only matches at new places are added (a long page's
    // nodes are drawn once, so this check is skipped for nearly all of them).
    const before = held?.terms;
    const fresh: DrawnTerm[] = [];
    const length = data.length;
    // One init object for the node's ranges, its offsets set for each: a long page makes 72,000.
    const init = { startContainer: node, startOffset: 0, endContainer: node, endOffset: 0 };
    for (let k = 0; k < matches.length; k++) {
      const m = matches[k]!;
      if (m.end > length || (before && before.some((t) => t.start === m.start))) continue;
      init.startOffset = m.start;
      init.endOffset = m.end;
      const span = new StaticRange(init);
      const senses = m.senses ? m.senses.map((i) => entryIds[i]!) : NO_SENSES;
      fresh.push(new DrawnTerm(m.entry, entryIds[m.entry]!, senses, node, m.start, m.end, span));
      painter.add(span);
      byEntry[m.entry]!++;
    }
    if (!fresh.length) return 0;
    if (before) {
      before.push(...fresh);
      before.sort((a, b) => a.start - b.start);
    } else byNode.set(node, { data, terms: fresh });
    total += fresh.length;
    ordered = null;
    watch();
    return fresh.length;
  }

  /** Matches again the text under `place` that changed since it was drawn, or was never drawn. */
  function redraw(place: Node): void {
    if (!place.isConnected || isInsideSkipped(place, doc.body ?? doc.documentElement)) return;
    for (const node of collectEligibleText(place)) {
      if (checked.get(node) === node.data) continue;
      drop(node);
      add(node, options.rematch(node.data));
    }
  }

  /**
   * Reads the page's changes off the drawn nodes, not off every record: a page adding 20,000 nodes
   * sends as many records, and reading each cost more than the marking they were for.
   */
  function repair(records: MutationRecord[]): void {
    const places = new Set<Node>();
    // What was taken out of the page with drawn text in it, by the top of the removed piece.
    const removed = new Set<Node>();
    for (const [node, held] of byNode) {
      // Text moved (a highlight wrapped it) keeps its terms; text split or rewritten is matched
      // again, with the text split off beside it.
      if (node.isConnected) {
        if (node.data !== held.data) places.add(node.parentNode ?? node);
        continue;
      }
      let top: Node = node;
      while (top.parentNode) top = top.parentNode;
      removed.add(top);
      drop(node);
    }
    // Drawn text replaced (a reader's highlight puts new text nodes in its place): the new text is
    // matched here. Text the page only adds is left to the marker, which yields to the page.
    if (removed.size) {
      for (const record of records) {
        if ([...record.removedNodes].some((n) => removed.has(n))) for (const added of record.addedNodes) places.add(added);
      }
    }
    for (const place of places) redraw(place);
  }

  // Watches the page only while something is drawn: a page without terms in this layer pays nothing.
  const observer = new MutationObserver(repair);
  let watching = false;
  function watch(): void {
    if (watching) return;
    watching = true;
    observer.observe(doc.body ?? doc.documentElement, { subtree: true, childList: true, characterData: true });
  }

  function terms(): HighlightTerm[] {
    if (!ordered) {
      const nodes = [...byNode.keys()].filter((n) => n.isConnected);
      nodes.sort((a, b) => (a === b ? 0 : pointBefore(a, 0, b, 0) ? -1 : 1));
      ordered = nodes.flatMap((n) => (byNode.get(n)!.data === n.data ? byNode.get(n)!.terms : []));
    }
    return ordered;
  }

  return {
    add,
    termAt(node, offset) {
      const held = byNode.get(node);
      if (!held || held.data !== node.data) return null;
      return held.terms.find((t) => t.start <= offset && offset < t.end) ?? null;
    },
    countOf(id) {
      indexOf ??= new Map(entryIds.map((entryId, i) => [entryId, i]));
      const i = indexOf.get(id);
      return i === undefined ? 0 : byEntry[i]!;
    },
    terms,
    size: () => total,
    clear() {
      observer.disconnect();
      watching = false;
      byNode.clear();
      byEntry.fill(0);
      total = 0;
      ordered = null;
      painter.clear();
    },
  };
}

/**
 * Several layers as one, for the card and the cursor: the first layer that holds a term at a place
 * answers for it (the reader's own words before the built-in terms).
 */
export function combineLayers(layers: () => readonly (DrawnTerms | undefined)[]): DrawnTerms {
  const present = () => layers().filter((l): l is DrawnTerms => !!l);
  return {
    termAt(node, offset) {
      for (const layer of present()) {
        const term = layer.termAt(node, offset);
        if (term) return term;
      }
      return null;
    },
    countOf: (id) => present().reduce((sum, l) => sum + l.countOf(id), 0),
    terms() {
      const lists = present().map((l) => l.terms()).filter((l) => l.length);
      if (lists.length < 2) return lists[0] ?? [];
      return lists.reduce((a, b) => mergeSorted(a, b, (x, y) => pointBefore(x.node, x.start, y.node, y.start)));
    },
    size: () => present().reduce((sum, l) => sum + l.size(), 0),
  };
}
