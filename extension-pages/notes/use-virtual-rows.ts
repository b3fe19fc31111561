import {
  Virtualizer,
  elementScroll,
  observeElementOffset,
  observeElementRect,
  type VirtualizerOptions,
} from '@tanstack/virtual-core';
import { useLayoutEffect, useReducer, useState } from 'preact/hooks';

export type VirtualRowsOptions = Pick<
  VirtualizerOptions<HTMLElement, HTMLElement>,
  'count' | 'getScrollElement' | 'estimateSize' | 'getItemKey'
> &
  Partial<Pick<VirtualizerOptions<HTMLElement, HTMLElement>, 'overscan' | 'observeElementRect' | 'observeElementOffset'>>;

/**
 * A TanStack Virtualizer for a scrolling element, re-rendering the component whenever the window
 * of visible rows changes: only those rows (and a few either side) are in the DOM, whatever the count.
 * Rows are measured as they render (pass `virtualizer.measureElement` as their ref, with `data-index`).
 */
export function useVirtualRows(options: VirtualRowsOptions): Virtualizer<HTMLElement, HTMLElement> {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const resolved: VirtualizerOptions<HTMLElement, HTMLElement> = {
    observeElementRect,
    observeElementOffset,
    scrollToFn: elementScroll,
    overscan: 6,
    ...options,
    onChange: () => rerender(0),
  };
  const [virtualizer] = useState(() => new Virtualizer(resolved));
  virtualizer.setOptions(resolved);
  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => {
    virtualizer._willUpdate();
  });
  return virtualizer;
}
