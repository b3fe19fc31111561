/**
 * Re-attaching stored highlights to a page. All of them are anchored against one reading of the
 * root's text before anything is drawn, so drawing one (which splits text nodes) cannot disturb
 * the others' anchoring.
 */
import type { TextPositionSelector, TextQuoteSelector } from '../highlights/types';
import { createQuoteMatcher, type QuoteMatch, type QuoteMatcher, type QuoteMatcherOptions } from './match-quote';
import { buildTextIndex, type TextIndex } from './text-offsets';

export interface StoredSelectors {
  quote: TextQuoteSelector;
  position?: TextPositionSelector;
}

export interface AnchorOptions extends QuoteMatcherOptions {
  /**
   * The root's text index, if already built. Keep it: offsetsToRange(index, start, end) turns an
   * anchor into a Range when it is drawn. Anchors are offsets, not Ranges, because live Ranges
   * are updated by the browser on every DOM change and a thousand of them slow drawing down.
   */
  index?: TextIndex;
}

/** Where a highlight now lies in the root's text. null in its place means it is an orphan. */
export type Anchor = QuoteMatch;

export function anchorAll(
  root: Element,
  selectorsList: readonly StoredSelectors[],
  options: AnchorOptions = {},
): (Anchor | null)[] {
  if (!Array.isArray(selectorsList)) return [];
  const index = options.index?.root === root ? options.index : buildTextIndex(root);
  const match = createQuoteMatcher(index.text, options);
  return selectorsList.map((selectors: unknown) => anchorOne(match, selectors));
}

/** Stored data may be damaged or come from an import: check every field before trusting it. */
function anchorOne(match: QuoteMatcher, selectors: unknown): Anchor | null {
  if (!isObject(selectors) || !isObject(selectors.quote)) return null;
  const { quote, position } = selectors;
  if (quote.type !== 'TextQuoteSelector' || typeof quote.exact !== 'string') return null;
  const hint =
    isObject(position) && position.type === 'TextPositionSelector' && typeof position.start === 'number'
      ? position.start
      : undefined;
  return match(quote.exact, {
    prefix: typeof quote.prefix === 'string' ? quote.prefix : undefined,
    suffix: typeof quote.suffix === 'string' ? quote.suffix : undefined,
    hint,
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
