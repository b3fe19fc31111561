/**
 * Where one of the extension's hosts shows something on screen, as the page itself can tell with
 * `elementsFromPoint` (the closed root hides everything else): the box of the points that hit it.
 * Firefox has no accessibility-tree protocol for tests, so its tests find the UI this way and press it
 * with the real mouse and keyboard. Runs in the page.
 */
export function hostBox(tag: string): { x: number; y: number; width: number; height: number } | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let y = 2; y < innerHeight; y += 4) {
    for (let x = 2; x < innerWidth; x += 4) {
      if (document.elementFromPoint(x, y)?.localName !== tag) continue;
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  return minX === Infinity ? null : { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}
