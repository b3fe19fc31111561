import type { Matcher } from './matcher';
import { collectEligibleText, TERM_TAG } from './eligible-text';

export interface TermMarkerOptions {
  matcher: Matcher;
  /** Entry ids by entry index, as the glossary index lists them. */
  entryIds: readonly string[];
  /** Milliseconds one slice may take before the marker yields to the page. */
  sliceBudgetMs?: number;
  now?: () => number;
  yieldToPage?: () => Promise<void>;
}

export interface TermMarker {
  /** Marks all eligible text under `root` at once; returns the number of marks made. */
  markNow(root: Node): number;
  /** Marks in slices so a very long page stays responsive. */
  mark(root: Node): Promise<number>;
  /** Nodes this marker created, so an observer can tell them from the page's own additions. */
  isOwnNode(node: Node): boolean;
}

const defaultYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function createTermMarker(options: TermMarkerOptions): TermMarker {
  const { matcher, entryIds } = options;
  const budget = options.sliceBudgetMs ?? 8;
  const now = options.now ?? (() => performance.now());
  const yieldToPage = options.yieldToPage ?? defaultYield;
  const created = new WeakSet<Node>();

  function markText(node: Text): number {
    const parent = node.parentNode;
    if (!parent) return 0;
    const text = node.data;
    const matches = matcher.match(text);
    if (!matches.length) return 0;
    const doc = node.ownerDocument;
    const fragment = doc.createDocumentFragment();
    let last = 0;
    for (const m of matches) {
      if (m.start > last) fragment.append(own(doc.createTextNode(text.slice(last, m.start))));
      const mark = own(doc.createElement(TERM_TAG.toLowerCase()));
      mark.setAttribute('data-term-id', entryIds[m.entry]!);
      mark.tabIndex = 0;
      mark.append(own(doc.createTextNode(text.slice(m.start, m.end))));
      fragment.append(mark);
      last = m.end;
    }
    if (last < text.length) fragment.append(own(doc.createTextNode(text.slice(last))));
    parent.replaceChild(fragment, node);
    return matches.length;
  }

  function own<T extends Node>(node: T): T {
    created.add(node);
    return node;
  }

  return {
    markNow(root) {
      let count = 0;
      for (const node of collectEligibleText(root)) count += markText(node);
      return count;
    },
    async mark(root) {
      const nodes = collectEligibleText(root);
      let count = 0;
      let sliceStart = now();
      for (const node of nodes) {
        // A node the page removed, or that was marked meanwhile, has no parent and is passed over.
        count += markText(node);
        if (now() - sliceStart > budget) {
          await yieldToPage();
          sliceStart = now();
        }
      }
      return count;
    },
    isOwnNode: (node) => created.has(node),
  };
}

/**
 * Takes every term mark under `root` out, leaving its text in place and joined again with the
 * text around it, so a new glossary can mark the article afresh. Returns how many were removed.
 */
export function unmarkAll(root: Element): number {
  const marks = [...root.querySelectorAll(TERM_TAG.toLowerCase())];
  const parents = new Set<Node>();
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    mark.replaceWith(...mark.childNodes);
    parents.add(parent);
  }
  for (const parent of parents) parent.normalize();
  return marks.length;
}
