import { highlightMatcher, type HighlightFilter } from '../../background/db/highlight-store';
import { HIGHLIGHT_COLORS, type Highlight, type SavedTerm } from '../../utils/highlights/types';

/** One line of the notes page's list: an article heading, the orphans heading, or a highlight. */
export type NotesRow =
  | { kind: 'article'; key: string; url: string; title: string; author?: string; date?: string; count: number; collapsed: boolean }
  | { kind: 'orphans'; key: string; count: number }
  | { kind: 'highlight'; key: string; highlight: Highlight; orphan: boolean };

/** newest: articles by their newest highlight, newest first; article: by title, in reading order; colour: by colour, then newest. */
export const SORTS = ['newest', 'article', 'color'] as const;
export type Sort = (typeof SORTS)[number];

const newestFirst = (a: { created: string }, b: { created: string }) => Date.parse(b.created) - Date.parse(a.created);
const readingOrder = (a: Highlight, b: Highlight) => a.position.start - b.position.start || newestFirst(b, a);
const byColour = (a: Highlight, b: Highlight) => HIGHLIGHT_COLORS.indexOf(a.color) - HIGHLIGHT_COLORS.indexOf(b.color) || newestFirst(a, b);
const WITHIN: Record<Sort, (a: Highlight, b: Highlight) => number> = { newest: newestFirst, article: readingOrder, color: byColour };

/**
 * The list as shown: highlights that no longer attach to their article first, in a section of
 * their own, then one group per article (a collapsed group shows its heading only), grouped and
 * ordered as `sort` says.
 */
export function buildRows(
  highlights: readonly Highlight[],
  orphanIds: ReadonlySet<string>,
  sort: Sort = 'newest',
  collapsed: ReadonlySet<string> = new Set(),
): NotesRow[] {
  const sorted = [...highlights].sort(newestFirst);
  const orphans = sorted.filter((h) => orphanIds.has(h.id));
  const byArticle = new Map<string, Highlight[]>();
  for (const h of sorted) {
    if (orphanIds.has(h.id)) continue;
    const list = byArticle.get(h.articleUrl);
    if (list) list.push(h);
    else byArticle.set(h.articleUrl, [h]);
  }
  const groups = [...byArticle];
  if (sort === 'article') groups.sort(([, a], [, b]) => (a[0] as Highlight).articleTitle.localeCompare((b[0] as Highlight).articleTitle));
  const rows: NotesRow[] = [];
  if (orphans.length > 0) {
    rows.push({ kind: 'orphans', key: 'orphans', count: orphans.length });
    for (const h of orphans) rows.push({ kind: 'highlight', key: h.id, highlight: h, orphan: true });
  }
  for (const [url, list] of groups) {
    const first = list[0] as Highlight;
    const isCollapsed = collapsed.has(url);
    rows.push({
      kind: 'article',
      key: `article:${url}`,
      url,
      title: first.articleTitle,
      ...(first.articleAuthor !== undefined ? { author: first.articleAuthor } : {}),
      ...(first.articleDate !== undefined ? { date: first.articleDate } : {}),
      count: list.length,
      collapsed: isCollapsed,
    });
    if (isCollapsed) continue;
    for (const h of [...list].sort(WITHIN[sort])) rows.push({ kind: 'highlight', key: h.id, highlight: h, orphan: false });
  }
  return rows;
}

/** What the filter menus offer: every tag in use, and every article, most recently highlighted first. */
export function facets(highlights: readonly Highlight[]): { tags: string[]; articles: { url: string; title: string }[] } {
  const tags = new Set<string>();
  const articles = new Map<string, string>();
  for (const h of [...highlights].sort(newestFirst)) {
    for (const tag of h.tags) tags.add(tag);
    if (!articles.has(h.articleUrl)) articles.set(h.articleUrl, h.articleTitle);
  }
  return {
    tags: [...tags].sort((a, b) => a.localeCompare(b)),
    articles: [...articles].map(([url, title]) => ({ url, title })),
  };
}

export function isFiltered(filter: HighlightFilter): boolean {
  return (filter.text ?? '').trim() !== '' || filter.color !== undefined || filter.tag !== undefined || filter.articleUrl !== undefined;
}

export function filterHighlights(highlights: readonly Highlight[], filter: HighlightFilter): Highlight[] {
  return isFiltered(filter) ? highlights.filter(highlightMatcher(filter)) : [...highlights];
}

/**
 * Saved terms the same filter shows: the article and the search words apply (to the term in every
 * form and its sentence); colour and tag belong to highlights only, so they do not.
 */
export function filterTerms(terms: readonly SavedTerm[], filter: HighlightFilter): SavedTerm[] {
  const words = fold(filter.text ?? '').split(/\s+/u).filter((w) => w !== '');
  return terms
    .filter((t) => filter.articleUrl === undefined || t.articleUrl === filter.articleUrl)
    .filter((t) => {
      if (words.length === 0) return true;
      const text = fold([t.trad, t.simp, t.en, t.pinyin, t.sentence].join('\n'));
      return words.every((w) => text.includes(w));
    })
    .sort(newestFirst);
}

function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}
