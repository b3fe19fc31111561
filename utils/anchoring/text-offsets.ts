/**
 * Character offsets in a root element's text (its textContent, in UTF-16 units) and the DOM
 * positions they stand for. The index is built in one pass and then answers every lookup by
 * binary search, so anchoring many highlights never walks the tree again.
 *
 * The index is a snapshot: build a new one after the root's text changes.
 */

// NodeFilter.SHOW_TEXT | NodeFilter.SHOW_CDATA_SECTION (textContent counts both). Numbers rather
// than the globals, so the module needs nothing from a window.
const SHOW_TEXT_NODES = 0x4 | 0x8;

export interface TextIndex {
  readonly root: Element;
  /** The root's textContent when the index was built. */
  readonly text: string;
  /** The non-empty text nodes in document order (empty ones hold no characters). */
  readonly nodes: readonly Text[];
  /** starts[i] is the offset in `text` of the first character of nodes[i]. */
  readonly starts: readonly number[];
  /** From a text node to its position in `nodes`. */
  readonly positions: ReadonlyMap<Node, number>;
}

export interface TextSpan {
  start: number;
  end: number;
}

export function buildTextIndex(root: Element): TextIndex {
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT_NODES);
  const nodes: Text[] = [];
  const starts: number[] = [];
  const positions = new Map<Node, number>();
  const parts: string[] = [];
  let length = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    if (data.length === 0) continue;
    positions.set(node, nodes.length);
    nodes.push(node as Text);
    starts.push(length);
    parts.push(data);
    length += data.length;
  }
  return { root, text: parts.join(''), nodes, starts, positions };
}

/** The text offset of a DOM boundary point, or null when the point is not inside the root. */
export function offsetOfPoint(index: TextIndex, container: Node, offset: number): number | null {
  if (!index.root.contains(container)) return null;
  const at = index.positions.get(container);
  if (at !== undefined) {
    const node = index.nodes[at]!;
    return index.starts[at]! + Math.min(Math.max(offset, 0), node.length);
  }
  // Any other container (an element, a comment, an empty text node): the point's offset is the
  // start of the first text node at or after it. Tree order is monotonic over `nodes`, so search.
  const probe = index.root.ownerDocument.createRange();
  probe.setStart(container, Math.min(Math.max(Math.trunc(offset) || 0, 0), nodeLength(container)));
  let lo = 0;
  let hi = index.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (probe.comparePoint(index.nodes[mid]!, 0) >= 0) hi = mid;
    else lo = mid + 1;
  }
  return lo < index.nodes.length ? index.starts[lo]! : index.text.length;
}

// A node's length in the DOM's sense: characters for character data, children otherwise.
function nodeLength(node: Node): number {
  const type = node.nodeType;
  // TEXT_NODE, CDATA_SECTION_NODE, PROCESSING_INSTRUCTION_NODE, COMMENT_NODE.
  if (type === 3 || type === 4 || type === 7 || type === 8) return (node as CharacterData).length;
  return node.childNodes.length;
}

/** Offsets of a range against the root, or null when either end lies outside it. */
export function rangeToOffsets(index: TextIndex, range: Range): TextSpan | null {
  const start = offsetOfPoint(index, range.startContainer, range.startOffset);
  if (start === null) return null;
  const end = offsetOfPoint(index, range.endContainer, range.endOffset);
  if (end === null) return null;
  return { start, end };
}

/**
 * A range over text[start, end), or null when the offsets are not integers with
 * 0 <= start <= end <= text.length. The start goes into the node holding its first character and
 * the end into the node holding its last, so the range does not spill into neighbouring nodes.
 */
export function offsetsToRange(index: TextIndex, start: number, end: number): Range | null {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return null;
  if (start < 0 || start > end || end > index.text.length) return null;
  const range = index.root.ownerDocument.createRange();
  if (index.nodes.length === 0) {
    range.setStart(index.root, 0);
    return range;
  }
  const [startNode, startOffset] = locate(index, start, false);
  range.setStart(startNode, startOffset);
  if (end === start) return range;
  const [endNode, endOffset] = locate(index, end, true);
  range.setEnd(endNode, endOffset);
  return range;
}

/**
 * The text node and in-node offset for a text offset. An offset on the boundary between two
 * nodes belongs to the later node, or to the earlier one when `endOfPrevious` is set.
 */
function locate(index: TextIndex, offset: number, endOfPrevious: boolean): [Text, number] {
  const { starts, nodes } = index;
  // The last node starting at or before `offset`; starts[0] is 0, so there always is one.
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  if (endOfPrevious && lo > 0 && starts[lo] === offset) lo -= 1;
  return [nodes[lo]!, offset - starts[lo]!];
}
