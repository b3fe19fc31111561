import {
  autoUpdate, computePosition, flip, inline, offset, shift, size, type Placement, type ReferenceElement,
} from '@floating-ui/dom';

export interface PlaceOptions {
  placement: Placement;
  /** The gap between the reference and the floating element, in px. */
  gap: number;
  /** Caps the height to the room left, so a tall card scrolls on a short viewport. */
  fitHeight?: boolean;
  /** Keeps the element hidden until first placed, then runs `onVisible` once. */
  hideUntilPlaced?: boolean;
  onVisible?: () => void;
  /** Drops a placement that arrives after the element moved on. */
  stillShown?: () => boolean;
  /**
   * Keeps the side first chosen while the element grows (a card's late section), so it does not
   * flip to the other side of its reference; it is shifted and its height capped instead.
   */
  keepSide?: boolean;
}

/**
 * Keeps a floating element beside its reference (flipped when there is no room, always inside the
 * viewport) while the page scrolls or reflows. Returns the stop function.
 */
export function placeFloating(reference: ReferenceElement, floating: HTMLElement, options: PlaceOptions): () => void {
  if (options.hideUntilPlaced) floating.style.visibility = 'hidden';
  const fit = options.fitHeight
    ? [
        size({
          padding: 8,
          apply: ({ availableHeight }) => floating.style.setProperty('max-height', `${Math.max(120, Math.floor(availableHeight))}px`),
        }),
      ]
    : [];
  const middleware = [inline(), offset(options.gap), flip({ padding: 8 }), shift({ padding: 8 }), ...fit];
  let side: Placement | undefined;
  return autoUpdate(reference, floating, () => {
    const placement = side ?? options.placement;
    const steps = side ? middleware.filter((step) => step.name !== 'flip') : middleware;
    void computePosition(reference, floating, { strategy: 'fixed', placement, middleware: steps }).then(({ x, y, placement: placed }) => {
      if (options.stillShown && !options.stillShown()) return;
      if (options.keepSide) side = placed;
      floating.style.left = `${x}px`;
      floating.style.top = `${y}px`;
      if (floating.style.visibility === 'hidden') {
        floating.style.visibility = 'visible';
        options.onVisible?.();
      }
    });
  });
}

/**
 * A card below its word (above when there is no room), scrolling rather than covering its term or
 * leaving a short viewport, and staying on its side as it grows; hidden until first placed, then
 * `onVisible` runs once.
 */
export function placeCard(
  reference: ReferenceElement,
  card: HTMLElement,
  stillShown: () => boolean,
  onVisible: () => void,
): () => void {
  return placeFloating(reference, card, { placement: 'bottom-start', gap: 6, fitHeight: true, hideUntilPlaced: true, keepSide: true, stillShown, onVisible });
}
