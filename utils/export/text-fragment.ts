import type { Highlight, TextQuoteSelector } from '../highlights/types';
import { parseWebUrl } from '../site/web-url';

/** Quotes longer than this are linked by their first and last words (textStart,textEnd). */
const WHOLE_QUOTE_MAX = 80;
/** About how much of each end of a long quote to use. */
const EDGE_CHARS = 24;
/** Context words kept before or after the quote. */
const CONTEXT_WORDS = 3;
/** The stored prefix and suffix hold up to this many characters; a full one was cut mid-text. */
const STORED_CONTEXT = 32;

/**
 * A link to the passage itself: the article URL with a text fragment (`#:~:text=`), or undefined
 * for addresses that are not http(s) (a link must never carry another scheme into an export).
 */
export function passageUrl(articleUrl: string, quote: TextQuoteSelector): string | undefined {
  const url = parseWebUrl(articleUrl);
  if (!url) return undefined;
  url.hash = '';
  const directive = textDirective(quote);
  return directive ? `${url.href}#:~:text=${directive}` : url.href;
}

/**
 * A link to a highlight's place: a PDF's page (`#page=N`, which PDF viewers follow; they ignore
 * text fragments), otherwise the article's passage (passageUrl).
 */
export function highlightLink(h: Pick<Highlight, 'articleUrl' | 'quote' | 'pdfPage'>): string | undefined {
  if (h.pdfPage === undefined) return passageUrl(h.articleUrl, h.quote);
  const page = passageUrl(h.articleUrl, { ...h.quote, exact: '' });
  return page && `${page.replace(/#.*$/, '')}#page=${h.pdfPage}`;
}

/** The `text=` directive's value: `[prefix-,]textStart[,textEnd][,-suffix]`, each part percent-encoded. */
export function textDirective(quote: TextQuoteSelector): string {
  const exact = collapse(quote.exact);
  if (exact === '') return '';
  const range = exact.length > WHOLE_QUOTE_MAX ? edges(exact) : undefined;
  const prefix = contextWords(quote.prefix, 'before');
  const suffix = contextWords(quote.suffix, 'after');
  return [
    ...(prefix ? [`${encodeTerm(prefix)}-`] : []),
    ...(range ? [encodeTerm(range.start), encodeTerm(range.end)] : [encodeTerm(exact)]),
    ...(suffix ? [`-${encodeTerm(suffix)}`] : []),
  ].join(',');
}

/**
 * Percent-encodes per the Text Fragments spec: '-', '&' and ',' are syntax there, so they and
 * everything outside RFC 3986's unreserved set are encoded ('-' too, though unreserved).
 */
export function encodeTerm(term: string): string {
  return encodeURIComponent(term.toWellFormed()).replace(
    /[!'()*-]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

// Browsers match text fragments against rendered text, where line breaks and runs of spaces are one space.
function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

function edges(exact: string): { start: string; end: string } | undefined {
  const words = exact.split(' ');
  // Text without spaces (Chinese) has no word edges to respect: cut by characters.
  const start = words.length > 1 ? takeWords(words, EDGE_CHARS) : [...exact].slice(0, EDGE_CHARS / 2).join('');
  const end =
    words.length > 1 ? takeWords([...words].reverse(), EDGE_CHARS).split(' ').reverse().join(' ') : [...exact].slice(-EDGE_CHARS / 2).join('');
  // Overlapping ends would not describe a range: link the whole quote instead.
  return start.length + end.length + 1 < exact.length ? { start, end } : undefined;
}

function takeWords(words: string[], minChars: number): string {
  const taken: string[] = [];
  for (const word of words) {
    taken.push(word);
    if (taken.join(' ').length >= minChars) break;
  }
  return taken.join(' ');
}

/**
 * A few whole words of context next to the quote. Matches must begin and end at word
 * boundaries, so the word the stored context was cut through is dropped; context without spaces
 * (Chinese) cannot be trimmed to a boundary and is left out rather than break the link.
 */
function contextWords(context: string, side: 'before' | 'after'): string {
  const words = collapse(context).split(' ').filter((word) => word !== '');
  if (words.length < 2 && context.length >= STORED_CONTEXT) return '';
  const wasCut = context.length >= STORED_CONTEXT;
  if (side === 'before') return (wasCut ? words.slice(1) : words).slice(-CONTEXT_WORDS).join(' ');
  return (wasCut ? words.slice(0, -1) : words).slice(0, CONTEXT_WORDS).join(' ');
}
