/**
 * jsdom lays nothing out: here the caret under (x, y) is offset x of `text`, every character's box
 * holds every point, and a range's box is the same (a card is placed against it). `undo` takes it away.
 */
export function layOut(text: Text): { undo: () => void } {
  const box = { x: 0, y: 0, left: 0, top: 0, right: 1000, bottom: 40, width: 1000, height: 40 };
  Object.defineProperty(document, 'caretPositionFromPoint', { configurable: true, value: (x: number) => ({ offsetNode: text, offset: x }) });
  Object.defineProperty(Range.prototype, 'getClientRects', { configurable: true, value: () => [box] });
  Object.defineProperty(Range.prototype, 'getBoundingClientRect', { configurable: true, value: () => box });
  return {
    undo() {
      delete (document as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
      delete (Range.prototype as { getClientRects?: unknown }).getClientRects;
      delete (Range.prototype as { getBoundingClientRect?: unknown }).getBoundingClientRect;
    },
  };
}
