import { autoUpdate, computePosition, flip, inline, offset, shift, size, type ReferenceElement } from '@floating-ui/dom';

/**
 * Keeps a card below its word (above when there is no room, always inside the viewport) while the
 * page scrolls or reflows. The card stays hidden until first placed, then `onVisible` runs once;
 * `stillShown` drops a placement that arrives after the card moved on. Returns the stop function.
 */
export function placeCard(
  reference: ReferenceElement,
  card: HTMLElement,
  stillShown: () => boolean,
  onVisible: () => void,
): () => void {
  card.style.visibility = 'hidden';
  return autoUpdate(reference, card, () => {
    void computePosition(reference, card, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        inline(),
        offset(6),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
        // A short viewport (a phone, a zoomed page): the card scrolls rather than cover its term or leave the screen.
        size({
          padding: 8,
          apply: ({ availableHeight }) => card.style.setProperty('max-height', `${Math.max(120, Math.floor(availableHeight))}px`),
        }),
      ],
    }).then(({ x, y }) => {
      if (!stillShown()) return;
      card.style.left = `${x}px`;
      card.style.top = `${y}px`;
      if (card.style.visibility === 'hidden') {
        card.style.visibility = 'visible';
        onVisible();
      }
    });
  });
}
