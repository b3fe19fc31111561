import type { ArticleLang, Highlight } from '../highlights/types';

/** An article as the exports present it: its details and its highlights in reading order. */
export interface ArticleGroup {
  url: string;
  title: string;
  author?: string;
  date?: string;
  lang: ArticleLang;
  /** Every tag used on the article's highlights, in first-use order. */
  tags: string[];
  highlights: Highlight[];
}

/**
 * Groups highlights by article. Articles come most recently highlighted first; the article's
 * details are taken from its most recently modified highlight (the freshest copy of the page's data).
 */
export function groupByArticle(highlights: readonly Highlight[]): ArticleGroup[] {
  const byUrl = new Map<string, Highlight[]>();
  for (const h of highlights) {
    const list = byUrl.get(h.articleUrl);
    if (list) list.push(h);
    else byUrl.set(h.articleUrl, [h]);
  }
  // Timestamps may carry different offsets, so they are compared as instants.
  const latest = (list: Highlight[]) => list.reduce((max, h) => Math.max(max, Date.parse(h.created)), -Infinity);
  const recentFirst = [...byUrl.entries()].sort(
    ([urlA, a], [urlB, b]) => latest(b) - latest(a) || urlA.localeCompare(urlB),
  );
  return recentFirst.map(([url, list]): ArticleGroup => {
    const inOrder = [...list].sort((a, b) => a.position.start - b.position.start || Date.parse(a.created) - Date.parse(b.created));
    const freshest = list.reduce((a, b) => (Date.parse(b.modified) > Date.parse(a.modified) ? b : a));
    return {
      url,
      title: freshest.articleTitle,
      ...(freshest.articleAuthor !== undefined ? { author: freshest.articleAuthor } : {}),
      ...(freshest.articleDate !== undefined ? { date: freshest.articleDate } : {}),
      lang: freshest.lang,
      tags: [...new Set(inOrder.flatMap((h) => h.tags))],
      highlights: inOrder,
    };
  });
}
