import type { Matcher, TermMatch } from '../../utils/glossary/matcher';
import { collectEligibleText, TERM_TAG } from './eligible-text';
import type { TermHighlights } from './term-highlights';
import { ATTR } from '../../utils/dom-names';

export interface TermMarkerOptions {
  matcher: Matcher;
  /** Entry ids by entry index, as the glossary index lists them. */
  entryIds: readonly string[];
  /** Milliseconds one slice may take before the marker yields to the page. */
  sliceBudgetMs?: number;
  /** Characters matched in one pass between two looks at the clock. */
  sliceChars?: number;
  now?: () => number;
  yieldToPage?: () => Promise<void>;
  /** Draws the matches of these entries (the reader's own) as ranges in `layer` instead of elements. */
  highlights?: { layer: TermHighlights | undefined; draws: (entry: number) => boolean };
  /**
   * Draws every other match as a range in this layer as well, making no element at all: a very long
   * page, where inserting tens of thousands of marks would hold the reader up.
   */
  ranges?: TermHighlights;
  /** Also records the text nodes made here, with their text (for `markedBefore` of the marker that follows). */
  ownNodes?: WeakMap<Text, string>;
  /**
   * Text nodes whose glossary marks another marker made, with the text it marked: while the text is
   * the same, only the reader's own entries are drawn in them, once.
   */
  markedBefore?: WeakMap<Text, string>;
}

export interface TermMarker {
  /** Marks all eligible text under `root` at once; returns the number of marks made. */
  markNow(root: Node): number;
  /** Marks in slices so a very long page (or a storm of added nodes) leaves the page its turns. */
  mark(root: Node | readonly Node[]): Promise<number>;
  /** Nodes this marker created, so an observer can tell them from the page's own additions. */
  isOwnNode(node: Node): boolean;
  /**
   * A mark whose text the page changed: if that text is no longer its term's, the mark is taken
   * out and what to mark again is returned (its text joined with the text beside it); else nothing.
   */
  restore(mark: Element): Node[];
  /** Stops a marking in slices at its next slice: a new glossary's marker takes over. */
  cancel(): void;
}

const MARK_TAG = TERM_TAG.toLowerCase();

const defaultYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function createTermMarker(options: TermMarkerOptions): TermMarker {
  const { matcher, entryIds } = options;
  const budget = options.sliceBudgetMs ?? 8;
  const sliceChars = options.sliceChars ?? 20_000;
  const now = options.now ?? (() => performance.now());
  const yieldToPage = options.yieldToPage ?? defaultYield;
  const created = new WeakSet<Node>();
  // Text matched here (or made here), with the text it had then: matched again only once it changed.
  const matched = new WeakMap<Text, string>();
  let cancelled = false;
  const { ownNodes, markedBefore } = options;

  function markText(node: Text, matches: readonly TermMatch[]): number {
    const parent = node.parentNode;
    // A node the page removed, or that was marked meanwhile, has no parent and is passed over.
    if (!parent || !matches.length) return 0;
    const layer = options.highlights;
    const drawn = layer ? matches.filter((m) => layer.draws(m.entry)) : [];
    const elements = drawn.length ? matches.filter((m) => !layer!.draws(m.entry)) : matches;
    if (options.ranges) return options.ranges.add(node, elements) + (drawn.length ? (layer!.layer?.add(node, drawn) ?? 0) : 0);
    if (!elements.length) return layer!.layer?.add(node, drawn) ?? 0;
    const text = node.data;
    const doc = node.ownerDocument;
    const fragment = doc.createDocumentFragment();
    let last = 0;
    let next = 0;
    const later: [Text, TermMatch[]][] = [];
    // The text between two marks becomes a node of its own; highlights inside it are drawn on that node.
    const textUpTo = (end: number) => {
      const piece = own(doc.createTextNode(text.slice(last, end)));
      fragment.append(piece);
      const inside: TermMatch[] = [];
      while (next < drawn.length && drawn[next]!.end <= end) {
        const m = drawn[next++]!;
        inside.push({ ...m, start: m.start - last, end: m.end - last });
      }
      if (inside.length) later.push([piece, inside]);
    };
    for (const m of elements) {
      if (m.start > last) textUpTo(m.start);
      // A mark is known by its tag (and its text checked by `restore`); only the text between needs recording.
      const mark = doc.createElement(MARK_TAG);
      mark.setAttribute(ATTR.termId, entryIds[m.entry]!);
      mark.textContent = text.slice(m.start, m.end);
      // A shared form the text around it does not decide: the card shows every sense.
      if (m.senses) mark.setAttribute(ATTR.termSenses, m.senses.map((i) => entryIds[i]!).join(' '));
      fragment.append(mark);
      last = m.end;
    }
    if (last < text.length) textUpTo(text.length);
    parent.replaceChild(fragment, node);
    // Only now: moving a node out of the fragment would collapse a range drawn in it.
    for (const [piece, inside] of later) layer!.layer?.add(piece, inside);
    return matches.length;
  }

  function own(node: Text): Text {
    created.add(node);
    matched.set(node, node.data);
    ownNodes?.set(node, node.data);
    return node;
  }

  function markAll(nodes: readonly Text[]): number {
    const found = matcher.matchEach(nodes.map((n) => n.data));
    let count = 0;
    nodes.forEach((node, i) => {
      let matches = found[i]!;
      if (markedBefore?.has(node)) {
        const unchanged = markedBefore.get(node) === node.data;
        markedBefore.delete(node);
        const layer = options.highlights;
        if (unchanged) matches = layer ? matches.filter((m) => layer.draws(m.entry)) : [];
      }
      matched.set(node, node.data);
      count += markText(node, matches);
    });
    return count;
  }

  function restore(mark: Element): Node[] {
    const text = mark.textContent ?? '';
    const id = mark.getAttribute(ATTR.termId);
    if (!mark.parentNode || matcher.match(text).some((m) => m.start === 0 && m.end === text.length && entryIds[m.entry] === id)) return [];
    const children = [...mark.childNodes];
    if (children.some((child) => child.nodeType !== 3)) {
      // The page put elements inside: they stay as they are, out of the mark.
      mark.replaceWith(...children);
      return children;
    }
    // One text with its neighbours, so a term across the mark's old edges is found.
    let joined = text;
    for (let n = mark.previousSibling; n?.nodeType === 3; n = mark.previousSibling) {
      joined = (n as Text).data + joined;
      n.remove();
    }
    for (let n = mark.nextSibling; n?.nodeType === 3; n = mark.nextSibling) {
      joined += (n as Text).data;
      n.remove();
    }
    const plain = mark.ownerDocument.createTextNode(joined);
    mark.replaceWith(plain);
    return [plain];
  }

  /** The text under `root` not matched yet, or changed since it was. */
  const unmatchedText = (root: Node) => collectEligibleText(root).filter((node) => matched.get(node) !== node.data);

  return {
    markNow: (root) => markAll(unmatchedText(root)),
    async mark(root) {
      const roots: readonly Node[] = Array.isArray(root) ? root : [root as Node];
      let count = 0;
      let sliceStart = now();
      let slice: Text[] = [];
      let chars = 0;
      // Slices of text nodes, each matched in one pass; the page gets the thread back in between,
      // also between roots that hold little text (a storm of added nodes).
      const markSlice = async () => {
        if (slice.length && !cancelled) count += markAll(slice);
        slice = [];
        chars = 0;
        if (now() - sliceStart > budget) {
          await yieldToPage();
          sliceStart = now();
        }
      };
      for (const r of roots) {
        if (cancelled) return count;
        for (const node of unmatchedText(r)) {
          slice.push(node);
          chars += node.data.length;
          if (chars >= sliceChars) await markSlice();
        }
        if (now() - sliceStart > budget) await markSlice();
      }
      if (slice.length && !cancelled) count += markAll(slice);
      return count;
    },
    isOwnNode: (node) => created.has(node),
    restore,
    cancel: () => void (cancelled = true),
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
