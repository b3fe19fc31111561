/**
 * Marks terms in text that a layout cut into many nodes, as a PDF's text layer does (one node a
 * line, and a page break between two pages): the nodes are matched as one text, and a term that
 * runs from one node into the next gets a mark in each, with the same term id.
 */
import type { Matcher } from '../../utils/glossary/matcher';
import { collectEligibleText, TERM_TAG } from '../../content/marking/eligible-text';
import { joinerBetween } from '../../utils/pdf/text-lines';
import { ATTR } from '../../utils/dom-names';

export interface JoinedMarkerOptions {
  matcher: Matcher;
  entryIds: readonly string[];
  /** The longest pattern's length: how much of the previous part may belong to a term that ends in this one. */
  longestTerm: number;
}

export interface JoinedMarker {
  /**
   * Marks `part` (a page's text layer), joined to the unmarked end of `previous` (the page before),
   * so a term cut by the page break is found. Returns the number of marks made.
   */
  markPart(part: Element, previous?: Element | null): number;
}

const MARK_TAG = TERM_TAG.toLowerCase();

interface Piece {
  node: Text;
  start: number;
  end: number;
  entry: number;
}

export function createJoinedMarker(options: JoinedMarkerOptions): JoinedMarker {
  const { matcher, entryIds, longestTerm } = options;

  return {
    markPart(part, previous) {
      const tail = previous ? unmarkedTail(previous, longestTerm) : [];
      const nodes = [...tail, ...collectEligibleText(part)];
      const starts: number[] = [];
      let text = '';
      for (const node of nodes) {
        text += joinerBetween(text, node.data).joiner;
        starts.push(text.length);
        text += node.data;
      }
      const partStart = tail.length ? starts[tail.length]! : 0;
      const pieces: Piece[] = [];
      let count = 0;
      for (const m of matcher.match(text)) {
        // Terms wholly in the previous part were marked with it.
        if (m.end <= partStart) continue;
        count++;
        for (let i = 0; i < nodes.length; i++) {
          const from = Math.max(m.start, starts[i]!) - starts[i]!;
          const to = Math.min(m.end, starts[i]! + nodes[i]!.data.length) - starts[i]!;
          if (to > from) pieces.push({ node: nodes[i]!, start: from, end: to, entry: m.entry });
        }
      }
      wrapPieces(pieces, entryIds);
      return count;
    },
  };
}

/** The text nodes at the end of `root` after its last mark, as many as hold `chars` characters. */
function unmarkedTail(root: Element, chars: number): Text[] {
  const nodes = collectEligibleText(root);
  const marks = root.querySelectorAll(MARK_TAG);
  const lastMark = marks[marks.length - 1];
  const out: Text[] = [];
  let length = 0;
  for (let i = nodes.length - 1; i >= 0 && length < chars; i--) {
    const node = nodes[i]!;
    if (lastMark && lastMark.compareDocumentPosition(node) & node.DOCUMENT_POSITION_PRECEDING) break;
    out.unshift(node);
    length += node.data.length;
  }
  return out;
}

function wrapPieces(pieces: readonly Piece[], entryIds: readonly string[]): void {
  const byNode = new Map<Text, Piece[]>();
  for (const piece of pieces) {
    const list = byNode.get(piece.node) ?? [];
    list.push(piece);
    byNode.set(piece.node, list);
  }
  for (const [node, list] of byNode) {
    const parent = node.parentNode;
    if (!parent) continue;
    const doc = node.ownerDocument;
    const fragment = doc.createDocumentFragment();
    let last = 0;
    for (const piece of list.sort((a, b) => a.start - b.start)) {
      if (piece.start > last) fragment.append(node.data.slice(last, piece.start));
      const mark = doc.createElement(MARK_TAG);
      mark.setAttribute(ATTR.termId, entryIds[piece.entry]!);
      mark.textContent = node.data.slice(piece.start, piece.end);
      fragment.append(mark);
      last = piece.end;
    }
    if (last < node.data.length) fragment.append(node.data.slice(last));
    parent.replaceChild(fragment, node);
  }
}
