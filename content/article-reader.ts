import { createCardController, type CardController } from './card/card-controller';
import { createTermCursor } from './card/term-cursor';
import type { CompiledEntry, GlossaryIndex } from '../utils/glossary/types';
import type { SavedTerm } from '../utils/highlights/types';
import type { UiLocale } from '../utils/i18n/strings';
import { observeArticle } from './marking/article-observer';
import { createMatcher, type Matcher } from './marking/matcher';
import { createTermMarker, unmarkAll, type TermMarker } from './marking/term-marker';
import { countTerms } from './marking/term-counts';
import { LAZY_MARKING_CHARS, markNearViewport } from './marking/viewport-marking';
import { detectArticle, type ArticlePage } from './detection/detect-article';
import { createDictionaryHover, type DictionaryHover, type DictionarySettings } from './dictionary/dictionary-hover';
import type { DictionaryMatch } from '../utils/dictionary/types';
import { waitForArticle } from './detection/wait-for-article';
import { ELEMENT_ID } from '../utils/dom-names';
import { ensurePageStyle } from './ui/page-style';

export interface ArticleReaderOptions {
  doc: Document;
  /** The page's address now (a single-page navigation changes it). */
  url: () => string;
  /** Wait for an article that the page inserts by script, instead of giving up at once. */
  waitForArticle?: boolean;
  signal?: AbortSignal;
  loadGlossary: () => Promise<GlossaryIndex>;
  locale: UiLocale;
  cardCss: string;
  /** Styles for the marks themselves, placed in the page (they cannot live in a shadow root). */
  markCss: string;
  /** How to find the article; the foundation's detector unless given (other sites use the generic one). */
  detect?: (doc: Document, url: string) => ArticlePage | null;
  /** Stores a term the reader saves from its card (the background's terms/save). */
  saveTerm?: (term: SavedTerm) => Promise<{ added: boolean }>;
  /** CC-CEDICT cards for words outside the marks: the background's lookup, the card's styles and settings. */
  dictionary?: {
    lookup: (text: string) => Promise<DictionaryMatch | null>;
    cssText: string;
    settings: DictionarySettings;
  };
}

export interface ArticleReader {
  article: ArticlePage;
  marker: TermMarker;
  card: CardController;
  /** Null when the page was started without the dictionary. */
  dictionary: DictionaryHover | null;
  glossary: GlossaryIndex;
  /** Runs a synchronous change of the article (drawing highlights) that must not be taken for new page content. */
  quietly<T>(fn: () => T): T;
  /** Resolves when the article present at start has been marked. */
  ready: Promise<number>;
  /**
   * Asks for the glossary again (the reader's own entries changed), takes every term mark out and
   * marks the article afresh; resolves with the number of marks.
   */
  reloadGlossary(): Promise<number>;
  stop(): void;
}

const MARK_STYLE_ID = ELEMENT_ID.markStyle;

/**
 * Everything the reader does on one page: decide it is an article, mark its terms,
 * keep marking what arrives later, and answer hover, focus and tap with a card.
 * Returns null, touching nothing, when the page is not an article.
 */
export async function startArticleReader(options: ArticleReaderOptions): Promise<ArticleReader | null> {
  const { doc } = options;
  const detect = options.detect ?? detectArticle;
  const detectNow = () => detect(doc, options.url());
  let article = detectNow();
  if (!article && options.waitForArticle) {
    article = await waitForArticle({ doc, detect: detectNow, ...(options.signal ? { signal: options.signal } : {}) });
  }
  if (!article) return null;

  let index = await options.loadGlossary();
  const entries = new Map<string, CompiledEntry>(index.entries.map((e) => [e.id, e]));
  const markerFor = (i: GlossaryIndex, matcher: Matcher) => createTermMarker({ matcher, entryIds: i.entries.map((e) => e.id) });
  let matcher = createMatcher(index);
  let current = markerFor(index, matcher);
  // The observer and callers keep this one object; a new glossary swaps the marker behind it.
  const marker: TermMarker = {
    markNow: (root) => current.markNow(root),
    mark: (root) => current.mark(root),
    isOwnNode: (node) => current.isOwnNode(node),
  };

  ensurePageStyle(doc, MARK_STYLE_ID, options.markCss);
  // A very long article is marked where the reader is; the card's counts then come from its text.
  const lazy = (article.body.textContent?.length ?? 0) > LAZY_MARKING_CHARS && 'IntersectionObserver' in globalThis;
  let counts: Map<string, number> | undefined;
  const card = createCardController({
    doc,
    entries,
    articleRoot: () => article!.body,
    countOf: (id) => counts?.get(id),
    locale: options.locale,
    pageLang: article.lang,
    cssText: options.cardCss,
    article: () => ({ url: article!.canonicalUrl, title: article!.title }),
    ...(options.saveTerm ? { saveTerm: options.saveTerm } : {}),
    // One card at a time: a glossary card closes the dictionary's.
    onShown: () => dictionary?.hide(),
  });
  const dictionary = options.dictionary
    ? createDictionaryHover({
        doc,
        ...options.dictionary.settings,
        lookup: options.dictionary.lookup,
        cssText: options.dictionary.cssText,
        onOpen: () => card.hide(),
        articleRoot: () => article!.body,
        article: () => ({ url: article!.canonicalUrl, title: article!.title }),
        ...(options.saveTerm ? { saveTerm: options.saveTerm } : {}),
      })
    : null;
  const cursor = createTermCursor({
    doc,
    articleRoot: () => article!.body,
    open: (term) => {
      card.show(term);
      card.announce(term);
    },
    close: () => card.hide(),
  });
  let viewportMarking: { stop(): void } | undefined;
  let ready: Promise<number>;
  if (lazy) {
    const ids = index.entries.map((e) => e.id);
    void countTerms(article.body, matcher, () => new Promise((r) => setTimeout(r, 0))).then((byIndex) => {
      counts = new Map([...byIndex].map(([i, n]) => [ids[i]!, n]));
      // A card opened before the count was done shows the marks drawn so far: give it the whole count.
      card.update({});
    });
    const marking = markNearViewport({ root: article.body, markNow: marker.markNow, IntersectionObserver });
    viewportMarking = marking;
    ready = marking.ready;
  } else {
    ready = marker.mark(article.body);
  }
  const observation = observeArticle({
    doc,
    getRoot: () => article!.body,
    marker,
    onRootLost: () => {
      card.hide();
      const again = detectNow();
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
    dictionary,
    get glossary() {
      return index;
    },
    quietly: observation.quietly,
    ready,
    async reloadGlossary() {
      const next = await options.loadGlossary();
      index = next;
      entries.clear();
      for (const e of next.entries) entries.set(e.id, e);
      matcher = createMatcher(next);
      current = markerFor(next, matcher);
      // The whole article is marked afresh below, so its marks give the counts again.
      counts = undefined;
      card.hide();
      return observation.quietly(() => {
        unmarkAll(article!.body);
        return current.markNow(article!.body);
      });
    },
    stop() {
      viewportMarking?.stop();
      observation.stop();
      cursor.destroy();
      dictionary?.destroy();
      card.destroy();
      // The page goes back to its own text: no mark and no style of ours is left.
      unmarkAll(article!.body);
      doc.getElementById(MARK_STYLE_ID)?.remove();
    },
  };
}
