import { createCardController, type CardController } from '../card/card-controller';
import type { CompiledEntry, GlossaryIndex } from '../glossary/types';
import type { UiLocale } from '../i18n/strings';
import { observeArticle } from '../marking/article-observer';
import { createMatcher } from '../marking/matcher';
import { createTermMarker, type TermMarker } from '../marking/term-marker';
import { detectArticle, type ArticlePage } from '../site/detect-article';

export interface ArticleReaderOptions {
  doc: Document;
  url: string;
  loadGlossary: () => Promise<GlossaryIndex>;
  locale: UiLocale;
  cardCss: string;
  /** Styles for the marks themselves, placed in the page (they cannot live in a shadow root). */
  markCss: string;
}

export interface ArticleReader {
  article: ArticlePage;
  marker: TermMarker;
  card: CardController;
  /** Resolves when the article present at start has been marked. */
  ready: Promise<number>;
  stop(): void;
}

const MARK_STYLE_ID = 'prospect-reader-mark-style';

/**
 * Everything the reader does on one page: decide it is an article, mark its terms,
 * keep marking what arrives later, and answer hover, focus and tap with a card.
 * Returns null, touching nothing, when the page is not an article.
 */
export async function startArticleReader(options: ArticleReaderOptions): Promise<ArticleReader | null> {
  const { doc } = options;
  let article = detectArticle(doc, options.url);
  if (!article) return null;

  const index = await options.loadGlossary();
  const entries = new Map<string, CompiledEntry>(index.entries.map((e) => [e.id, e]));
  const marker = createTermMarker({ matcher: createMatcher(index), entryIds: index.entries.map((e) => e.id) });

  ensureMarkStyle(doc, options.markCss);
  const card = createCardController({
    doc,
    entries,
    articleRoot: () => article!.body,
    locale: options.locale,
    pageLang: article.lang,
    cssText: options.cardCss,
  });
  const ready = marker.mark(article.body);
  const stopObserving = observeArticle({
    doc,
    getRoot: () => article!.body,
    marker,
    onRootLost: () => {
      card.hide();
      const again = detectArticle(doc, options.url);
      if (!again) return;
      article = again;
      void marker.mark(again.body);
    },
  });

  return {
    get article() {
      return article!;
    },
    marker,
    card,
    ready,
    stop() {
      stopObserving();
      card.destroy();
    },
  };
}

function ensureMarkStyle(doc: Document, css: string): void {
  if (doc.getElementById(MARK_STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = MARK_STYLE_ID;
  style.textContent = css;
  (doc.head ?? doc.documentElement).append(style);
}
