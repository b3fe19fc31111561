import { isInsideSkipped, TERM_TAG } from './eligible-text';
import type { TermMarker } from './term-marker';

export interface ArticleObserverOptions {
  doc: Document;
  /** The current article body; may be replaced by `onRootLost`. */
  getRoot: () => Element;
  marker: TermMarker;
  /** The page took the article out of the document (or swapped it); re-detect it. */
  onRootLost: () => void;
  /** Quiet time after the article went missing before it is looked for again. */
  redetectDelayMs?: number;
  /** The longest wait for that quiet: a busy page never gives it. */
  redetectMaxWaitMs?: number;
  /** The article changed: the page's additions are marked, or `quietly` ran a change of ours. */
  onChange?: () => void;
  /** More flushes than this within one second means something fights the marks: back off. */
  maxFlushesPerSecond?: number;
  now?: () => number;
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
 * Records into one parent, in a row, that are opened one by one before the whole parent is queued:
 * each record's node list costs the page's task time (40,000 opened records took 105 ms of
 * microtasks against 23 ms), and the marker does not match again text it matched before.
 */
const RECORDS_PER_PARENT = 64;

/** The longest wait between two flushes once a page keeps undoing the marks. */
const MAX_BACKOFF_MS = 30_000;

const MARK_SELECTOR = TERM_TAG.toLowerCase();

/**
 * Marks what the page adds after load, and only that: our own insertions and everything already
 * marked are left alone. Bounded whatever the page does: queued nodes are deduplicated through
 * their ancestors (not pairwise), flushes run as tasks so the page's timers keep their turn, a page
 * that removes the marks as fast as they appear is met with a growing delay, and a missing article
 * is looked for again once the page has been quiet for a moment (or a second at most), not on every
 * mutation.
 */
export function observeArticle(options: ArticleObserverOptions): ArticleObservation {
  const { doc, getRoot, marker, onRootLost } = options;
  const win = doc.defaultView ?? globalThis;
  // A parsed document has no window of its own; the global constructor serves it.
  const Observer = doc.defaultView?.MutationObserver ?? globalThis.MutationObserver;
  const now = options.now ?? (() => performance.now());
  const redetectDelay = options.redetectDelayMs ?? 250;
  const redetectMaxWait = options.redetectMaxWaitMs ?? 1000;
  const maxPerSecond = options.maxFlushesPerSecond ?? 20;
  const pending = new Set<Node>();
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let redetectTimer: ReturnType<typeof setTimeout> | undefined;
  let lostAt = 0;
  let recentFlushes: number[] = [];
  let backoff = 0;
  let lastFlush = -Infinity;
  let grewSinceFlush = false;
  let stopped = false;

  /** The queued nodes that still need marking: each once, through its topmost queued ancestor. */
  const takeBatch = (): Node[] => {
    const root = getRoot();
    const queued = new Set(pending);
    pending.clear();
    const covered = (node: Node) => {
      for (let p = node.parentNode; p; p = p.parentNode) if (queued.has(p)) return true;
      return false;
    };
    const batch: Node[] = [];
    const changedMarks = new Set<Element>();
    for (const node of queued) {
      if (!root.contains(node)) continue;
      // Text the page changed inside a mark: the mark may no longer hold its term.
      const mark = (node.nodeType === 1 ? (node as Element) : node.parentElement)?.closest(MARK_SELECTOR);
      if (mark) {
        if (!isInsideSkipped(mark.parentNode!, root)) changedMarks.add(mark);
      } else if (!covered(node) && !isInsideSkipped(node, root)) batch.push(node);
    }
    if (changedMarks.size) {
      // The page's changes so far are queued; what taking marks out changes is ours, not the page's.
      handle(observer.takeRecords());
      for (const mark of changedMarks) for (const again of marker.restore(mark)) if (!covered(again)) batch.push(again);
      observer.takeRecords();
    }
    return batch;
  };

  const noteFlush = () => {
    const t = now();
    lastFlush = t;
    recentFlushes = recentFlushes.filter((at) => t - at < 1000);
    recentFlushes.push(t);
    grewSinceFlush = false;
    if (backoff === 0 && recentFlushes.length > maxPerSecond) {
      backoff = 1000;
      grewSinceFlush = true;
    }
  };

  const flush = () => {
    flushTimer = undefined;
    if (stopped) return;
    const batch = takeBatch();
    // One sliced pass over everything queued: a storm of nodes is marked in turns with the page.
    if (batch.length) void marker.mark(batch).then(() => !stopped && options.onChange?.());
    noteFlush();
  };

  const scheduleFlush = () => {
    if (flushTimer === undefined && !stopped) flushTimer = win.setTimeout(flush, backoff);
  };

  /** The marker's own pieces and marks: their insertion is no change of the page's. */
  const isOurs = (node: Node) => marker.isOwnNode(node) || node.nodeName === TERM_TAG;
  const holdsMark = (node: Node) =>
    node.nodeType === 1 && (node.nodeName === TERM_TAG || (node as Element).querySelector(MARK_SELECTOR) !== null);

  /** After the page's changes are queued: a page that took our marks out straight away fights them. */
  const judgeFight = (removedMarks: boolean) => {
    if (backoff === 0 || grewSinceFlush) return;
    if (removedMarks) {
      backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
      grewSinceFlush = true;
    } else if (now() - lastFlush >= 50) backoff = 0; // Later changes are the page's own.
  };

  const rootLost = () => {
    pending.clear();
    const t = now();
    // The first change of a window: detection runs after the quiet, or at the window's end at the latest.
    if (redetectTimer === undefined) lostAt = t;
    win.clearTimeout(redetectTimer);
    redetectTimer = win.setTimeout(
      () => {
        redetectTimer = undefined;
        if (!stopped && !getRoot().isConnected) onRootLost();
      },
      Math.max(0, Math.min(redetectDelay, lostAt + redetectMaxWait - t)),
    );
  };

  // Runs as a microtask right after the page's task: only collects, all checks wait for the flush.
  const handle = (records: MutationRecord[]) => {
    if (records.length === 0 || stopped) return;
    if (!getRoot().isConnected) return rootLost();
    // Only looked for right after a flush while backing off: did the page take out what we marked?
    const watching = backoff > 0 && !grewSinceFlush && now() - lastFlush < 50;
    let removedMarks = false;
    const size = pending.size;
    let parent: Node | undefined;
    let run = 0;
    for (const record of records) {
      if (record.type === 'characterData') {
        pending.add(record.target);
        continue;
      }
      // A storm into one parent: past a few records the parent is queued once, the rest not opened.
      if (record.target !== parent) {
        parent = record.target;
        run = 0;
      } else if (++run >= RECORDS_PER_PARENT) {
        if (run === RECORDS_PER_PARENT && !isOurs(parent)) pending.add(parent);
        continue;
      }
      if (watching && !removedMarks) removedMarks = [...record.removedNodes].some(holdsMark);
      for (const node of record.addedNodes) if ((node.nodeType === 1 || node.nodeType === 3) && !isOurs(node)) pending.add(node);
    }
    if (pending.size === size && !removedMarks) return;
    judgeFight(removedMarks);
    if (pending.size > 0) scheduleFlush();
  };

  const observer = new Observer(handle);
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true, characterData: true });
  return {
    stop: () => {
      stopped = true;
      observer.disconnect();
      pending.clear();
      win.clearTimeout(flushTimer);
      win.clearTimeout(redetectTimer);
    },
    quietly(fn) {
      handle(observer.takeRecords());
      // Mark the page's additions before `fn` splits or moves their text.
      if (pending.size > 0) {
        win.clearTimeout(flushTimer);
        flushTimer = undefined;
        for (const node of takeBatch()) marker.markNow(node);
      }
      try {
        return fn();
      } finally {
        observer.takeRecords();
        options.onChange?.();
      }
    },
  };
}
