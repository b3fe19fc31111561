import * as v from 'valibot';
import { ATTR, TAG } from '../../utils/dom-names';

/** Where the reader left the bar and whether it is folded to its icon; kept per reader in storage.local. */
export interface BarState {
  /** The bar's left and top edges in CSS pixels; null until the reader moves it (then it sits bottom right). */
  position: { x: number; y: number } | null;
  collapsed: boolean;
}

export const BAR_STATE_AREA_KEY = 'readerBar';
export const DEFAULT_BAR_STATE: Readonly<BarState> = Object.freeze({ position: null, collapsed: false });

const Coordinate = v.pipe(v.number(), v.finite(), v.minValue(-100_000), v.maxValue(100_000));
const BarStateSchema = v.object({
  position: v.nullable(v.object({ x: Coordinate, y: Coordinate })),
  collapsed: v.boolean(),
});

/** A stored value to a usable state; anything damaged reads as the default (the bar is never lost). */
export function parseBarState(raw: unknown): BarState {
  const parsed = v.safeParse(BarStateSchema, raw);
  if (!parsed.success) return { ...DEFAULT_BAR_STATE };
  const { position, collapsed } = parsed.output;
  return { position: position ? { x: position.x, y: position.y } : null, collapsed };
}

/** The part of a storage area (storage.local) the page and the PDF reader page use. */
export interface LocalArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** The bar's state in storage.local: the content script and the PDF reader page share it. */
export function barStateStore(local: LocalArea) {
  return {
    load: async (): Promise<BarState> => parseBarState((await local.get([BAR_STATE_AREA_KEY]))[BAR_STATE_AREA_KEY]),
    save: (state: BarState): Promise<void> => local.set({ [BAR_STATE_AREA_KEY]: state }),
  };
}

/** Keeps the whole bar inside the viewport (with a margin), whatever the window's size is now. */
export function clampBarPosition(
  position: { x: number; y: number },
  bar: { width: number; height: number },
  viewport: { width: number; height: number },
  margin = 4,
): { x: number; y: number } {
  const maxX = Math.max(margin, viewport.width - bar.width - margin);
  const maxY = Math.max(margin, viewport.height - bar.height - margin);
  return {
    x: Math.round(Math.min(maxX, Math.max(margin, position.x))),
    y: Math.round(Math.min(maxY, Math.max(margin, position.y))),
  };
}

/** The bar moved by the keyboard: arrow keys nudge it, Shift moves it further. */
export function nudge(
  position: { x: number; y: number },
  key: string,
  shift: boolean,
): { x: number; y: number } | null {
  const step = shift ? 64 : 16;
  switch (key) {
    case 'ArrowLeft':
      return { x: position.x - step, y: position.y };
    case 'ArrowRight':
      return { x: position.x + step, y: position.y };
    case 'ArrowUp':
      return { x: position.x, y: position.y - step };
    case 'ArrowDown':
      return { x: position.x, y: position.y + step };
    default:
      return null;
  }
}

/** Counts the highlights drawn under `root` (one per id, however many elements it spans). */
export function countDrawnHighlights(root: ParentNode): number {
  const ids = new Set<string>();
  for (const el of root.querySelectorAll(`${TAG.highlight}[${ATTR.highlightId}]`)) ids.add(el.getAttribute(ATTR.highlightId)!);
  return ids.size;
}
