/** What the benchmark injects into a plain page: the content script's marking code and the built glossary. */
import index from 'virtual:glossary-index';
import { createMatcher } from '../../content/marking/matcher';
import { createTermMarker } from '../../content/marking/term-marker';
import { markNearViewport } from '../../content/marking/viewport-marking';

export function createBenchMarker() {
  return createTermMarker({ matcher: createMatcher(index), entryIds: index.entries.map((e) => e.id) });
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
