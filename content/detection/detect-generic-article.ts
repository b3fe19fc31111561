import type { ArticleLang } from '../../utils/highlights/types';
import { largestParagraphBlock } from './paragraph-block';
import type { ArticlePage } from './detect-article';
import { genericCanonicalUrl } from '../../utils/site/article-url';

/** Below this many characters of paragraphs a page is not read as an article. */
const MIN_ARTICLE_CHARS = 200;
const HAN = /\p{Script=Han}/gu;

/**
 * For a site the reader turned Prospect Reader on for (not the foundation's): the article is the
 * element whose own paragraphs hold the most text, if that is at least a few sentences.
 */
export function detectGenericArticle(doc: Document, rawUrl: string): ArticlePage | null {
  const canonicalUrl = genericCanonicalUrl(rawUrl);
  if (!canonicalUrl) return null;
  const largest = largestParagraphBlock(doc);
  if (!largest || largest.chars < MIN_ARTICLE_CHARS) return null;
  const body = largest.block;
  const text = [...body.querySelectorAll(':scope > p')].map((p) => p.textContent ?? '').join('');
  const lang: ArticleLang = (text.match(HAN)?.length ?? 0) / Math.max(text.length, 1) > 0.2 ? 'zh' : 'en';
  const og = doc.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim();
  const title = og || doc.querySelector('h1')?.textContent?.trim() || doc.title.trim();
  return { canonicalUrl, lang, body, title };
}
