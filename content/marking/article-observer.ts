import { isInsideSkipped, TERM_TAG } from './eligible-text';
import type { TermMarker } from './term-marker';

export interface ArticleObserverOptions {
  doc: Document;
  /** The current article body; may be replaced by `onRootLost`. */
  getRoot: () => Element;
  marker: TermMarker;
  /** The page took the article out of the document (or swapped it); re-detect it. */
  onRootLost: () => void;
}

export interface ArticleObservation {
  stop(): void;
  /**
   * Runs `fn`, which changes the article synchronously (drawing or removing highlights), without
   * the observer taking its changes for the page's: what the page did before is handled first.
   */
  quietly<T>(fn: () => T): T;
}

/**
 * Marks what the page adds after load, and only that: our own insertions and
 * everything already marked are left alone.
 */
export function observeArticle(options: ArticleObserverOptions): ArticleObservation {
  const { doc, getRoot, marker, onRootLost } = options;
  // A parsed document has no window of its own; the global constructor serves it.
  const Observer = doc.defaultView?.MutationObserver ?? globalThis.MutationObserver;
  const pending = new Set<Node>();
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    const root = getRoot();
    const nodes = [...pending];
    pending.clear();
    for (const node of nodes) {
      // A node inside another queued node is marked with it.
      if (nodes.some((other) => other !== node && other.contains(node))) continue;
      if (root.contains(node)) void marker.mark(node);
    }
  };

  const queue = (node: Node) => {
    pending.add(node);
    if (!scheduled) {
      scheduled = true;
      queueMicrotask(flush);
    }
  };

  const handle = (records: MutationRecord[]) => {
    if (records.length === 0) return;
    const root = getRoot();
    if (!root.isConnected) {
      pending.clear();
      onRootLost();
      return;
    }
    for (const record of records) {
      if (record.type === 'characterData') {
        const text = record.target;
        if (root.contains(text) && !text.parentElement?.closest(TERM_TAG.toLowerCase()) && !isInsideSkipped(text, root)) {
          queue(text);
        }
        continue;
      }
      for (const node of record.addedNodes) {
        if (marker.isOwnNode(node) || !root.contains(node) || isInsideSkipped(node, root)) continue;
        if (node.nodeType === 1 || node.nodeType === 3) queue(node);
      }
    }
  };

  const observer = new Observer(handle);
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true, characterData: true });
  return {
    stop: () => observer.disconnect(),
    quietly(fn) {
      handle(observer.takeRecords());
      // Mark the page's additions before `fn` splits or moves their text.
      if (pending.size > 0) flush();
      try {
        return fn();
      } finally {
        observer.takeRecords();
      }
    },
  };
}
