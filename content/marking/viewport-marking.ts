/** Above this many characters an article is marked where the reader is, not all at once. */
export const LAZY_MARKING_CHARS = 100_000;
/** A block larger than this is split into its children, so marking one block stays cheap. */
const MAX_BLOCK_CHARS = 20_000;

export interface ViewportMarkingOptions {
  root: Element;
  markNow: (node: Node) => number;
  IntersectionObserver: typeof IntersectionObserver;
  /** How far beyond the viewport to mark ahead of the reader's scrolling. */
  rootMargin?: string;
}

export interface ViewportMarking {
  /** Resolves once the blocks in and near the viewport are marked, with their number of marks. */
  ready: Promise<number>;
  /** Stops watching; `ready` resolves then if it had not, so what waits for it goes on. */
  stop(): void;
}

/** The blocks of `root` to watch, none much larger than MAX_BLOCK_CHARS; loose text is returned apart. */
export function markingBlocks(root: Element): { blocks: Element[]; loose: Node[] } {
  const blocks: Element[] = [];
  const loose: Node[] = [];
  const visit = (el: Element) => {
    if ((el.textContent?.length ?? 0) <= MAX_BLOCK_CHARS || el.childElementCount === 0) {
      blocks.push(el);
      return;
    }
    for (const child of el.childNodes) {
      if (child.nodeType === 1) visit(child as Element);
      else if (child.nodeType === 3) loose.push(child);
    }
  };
  for (const child of root.childNodes) {
    if (child.nodeType === 1) visit(child as Element);
    else if (child.nodeType === 3) loose.push(child);
  }
  return { blocks, loose };
}

/**
 * Marks a very long article block by block as the blocks come near the viewport: a page of a
 * million characters holds tens of thousands of terms, and marking them all up front would keep
 * the reader waiting for marks far below the fold.
 */
export function markNearViewport(options: ViewportMarkingOptions): ViewportMarking {
  const { root, markNow } = options;
  const { blocks, loose } = markingBlocks(root);
  let count = 0;
  for (const node of loose) count += markNow(node);
  let resolveReady: (n: number) => void = () => {};
  const ready = new Promise<number>((resolve) => (resolveReady = resolve));
  const observer = new options.IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        count += markNow(entry.target);
      }
      // The first call reports every observed block once: after it, what the reader sees is marked.
      resolveReady(count);
    },
    { rootMargin: options.rootMargin ?? '1500px 0px' },
  );
  for (const block of blocks) observer.observe(block);
  if (!blocks.length) resolveReady(count);
  return {
    ready,
    stop() {
      observer.disconnect();
      resolveReady(count);
    },
  };
}
