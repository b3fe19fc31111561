import { articleUrlOf } from '../site/article-url';
import { MAX_CONTEXT, MAX_TAG_CHARS } from './schema';
import type { Highlight, SavedTerm } from './types';

/**
 * Tags as stored: trimmed, blanks and repeats dropped, each cut to the longest tag allowed (at a
 * character, not inside a surrogate pair). The count is left for the schema to refuse: dropping
 * a reader's tags silently would lose them.
 */
export function normalizeTags(tags: readonly string[]): string[] {
  const cut = tags.map((tag) => [...tag.trim()].slice(0, MAX_TAG_CHARS).join('').trim()).filter((tag) => tag !== '');
  return [...new Set(cut)];
}

/**
 * A highlight from outside (an import: hand-edited, another tool's, crafted) made to fit what this
 * extension stores, where that loses nothing the reader wrote: the article's address in the form
 * the page reports it (so the article finds it), the context cut to its part nearest the quote, a
 * position that ends after it starts, tags as normalizeTags. What still does not fit (a note too
 * long, too many tags) is for the schema to refuse.
 */
export function normalizeHighlight(h: Highlight): Highlight {
  const { start, end } = h.position;
  return {
    ...h,
    articleUrl: articleUrlOf(h.articleUrl) ?? h.articleUrl,
    quote: { ...h.quote, prefix: h.quote.prefix.slice(-MAX_CONTEXT), suffix: h.quote.suffix.slice(0, MAX_CONTEXT) },
    // The position is a hint for anchoring; the quote is what counts.
    position: { ...h.position, end: end > start ? end : start + h.quote.exact.length },
    tags: normalizeTags(h.tags),
  };
}

export function normalizeSavedTerm(term: SavedTerm): SavedTerm {
  return { ...term, articleUrl: articleUrlOf(term.articleUrl) ?? term.articleUrl };
}
