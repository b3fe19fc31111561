import { createShadowHost, type ShadowHost } from '../ui/shadow-host';
import { HOST } from '../../utils/dom-names';

/** How the ranges of drawn terms are painted. */
export interface RangePainter {
  add(range: AbstractRange): void;
  delete(range: AbstractRange): void;
  clear(): void;
}

type PageWindow = Window & typeof globalThis;

/** A registry painter can keep what a long task draws out of sight until it is done. */
export interface RegistryPainter extends RangePainter {
  /**
   * Until the returned release is called, ranges go to a second highlight, `${name}-rest`, kept out
   * of the registry. A page renders between the slices of a long marking, and each frame with a
   * registered highlight that grew paints all its ranges again (the 1 MB page's slices: 811 ms of
   * wall time registered, 152 ms held). What an earlier hold kept there is out of sight again while
   * a later one lasts (a new article body, marked afresh).
   */
  hold(): () => void;
}

/**
 * Paints through the CSS Custom Highlight API under `name` (styled with `::highlight(name)`). The
 * registry is the document's: the page's scripts can list it and read every range, so it is only
 * for what the page may see anyway (built-in terms, the dictionary's outline).
 */
export function registryPainter(win: Window, name: string): RegistryPainter {
  const w = win as PageWindow;
  const shown = new w.Highlight();
  const rest = new w.Highlight();
  const restName = `${name}-rest`;
  // Out of the registry while a task draws, and back in a microtask after: a range added to a
  // registered highlight schedules a repaint each time, and a long page adds 72,000. Taken out and put
  // back before the page renders, it never shows a frame without its ranges. Once cleared, never back.
  let drawing = false;
  let holds = 0;
  let cleared = false;
  const register = () => {
    drawing = false;
    if (!cleared) w.CSS.highlights.set(name, shown);
  };
  return {
    add(range) {
      if (holds) {
        rest.add(range);
        return;
      }
      if (!drawing && !cleared) {
        drawing = true;
        w.CSS.highlights.delete(name);
        queueMicrotask(register);
      }
      shown.add(range);
    },
    delete(range) {
      shown.delete(range);
      rest.delete(range);
    },
    hold() {
      if (!holds++) w.CSS.highlights.delete(restName);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (!--holds && !cleared) w.CSS.highlights.set(restName, rest);
      };
    },
    clear() {
      cleared = true;
      shown.clear();
      rest.clear();
      w.CSS.highlights.delete(name);
      w.CSS.highlights.delete(restName);
    },
  };
}

export const UNDERLINE_HOST_TAG = HOST.underlines;

/** Whether a range (static ones are not kept up to date) still lies inside its nodes' text in the page. */
function fits(range: AbstractRange): boolean {
  const { startContainer: start, endContainer: end } = range;
  if (range.collapsed || !start.isConnected || !end.isConnected) return false;
  const length = (node: Node) => (node.nodeType === 3 ? (node as Text).length : node.childNodes.length);
  return range.startOffset <= length(start) && range.endOffset <= length(end);
}

// Fixed and clipped to the viewport: a line under a word the page placed far off (a probe for the
// reader's own words) must not grow the document's scroll size, which the page can read.
const UNDERLINE_CSS = `:host { position: fixed !important; inset: 0 !important; width: auto !important; height: auto !important;
  overflow: hidden !important; contain: strict !important;
  pointer-events: none !important; z-index: 2147483646 !important; }
.u { position: absolute; border-bottom: 1px dotted rgb(11 92 173 / 0.75); pointer-events: none; }`;

/**
 * Paints dotted underlines below the ranges from inside a closed shadow root: the page sees that
 * the host exists (on every article, whether or not anything is drawn), not where its lines are or
 * which words they are under. Only lines in the viewport are drawn, again in the next frame after a
 * change, a scroll, a resize or a reflow.
 */
export function underlinePainter(doc: Document): RangePainter {
  const win = doc.defaultView as PageWindow;
  const ranges = new Set<AbstractRange>();
  // Static ranges have no boxes: each is measured through this one live range, set to it in turn.
  const measure = doc.createRange();
  let shadow: ShadowHost | null = createShadowHost(doc, UNDERLINE_HOST_TAG, UNDERLINE_CSS);
  let frame = 0;
  // A painter cleared for a new glossary draws no more: a late range must not bring a second host back.
  let cleared = false;

  function paint(): void {
    frame = 0;
    if (cleared) return;
    if (!shadow?.host.isConnected) shadow = createShadowHost(doc, UNDERLINE_HOST_TAG, UNDERLINE_CSS);
    // Nothing to draw: no measuring, which would make the browser lay the page out on every scroll.
    if (!ranges.size) {
      shadow.mount.replaceChildren();
      return;
    }
    const origin = shadow.host.getBoundingClientRect();
    const lines: HTMLElement[] = [];
    for (const range of ranges) {
      if (!fits(range)) continue;
      measure.setStart(range.startContainer, range.startOffset);
      measure.setEnd(range.endContainer, range.endOffset);
      for (const box of measure.getClientRects()) {
        if (box.width === 0 || box.bottom < 0 || box.top > win.innerHeight || box.right < 0 || box.left > win.innerWidth) continue;
        const line = doc.createElement('div');
        line.className = 'u';
        line.style.left = `${box.left - origin.left}px`;
        line.style.top = `${box.bottom - origin.top - 1}px`;
        line.style.width = `${box.width}px`;
        lines.push(line);
      }
    }
    shadow.mount.replaceChildren(...lines);
    measure.collapse(true);
  }
  const schedule = () => {
    if (!frame) frame = win.requestAnimationFrame(paint);
  };
  // A reflow (fonts, images, a narrower window) moves the words under their lines.
  const resizes = new win.ResizeObserver(schedule);
  resizes.observe(doc.documentElement);
  win.addEventListener('resize', schedule);
  // In capture: a scroll inside any scrolling box of the page moves its words too.
  win.addEventListener('scroll', schedule, { capture: true, passive: true });

  return {
    add(range) {
      if (cleared) return;
      ranges.add(range);
      schedule();
    },
    delete(range) {
      ranges.delete(range);
      schedule();
    },
    clear() {
      cleared = true;
      win.cancelAnimationFrame(frame);
      frame = 0;
      ranges.clear();
      resizes.disconnect();
      win.removeEventListener('resize', schedule);
      win.removeEventListener('scroll', schedule, { capture: true });
      shadow?.remove();
      shadow = null;
    },
  };
}
