import type { ArticleLang } from '../../utils/highlights/types';
import { isSkippedElement } from '../marking/eligible-text';
import type { ArticlePage } from './detect-article';

/** Below this many characters of paragraphs a page is not read as an article. */
const MIN_ARTICLE_CHARS = 200;
const HAN = /\p{Script=Han}/gu;

/** An article's identity on another site: origin and path, no query or fragment. Null for anything but https. */
export function genericCanonicalUrl(raw: string): string | null {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'https:') return null;
    return `${url.origin}${url.pathname.replace(/\/{2,}/g, '/')}`;
  } catch {
    return null;
  }
}

function insideSkipped(el: Element): boolean {
  for (let node: Element | null = el; node && node.tagName !== 'BODY'; node = node.parentElement) {
    if (isSkippedElement(node)) return true;
  }
  return false;
}

/**
 * For a site the reader turned Prospect Reader on for (not the foundation's): the article is the
 * element whose own paragraphs hold the most text, if that is at least a few sentences.
 */
export function detectGenericArticle(doc: Document, rawUrl: string): ArticlePage | null {
  const canonicalUrl = genericCanonicalUrl(rawUrl);
  if (!canonicalUrl) return null;
  const totals = new Map<Element, number>();
  for (const p of doc.querySelectorAll('p')) {
    const parent = p.parentElement;
    if (!parent || insideSkipped(p)) continue;
    totals.set(parent, (totals.get(parent) ?? 0) + (p.textContent?.replace(/\s+/g, ' ').trim().length ?? 0));
  }
  let body: Element | null = null;
  let best = 0;
  for (const [el, total] of totals) {
    if (total > best) {
      body = el;
      best = total;
    }
  }
  if (!body || best < MIN_ARTICLE_CHARS) return null;
  const text = [...body.querySelectorAll(':scope > p')].map((p) => p.textContent ?? '').join('');
  const lang: ArticleLang = (text.match(HAN)?.length ?? 0) / Math.max(text.length, 1) > 0.2 ? 'zh' : 'en';
  const og = doc.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim();
  const title = og || doc.querySelector('h1')?.textContent?.trim() || doc.title.trim();
  return { canonicalUrl, lang, body, title };
}
