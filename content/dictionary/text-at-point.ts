import { OWN_HOST_PREFIX, TERM_TAG } from '../marking/eligible-text';

/** A position in a text node: the first unit of the character there. */
export interface TextPoint {
  node: Text;
  offset: number;
}

/** A piece of gathered text: units [start, end) of one text node. */
export interface TextPiece {
  node: Text;
  start: number;
  end: number;
}

export interface GatheredText {
  text: string;
  pieces: TextPiece[];
}

const HAN = /^\p{Script=Han}/u;

/** Whether the character at the point is a Han character (the only kind a hover looks up). */
export function isHanAt({ node, offset }: TextPoint): boolean {
  return HAN.test(node.data.slice(offset, offset + 2));
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/**
 * The character under the point (x, y), or null when the point is not over text. The caret APIs
 * give the boundary nearest the point, which may lie after the character the pointer is on: the
 * character on either side whose box holds the point is the one.
 */
export function textPointAt(doc: Document, x: number, y: number): TextPoint | null {
  const caretDoc = doc as CaretDocument;
  let node: Node | undefined;
  let offset = 0;
  if (caretDoc.caretPositionFromPoint) {
    const position = caretDoc.caretPositionFromPoint(x, y);
    node = position?.offsetNode;
    offset = position?.offset ?? 0;
  } else if (caretDoc.caretRangeFromPoint) {
    const range = caretDoc.caretRangeFromPoint(x, y);
    node = range?.startContainer;
    offset = range?.startOffset ?? 0;
  }
  if (!node || node.nodeType !== 3) return null;
  const text = node as Text;
  for (const start of [offset, offset - 1, offset - 2]) {
    if (start < 0 || start >= text.length) continue;
    const end = start + (isHighSurrogate(text.data.charCodeAt(start)) ? 2 : 1);
    if (end - start === 1 && isLowSurrogate(text.data.charCodeAt(start))) continue;
    if (charBoxHolds(text, start, end, x, y)) return { node: text, offset: start };
  }
  return null;
}

function charBoxHolds(node: Text, start: number, end: number, x: number, y: number): boolean {
  const range = node.ownerDocument.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  for (const box of range.getClientRects()) {
    if (x >= box.left && x <= box.right && y >= box.top && y <= box.bottom) return true;
  }
  return false;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Whether the node lies inside a curated term's mark. */
export function isInsideTerm(node: Node): boolean {
  return !!node.parentElement?.closest(TERM_TAG.toLowerCase());
}

// Text in these is not read as part of the sentence around it.
const UNREAD = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'RT', 'RP', 'TEXTAREA', 'SELECT']);

/** Whether an element is laid out inline (so a word may run through it), by its computed style. */
export function isInlineElement(el: Element): boolean {
  const display = el.ownerDocument.defaultView?.getComputedStyle(el).display ?? 'inline';
  // inline, inline-block…, ruby (an inline gloss above a word), contents.
  return /^(inline|ruby|contents)/.test(display);
}

/**
 * Up to `max` units of text from the point on, across inline tags (`<b>協</b>議` reads as 協議),
 * stopping at a line break, at a block, at a curated term's mark (its characters are the
 * glossary's), and at the extension's own UI.
 */
export function gatherText(start: TextPoint, max: number, isInline: (el: Element) => boolean = isInlineElement): GatheredText {
  const pieces: TextPiece[] = [{ node: start.node, start: start.offset, end: Math.min(start.node.length, start.offset + max) }];
  let length = pieces[0]!.end - start.offset;
  const walker = start.node.ownerDocument.createTreeWalker(blockOf(start.node, isInline), 0x1 | 0x4, {
    acceptNode: (node) => (node.nodeType === 1 && UNREAD.has((node as Element).tagName.toUpperCase()) ? 2 : 1), // REJECT : ACCEPT
  });
  walker.currentNode = start.node;
  for (let node = walker.nextNode(); node && length < max; node = walker.nextNode()) {
    if (node.nodeType === 1) {
      const tag = (node as Element).tagName.toUpperCase();
      if (tag === 'BR' || tag === TERM_TAG || tag.startsWith(OWN_HOST_PREFIX) || !isInline(node as Element)) break;
      continue;
    }
    const text = node as Text;
    const take = Math.min(text.length, max - length);
    if (take > 0) pieces.push({ node: text, start: 0, end: take });
    length += take;
  }
  return { text: textOf(pieces), pieces };
}

/**
 * Up to `max` units of the text right after a range (a curated term's mark or drawn range), read as
 * gatherText reads it: through inline tags, not past a line break, a block or the next mark.
 */
export function textAfter(range: Range, max: number, isInline: (el: Element) => boolean = isInlineElement): string {
  const last = lastTextIn(range);
  return last ? gatherText(last, max, isInline).text : '';
}

/** The point after the range's last character, in the text node that holds it. */
function lastTextIn(range: Range): TextPoint | null {
  const { endContainer: container, endOffset: offset } = range;
  if (container.nodeType === 3) return { node: container as Text, offset };
  // A range around an element ends at a boundary between nodes: the last text before it.
  for (let node: Node | null = container.childNodes[offset - 1] ?? null; node; node = node.lastChild) {
    if (node.nodeType === 3) return { node: node as Text, offset: (node as Text).length };
  }
  return null;
}

const textOf = (pieces: readonly TextPiece[]) => pieces.map((p) => p.node.data.slice(p.start, p.end)).join('');

/** Whether the gathered text is still in the page as it was: marking and the 繁/简 switch rewrite text nodes. */
export function stillThere(gathered: GatheredText): boolean {
  return gathered.pieces.every((p) => p.node.isConnected) && textOf(gathered.pieces) === gathered.text;
}

function blockOf(node: Node, isInline: (el: Element) => boolean): Node {
  let el = node.parentElement;
  while (el && isInline(el) && el.parentElement) el = el.parentElement;
  return el ?? node;
}

/** The range of the first `length` units of gathered text. */
export function rangeOf(gathered: GatheredText, length: number): Range {
  const first = gathered.pieces[0]!;
  const range = first.node.ownerDocument.createRange();
  range.setStart(first.node, first.start);
  let left = length;
  for (const piece of gathered.pieces) {
    const units = piece.end - piece.start;
    if (left <= units) {
      range.setEnd(piece.node, piece.start + left);
      return range;
    }
    left -= units;
  }
  const last = gathered.pieces[gathered.pieces.length - 1]!;
  range.setEnd(last.node, last.end);
  return range;
}

/** Whether two ranges start at the same place. */
export function sameStart(a: Range, b: Range): boolean {
  return a.startContainer === b.startContainer && a.startOffset === b.startOffset;
}

/** Whether the character at the point is one of the range's (its end is the boundary after the last). */
export function rangeHolds(range: Range, point: TextPoint): boolean {
  if (point.node === range.endContainer && point.offset >= range.endOffset) return false;
  try {
    return range.isPointInRange(point.node, point.offset);
  } catch {
    return false;
  }
}
