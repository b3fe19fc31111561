import { canonicalArticleUrl } from '../../utils/site/article-url';
import type { ArticleLang } from '../../utils/highlights/types';
import { insideSkippedBox, largestParagraphBlock } from './paragraph-block';

export interface ArticlePage {
  canonicalUrl: string;
  lang: ArticleLang;
  /** The element holding the article's text; marks and highlights live only inside it. */
  body: Element;
  title: string;
  author?: string;
  /** `YYYY-MM-DD` when the page states it. */
  date?: string;
}

/** Item pages: `/tw/pfch/<menu>-<id>.html` and `/en/pfen/<menu>-<id>.html`. */
const ITEM_PATH = /^\/(tw\/pfch|en\/pfen)\/\d+-\d+\.html$/i;
/** Below this many characters of prose a page is a notice or a stub, not an article. */
const MIN_ARTICLE_CHARS = 200;
const HAN = /\p{Script=Han}/gu;

/**
 * Decides whether a page of the foundation's site is an article and finds its body.
 * The URL narrows it down; the page decides: a listing or an empty template is not an article.
 */
export function detectArticle(doc: Document, rawUrl: string): ArticlePage | null {
  const canonicalUrl = canonicalArticleUrl(rawUrl);
  if (!canonicalUrl) return null;
  const path = new URL(canonicalUrl).pathname;
  if (!ITEM_PATH.test(path)) return null;

  const body = findBody(doc);
  if (!body) return null;
  const text = proseText(body);
  if (text.length < MIN_ARTICLE_CHARS) return null;
  if (looksLikeListing(body, text)) return null;

  const hanCount = text.match(HAN)?.length ?? 0;
  // The Chinese site also hosts English pieces, so the text decides the language.
  const lang: ArticleLang = hanCount / text.length > 0.2 ? 'zh' : 'en';
  return {
    canonicalUrl,
    lang,
    body,
    title: findTitle(doc),
    author: meta(doc, 'DC.Creator'),
    date: normalizeDate(meta(doc, 'DC.Date')),
  };
}

function findBody(doc: Document): Element | null {
  const templated = doc.querySelector('section.cp > div.container');
  if (templated && proseText(templated).length >= MIN_ARTICLE_CHARS) return templated;
  // The markup drifted: take the element whose own paragraphs hold the most text.
  return largestParagraphBlock(doc)?.block ?? null;
}

/** The body's prose: paragraphs and headings outside skipped boxes. */
function proseText(body: Element): string {
  let text = '';
  for (const el of body.querySelectorAll('p, h2, h3, h4, h5, li')) {
    if (insideSkippedBox(el)) continue;
    text += el.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }
  return text;
}

function looksLikeListing(body: Element, prose: string): boolean {
  const entries = body.querySelectorAll('div.album li a, ul.list li a');
  if (entries.length < 3) return false;
  const linkText = [...entries].reduce((n, a) => n + (a.textContent?.trim().length ?? 0), 0);
  return linkText * 2 > prose.length;
}

function findTitle(doc: Document): string {
  const heading = doc.querySelector('h2.title')?.textContent?.trim();
  if (heading) return heading;
  const dc = meta(doc, 'DC.Title');
  if (dc) return dc;
  return doc.title.split(/[-–|]/)[0]?.trim() ?? '';
}

function meta(doc: Document, name: string): string | undefined {
  const value = doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content')?.trim();
  return value || undefined;
}

function normalizeDate(raw: string | undefined): string | undefined {
  const m = raw?.match(/(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/);
  if (!m) return undefined;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}
