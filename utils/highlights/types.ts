export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** W3C Web Annotation TextQuoteSelector: the quote with up to 32 characters of context either side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation TextPositionSelector, measured in UTF-16 units of the article body's text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type ArticleLang = 'zh' | 'en';

export interface Highlight {
  /** A UUID. */
  id: string;
  /** The article's canonical address (see utils/site/article-url.ts), never the raw URL. */
  articleUrl: string;
  articleTitle: string;
  articleAuthor?: string;
  /** As the page gives it, `YYYY-MM-DD` where known. */
  articleDate?: string;
  lang: ArticleLang;
  /** A PDF's highlight: the page (1-based) its quote starts on. */
  pdfPage?: number;
  /** A PDF's highlight: the canonical address of the article page the PDF is attached to, where it was opened from one. */
  attachedToArticle?: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  color: HighlightColor;
  /** Plain text, shown as text. */
  note: string;
  tags: string[];
  /** ISO 8601 with time zone. */
  created: string;
  modified: string;
}

/** A glossary term the reader saved from a card, with the sentence it was found in. */
export interface SavedTerm {
  id: string;
  termId: string;
  trad: string;
  simp: string;
  en: string;
  pinyin: string;
  explanation: string;
  sentence: string;
  articleUrl: string;
  articleTitle: string;
  created: string;
}
