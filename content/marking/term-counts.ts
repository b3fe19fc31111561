import { collectEligibleText } from './eligible-text';
import type { Matcher } from '../../utils/glossary/matcher';

/**
 * How often each entry occurs in the article's text, by entry index: what the card shows when
 * the marks themselves are not all drawn yet (see viewport-marking.ts). Works in slices.
 */
export async function countTerms(
  root: Node,
  matcher: Matcher,
  yieldToPage: () => Promise<void>,
  sliceBudgetMs = 8,
  now: () => number = () => performance.now(),
): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  let sliceStart = now();
  for (const node of collectEligibleText(root)) {
    for (const m of matcher.match(node.data)) counts.set(m.entry, (counts.get(m.entry) ?? 0) + 1);
    if (now() - sliceStart > sliceBudgetMs) {
      await yieldToPage();
      sliceStart = now();
    }
  }
  return counts;
}
