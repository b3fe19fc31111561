/** Whether the point (`a`, `aOffset`) comes before (`b`, `bOffset`) in the document. */
export function pointBefore(a: Node, aOffset: number, b: Node, bOffset: number): boolean {
  if (a === b) return aOffset < bOffset;
  // 4 is DOCUMENT_POSITION_FOLLOWING: b comes after a.
  return !!(a.compareDocumentPosition(b) & 4);
}
