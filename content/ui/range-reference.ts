import type { VirtualElement } from '@floating-ui/dom';

/**
 * A selection as a floating element's anchor: only the parts of it on screen, since a selection
 * may hold boxes far away (a PDF page's running head printed at its top, the next page's picture).
 */
export function rangeReference(range: Range, win: Window): VirtualElement {
  const visible = () => {
    const rects = [...range.getClientRects()];
    const onScreen = rects.filter((r) => r.bottom > 0 && r.top < win.innerHeight && r.width > 0);
    return onScreen.length ? onScreen : rects;
  };
  return {
    getBoundingClientRect: () => {
      const rects = visible();
      if (!rects.length) return range.getBoundingClientRect();
      const left = Math.min(...rects.map((r) => r.left));
      const top = Math.min(...rects.map((r) => r.top));
      const right = Math.max(...rects.map((r) => r.right));
      const bottom = Math.max(...rects.map((r) => r.bottom));
      return { x: left, y: top, left, top, right, bottom, width: right - left, height: bottom - top };
    },
    getClientRects: () => visible(),
  };
}
