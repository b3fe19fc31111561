import type { RangeSelectors } from '../../utils/anchoring/describe';
import type { Highlight, HighlightColor } from '../../utils/highlights/types';
import type { ArticlePage } from '../detection/detect-article';

export interface NewHighlightParts {
  id: string;
  article: ArticlePage;
  selectors: RangeSelectors;
  color: HighlightColor;
  time: Date;
  /** Where the text came from beyond the article (a PDF's page). */
  source?: Pick<Highlight, 'pdfPage' | 'attachedToArticle'>;
}

/** The record of a highlight just made from a selection: no note, no tags, created and modified now. */
export function newHighlight({ id, article, selectors, color, time, source }: NewHighlightParts): Highlight {
  const iso = time.toISOString();
  return {
    id,
    articleUrl: article.canonicalUrl,
    articleTitle: article.title,
    ...(article.author ? { articleAuthor: article.author } : {}),
    ...(article.date ? { articleDate: article.date } : {}),
    lang: article.lang,
    ...source,
    quote: selectors.quote,
    position: selectors.position,
    color,
    note: '',
    tags: [],
    created: iso,
    modified: iso,
  };
}
