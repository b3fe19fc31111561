import type { ReferenceElement } from '@floating-ui/dom';
import type { HighlightTerm } from '../marking/term-highlights';
import { pointBefore } from '../marking/document-order';
import { ATTR } from '../../utils/dom-names';

/** What a term card is open for: a mark element, or a term drawn as a highlight range. */
export interface CardTarget {
  id: string;
  /** Every entry a shared form may mean, when the text does not decide (the card shows them all). */
  senses: string[];
  /** What the card is placed against. */
  anchor: ReferenceElement;
  /** The term's text, for the sentence saved with it. */
  range(): Range;
  /** The mark, for targets that are elements. */
  element: Element | null;
  /** Where it starts, to put targets in document order without making ranges. */
  start: { node: Node; offset: number };
}

/** Whether `a` starts before `b` in the document. */
export function startsBefore(a: CardTarget, b: CardTarget): boolean {
  return pointBefore(a.start.node, a.start.offset, b.start.node, b.start.offset);
}

// One target per mark or range, so "the same term" is the same object for the hover and the cursor.
const ofElement = new WeakMap<Element, CardTarget>();
const ofHighlight = new WeakMap<HighlightTerm, CardTarget>();

export function markTarget(mark: Element): CardTarget {
  let target = ofElement.get(mark);
  if (!target) {
    target = {
      id: mark.getAttribute(ATTR.termId) ?? '',
      senses: (mark.getAttribute(ATTR.termSenses) ?? '').split(' ').filter(Boolean),
      anchor: mark,
      range: () => {
        const range = mark.ownerDocument.createRange();
        range.selectNode(mark);
        return range;
      },
      element: mark,
      start: { node: mark, offset: 0 },
    };
    ofElement.set(mark, target);
  }
  return target;
}

export function highlightTarget(term: HighlightTerm): CardTarget {
  let target = ofHighlight.get(term);
  if (!target) {
    // The live range is made when the card is placed, not for every term a cursor lists.
    target = {
      id: term.id,
      senses: term.senses,
      // floating-ui places against any box; its parent element tells it which ancestors scroll.
      anchor: {
        getBoundingClientRect: () => term.range.getBoundingClientRect(),
        getClientRects: () => term.range.getClientRects(),
        contextElement: term.node.parentElement ?? undefined,
      },
      range: () => term.range,
      element: null,
      start: { node: term.node, offset: term.start },
    };
    ofHighlight.set(term, target);
  }
  return target;
}
