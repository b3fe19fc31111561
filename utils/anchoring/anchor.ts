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

export interface YieldingOptions extends AnchorOptions {
  /** How long anchoring may run before it lets the page handle input; 8 ms keeps a frame for painting. */
  sliceMs?: number;
  /** Gives the event loop a turn (e.g. a zero-delay timeout or scheduler.yield). */
  pause?: () => Promise<void>;
  now?: () => number;
}

/**
 * anchorAll for a tab that stays responsive: the quotes are matched in slices of at most `sliceMs`,
 * with a pause between slices, so a thousand highlights (or a few crafted ones) never freeze the
 * page. The text is read once, before the first slice: the caller checks it is unchanged before
 * drawing.
 */
export async function anchorAllYielding(
  root: Element,
  selectorsList: readonly StoredSelectors[],
  options: YieldingOptions = {},
): Promise<{ anchors: (Anchor | null)[]; text: string }> {
  const index = options.index?.root === root ? options.index : buildTextIndex(root);
  if (!Array.isArray(selectorsList)) return { anchors: [], text: index.text };
  const sliceMs = options.sliceMs ?? 8;
  const pause = options.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const now = options.now ?? (() => performance.now());
  const match = createQuoteMatcher(index.text, options);
  const anchors: (Anchor | null)[] = [];
  let sliceStart = now();
  for (const selectors of selectorsList as unknown[]) {
    if (now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = now();
    }
    anchors.push(anchorOne(match, selectors));
  }
  return { anchors, text: index.text };
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
