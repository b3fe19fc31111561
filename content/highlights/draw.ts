/**
 * Drawing highlights into the article: each one becomes one or more `<pr-highlight>` elements
 * around text-node segments (never around elements), so it can cross paragraphs, term marks and
 * links without moving them. All anchors are turned into segments against one text index before
 * the DOM changes, and every text node is split once for all highlights that touch it.
 */
import type { TextIndex } from '../../utils/anchoring/text-offsets';
import type { HighlightColor } from '../../utils/highlights/types';
import { ATTR, TAG } from '../../utils/dom-names';

export const HIGHLIGHT_TAG = TAG.highlight.toUpperCase();
export const HIGHLIGHT_SELECTOR = TAG.highlight;

export interface DrawRequest {
  id: string;
  color: HighlightColor;
  /** Offsets in the index's text. */
  start: number;
  end: number;
  /** Marks the highlight as not yet stored (styled differently). */
  unsaved?: boolean;
}

/** Text in these is not shown as prose: wrapping it would break the page. */
const NOT_PROSE = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'OPTION', 'SELECT', 'TITLE']);
/** Containers whose whitespace children are layout, not text: a highlight there would be an empty box. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE',
  'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'BR',
]);

interface Segment {
  from: number;
  to: number;
  highlight: DrawRequest;
}

/**
 * Wraps each request's text in `<pr-highlight data-highlight-id data-color>` elements and returns
 * them by highlight id (in document order). Requests outside the index's text are skipped.
 * Where highlights overlap, the one listed first is the outer element.
 */
export function drawHighlights(index: TextIndex, requests: readonly DrawRequest[]): Map<string, HTMLElement[]> {
  const byNode = new Map<number, Segment[]>();
  for (const highlight of requests) {
    const { start, end } = highlight;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > index.text.length || end <= start) {
      continue;
    }
    for (let i = nodeAt(index, start); i < index.nodes.length && index.starts[i]! < end; i++) {
      const nodeStart = index.starts[i]!;
      const from = Math.max(start, nodeStart) - nodeStart;
      const to = Math.min(end, nodeStart + index.nodes[i]!.length) - nodeStart;
      if (to <= from) continue;
      let list = byNode.get(i);
      if (!list) byNode.set(i, (list = []));
      list.push({ from, to, highlight });
    }
  }

  const drawn = new Map<string, HTMLElement[]>();
  const order = [...byNode.keys()].sort((a, b) => a - b);
  for (const i of order) {
    const node = index.nodes[i]!;
    if (!wrappable(node)) continue;
    wrapNode(node, byNode.get(i)!, drawn);
  }
  return drawn;
}

/** Takes a highlight out of the page, leaving its text (and any marks within) where it was. */
export function undrawHighlight(root: ParentNode, id: string): void {
  for (const el of highlightElements(root, id)) unwrap(el);
}

/** The elements drawn for one highlight, in document order. */
export function highlightElements(root: ParentNode, id: string): HTMLElement[] {
  // Compared, not put into a selector: ids of imported highlights may hold any character.
  return [...root.querySelectorAll<HTMLElement>(HIGHLIGHT_SELECTOR)].filter((el) => el.getAttribute(ATTR.highlightId) === id);
}

/** Takes every highlight out of the page. */
export function undrawAll(root: ParentNode): void {
  for (const el of root.querySelectorAll(HIGHLIGHT_SELECTOR)) unwrap(el);
}

/** The innermost highlight element at or around a node, if any. */
export function highlightAt(node: Node | null): HTMLElement | null {
  const el = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
  return (el?.closest(HIGHLIGHT_SELECTOR) as HTMLElement | null) ?? null;
}

function unwrap(el: Element): void {
  const parent = el.parentNode;
  if (!parent) return;
  while (el.firstChild) parent.insertBefore(el.firstChild, el);
  el.remove();
}

/** The first node whose text reaches past `offset`. */
function nodeAt(index: TextIndex, offset: number): number {
  let lo = 0;
  let hi = index.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.starts[mid]! + index.nodes[mid]!.length <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function wrappable(node: Text): boolean {
  const parent = node.parentElement;
  if (!parent || NOT_PROSE.has(parent.tagName.toUpperCase())) return false;
  if (/\S/.test(node.data)) return true;
  // Whitespace between blocks (or inside a table or list) is not part of any line of text.
  if (['TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL', 'OL', 'DL'].includes(parent.tagName.toUpperCase())) return false;
  return !isBlock(node.previousSibling) && !isBlock(node.nextSibling);
}

function isBlock(node: Node | null): boolean {
  return !!node && node.nodeType === 1 && BLOCK_TAGS.has((node as Element).tagName.toUpperCase());
}

/** Splits one text node at every segment edge and wraps each piece in the highlights covering it. */
function wrapNode(node: Text, segments: Segment[], drawn: Map<string, HTMLElement[]>): void {
  const doc = node.ownerDocument;
  const cuts = [...new Set(segments.flatMap((s) => [s.from, s.to]).concat(0, node.length))].sort((a, b) => a - b);
  const text = node.data;
  const fragment = doc.createDocumentFragment();
  for (let c = 0; c + 1 < cuts.length; c++) {
    const from = cuts[c]!;
    const to = cuts[c + 1]!;
    let piece: Node = doc.createTextNode(text.slice(from, to));
    const covering = segments.filter((s) => s.from <= from && s.to >= to);
    for (let k = covering.length - 1; k >= 0; k--) {
      const { highlight } = covering[k]!;
      const el = doc.createElement(HIGHLIGHT_TAG.toLowerCase());
      el.setAttribute(ATTR.highlightId, highlight.id);
      el.setAttribute(ATTR.color, highlight.color);
      if (highlight.unsaved) el.setAttribute(ATTR.unsaved, '');
      el.append(piece);
      piece = el;
      let list = drawn.get(highlight.id);
      if (!list) drawn.set(highlight.id, (list = []));
      // One element per highlight per piece, pieces in document order: each list stays in order.
      list.push(el);
    }
    fragment.append(piece);
  }
  node.replaceWith(fragment);
}
