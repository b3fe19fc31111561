/**
 * The selectors that let a highlight be found again: the quote with the text around it, and its
 * offsets, both measured against the article body rather than the whole page.
 */
import type { TextPositionSelector, TextQuoteSelector } from '../highlights/types';
import { buildTextIndex, rangeToOffsets, type TextIndex } from './text-offsets';

/** UTF-16 units of context kept either side of the quote, as Hypothesis keeps. */
export const CONTEXT_LENGTH = 32;

export interface RangeSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/**
 * Selectors for a range inside `root`, or null when the range is empty, holds only whitespace or
 * reaches outside the root. Pass `index` when it was already built for this root.
 */
export function describeRange(root: Element, range: Range, index?: TextIndex): RangeSelectors | null {
  const text = index?.root === root ? index : buildTextIndex(root);
  const span = rangeToOffsets(text, range);
  if (!span || span.end <= span.start) return null;
  const exact = text.text.slice(span.start, span.end);
  if (exact.trim() === '') return null;
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact,
      prefix: wholeCharacters(text.text.slice(Math.max(0, span.start - CONTEXT_LENGTH), span.start)),
      suffix: wholeCharacters(text.text.slice(span.end, span.end + CONTEXT_LENGTH)),
    },
    position: { type: 'TextPositionSelector', start: span.start, end: span.end },
  };
}

/**
 * Drops a surrogate cut in half at either end of a context string: a lone surrogate matches
 * nothing and does not survive every export format.
 */
function wholeCharacters(context: string): string {
  let from = 0;
  let to = context.length;
  if (to > 0 && isLowSurrogate(context.charCodeAt(0))) from = 1;
  if (to > from && isHighSurrogate(context.charCodeAt(to - 1))) to -= 1;
  return context.slice(from, to);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
