/** What the benchmark injects into a plain page: the content script's marking code and the built glossary. */
import index from 'virtual:glossary-index';
import { createMatcher } from '../../utils/glossary/matcher';
import { createTermMarker } from '../../content/marking/term-marker';
import { markNearViewport } from '../../content/marking/viewport-marking';
import { collectEligibleText } from '../../content/marking/eligible-text';
import { createTermHighlights, TERM_HIGHLIGHT_PREFIX } from '../../content/marking/term-highlights';
import { registryPainter } from '../../content/marking/highlight-painters';

// Built when the bundle loads, as a page builds its matcher before marking: the timings leave it out.
const matcher = createMatcher(index);
const entryIds = index.entries.map((e) => e.id);

export function createBenchMarker() {
  return createTermMarker({ matcher, entryIds });
}

/** Marks what is in and near the viewport, as the content script does on a very long page. */
export function markViewport(root: Element): Promise<number> {
  const marker = createBenchMarker();
  return markNearViewport({ root, markNow: marker.markNow, IntersectionObserver }).ready;
}

/** The same term list mark.js is given: every surface form the glossary matches. */
export function termList(): string[] {
  const forms = new Set<string>();
  for (const [folded, entry] of index.patterns) if (entry >= 0) forms.add(folded);
  for (const e of index.entries) forms.add(e.trad);
  return [...forms];
}

/**
 * The content script's design for a very long article: every term drawn as a range in the term
 * layer (one StaticRange each, registered under the term prefix), no element made; whole or in and
 * near the viewport first. `clear` takes the ranges away.
 */
export function rangeMarker(root: Element) {
  const painter = registryPainter(window, TERM_HIGHLIGHT_PREFIX);
  const layer = createTermHighlights({
    doc: root.ownerDocument,
    painter,
    entryIds,
    rematch: (text) => matcher.match(text),
  });
  const marker = createTermMarker({ matcher, entryIds, ranges: layer });
  return {
    markNow: () => marker.markNow(root),
    /** As the content script draws what follows the viewport: in slices that give the page the thread back. */
    inSlices: () => {
      const release = painter.hold();
      return marker.mark(root).finally(release);
    },
    viewportFirst: () => markNearViewport({ root, markNow: marker.markNow, IntersectionObserver }).ready,
    clear: () => layer.clear(),
  };
}

/**
 * The same matches as non-live StaticRanges in one registered highlight: nothing for the browser
 * to update when the page changes, and nothing repaired either (the design the bench weighs).
 * Returns the time spent collecting the text, matching it and drawing the ranges.
 */
export function staticHighlightAll(root: Element): { marks: number; collect: number; match: number; draw: number; clear(): void } {
  const t0 = performance.now();
  const nodes = collectEligibleText(root);
  const t1 = performance.now();
  const found = matcher.matchEach(nodes.map((n) => n.data));
  const t2 = performance.now();
  const highlight = new Highlight();
  nodes.forEach((node, i) => {
    for (const m of found[i]!) {
      highlight.add(new StaticRange({ startContainer: node, startOffset: m.start, endContainer: node, endOffset: m.end }));
    }
  });
  CSS.highlights.set(`${TERM_HIGHLIGHT_PREFIX}-static`, highlight);
  const t3 = performance.now();
  return { marks: highlight.size, collect: t1 - t0, match: t2 - t1, draw: t3 - t2, clear: () => CSS.highlights.delete(`${TERM_HIGHLIGHT_PREFIX}-static`) };
}
