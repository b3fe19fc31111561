import type { ReferenceElement } from '@floating-ui/dom';
import type { HighlightTerm } from '../marking/term-highlights';
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
    };
    ofElement.set(mark, target);
  }
  return target;
}

export function highlightTarget(term: HighlightTerm): CardTarget {
  let target = ofHighlight.get(term);
  if (!target) {
    const { range } = term;
    target = {
      id: term.id,
      senses: term.senses,
      // floating-ui places against any box; its parent element tells it which ancestors scroll.
      anchor: {
        getBoundingClientRect: () => range.getBoundingClientRect(),
        getClientRects: () => range.getClientRects(),
        contextElement: range.startContainer.parentElement ?? undefined,
      },
      range: () => range,
      element: null,
    };
    ofHighlight.set(term, target);
  }
  return target;
}
