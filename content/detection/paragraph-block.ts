import { isSkippedElement } from '../marking/eligible-text';

/** Whether an element sits in a box that is not the article (navigation, related links, forms, our own UI). */
export function insideSkippedBox(node: Element): boolean {
  for (let el: Element | null = node; el && el.tagName !== 'BODY'; el = el.parentElement) {
    if (isSkippedElement(el)) return true;
  }
  return false;
}

/**
 * The element whose own paragraphs hold the most text (whitespace folded), and how much: where
 * the article is when no template says so. Null when the page has no paragraph outside skipped boxes.
 */
export function largestParagraphBlock(doc: Document): { block: Element; chars: number } | null {
  const totals = new Map<Element, number>();
  for (const p of doc.querySelectorAll('p')) {
    const parent = p.parentElement;
    if (!parent || insideSkippedBox(p)) continue;
    totals.set(parent, (totals.get(parent) ?? 0) + (p.textContent?.replace(/\s+/g, ' ').trim().length ?? 0));
  }
  let best: { block: Element; chars: number } | null = null;
  for (const [block, chars] of totals) {
    if (chars > (best?.chars ?? 0)) best = { block, chars };
  }
  return best;
}
