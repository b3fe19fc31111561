import type { CardController } from './card/card-controller';
import { createReadingCards } from './card/reading-cards';
import type { GlossaryHolder } from './page-root/glossary-holder';
import type { SavedTerm } from '../utils/highlights/types';
import { PERSONAL_ID_PREFIX } from '../utils/glossary/types';
import type { UiLocale } from '../utils/i18n/strings';
import { observeArticle } from './marking/article-observer';
import { matcherOf, type Matcher, type TermMatch } from '../utils/glossary/matcher';
import { createTermMarker, unmarkAll, type TermMarker } from './marking/term-marker';
import { countTerms } from './marking/term-counts';
import { LAZY_MARKING_CHARS, markNearViewport } from './marking/viewport-marking';
import { detectArticle, type ArticlePage } from './detection/detect-article';
import type { DictionaryHover, DictionarySettings } from './dictionary/dictionary-hover';
import type { DictionaryMatch } from '../utils/dictionary/types';
import { waitForArticle } from './detection/wait-for-article';
import { combineLayers, createTermHighlights, TERM_HIGHLIGHT_PREFIX, type TermHighlights } from './marking/term-highlights';
import { registryPainter, underlinePainter, type RegistryPainter } from './marking/highlight-painters';
import { ELEMENT_ID } from '../utils/dom-names';
import { ensurePageStyle } from './ui/page-style';

export interface ArticleReaderOptions {
  doc: Document;
  /** The page's address now (a single-page navigation changes it). */
  url: () => string;
  /** Wait for an article that the page inserts by script, instead of giving up at once. */
  waitForArticle?: boolean;
  signal?: AbortSignal;
  /** The page's glossary; a new one (the reader's own entries changed) marks the article afresh. */
  glossary: GlossaryHolder;
  /** Text nodes marked before the reader started (see first-marks.ts): only the reader's own entries are drawn there. */
  markedBefore?: WeakMap<Text, string>;
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
  glossary: GlossaryHolder;
  /**
   * Whether the terms must be elements (inline glosses are attributes of marks). A very long article
   * draws its terms as ranges, which cost a fraction of the time, unless glosses are shown.
   */
  marksAsElements(needed: boolean): void;
  /** Runs a synchronous change of the article (drawing highlights) that must not be taken for new page content. */
  quietly<T>(fn: () => T): T;
  /** Calls `listener` after the article changed: new text marked, or a change made through `quietly`. */
  onChange(listener: () => void): () => void;
  /** Resolves when the article present at start has been marked. */
  ready: Promise<number>;
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

  const { glossary } = options;
  const logDetailsError = (error: unknown) => console.error("Prospect Reader: could not load the terms' details", error);
  // The card's details come after marking, for the terms marking found (the hover delay hides the wait).
  const prefetch = (found: readonly TermMatch[]) => {
    if (!found.length) return;
    glossary.want(found.flatMap((m) => m.senses ?? [m.entry])).catch(logDetailsError);
  };
  const matcherFor = (base: Matcher): Matcher => ({
    match: (text) => {
      const found = base.match(text);
      prefetch(found);
      return found;
    },
    matchEach: (texts) => {
      const found = base.matchEach(texts);
      prefetch(found.flat());
      return found;
    },
  });
  // The reader's own entries are drawn as ranges under a closed root, so the page cannot tell which
  // words they saved (no mark, and no CSS highlight: the page can read that registry).
  let personalTerms: TermHighlights | undefined;
  // A very long article's built-in terms, drawn as CSS highlights (the page may see those, as it sees marks).
  let pageTerms: TermHighlights | undefined;
  let pagePainter: RegistryPainter | undefined;
  const long = (article.body.textContent?.length ?? 0) > LAZY_MARKING_CHARS && 'IntersectionObserver' in globalThis;
  const canDrawRanges = typeof Highlight === 'function' && typeof CSS !== 'undefined' && !!CSS.highlights;
  let elementsNeeded = false;
  const drawsRanges = () => long && canDrawRanges && !elementsNeeded;
  const markerFor = (base: Matcher, markedBefore?: WeakMap<Text, string>) => {
    const matcher = matcherFor(base);
    const entryIds = glossary.match.ids;
    const personal = entryIds.map((id) => id.startsWith(PERSONAL_ID_PREFIX));
    personalTerms?.clear();
    pageTerms?.clear();
    pagePainter = drawsRanges() ? registryPainter(doc.defaultView!, TERM_HIGHLIGHT_PREFIX) : undefined;
    pageTerms = pagePainter
      ? createTermHighlights({
          doc,
          painter: pagePainter,
          entryIds,
          rematch: (text) => matcher.match(text).filter((m) => !personal[m.entry]),
        })
      : undefined;
    // Made on every article, so the host's presence says nothing about the reader's entries.
    personalTerms = createTermHighlights({
      doc,
      painter: underlinePainter(doc),
      entryIds,
      rematch: (text) => matcher.match(text).filter((m) => personal[m.entry]),
    });
    return createTermMarker({
      matcher,
      entryIds,
      highlights: { layer: personalTerms, draws: (entry) => personal[entry]! },
      ...(pageTerms ? { ranges: pageTerms } : {}),
      ...(markedBefore ? { markedBefore } : {}),
    });
  };
  let matcher = matcherOf(glossary.match);
  let current = markerFor(matcher, options.markedBefore);
  // The observer and callers keep this one object; a new glossary swaps the marker behind it.
  const marker: TermMarker = {
    markNow: (root) => current.markNow(root),
    mark: (root) => current.mark(root),
    isOwnNode: (node) => current.isOwnNode(node),
    restore: (mark) => current.restore(mark),
    cancel: () => current.cancel(),
  };

  const removeMarkStyle = ensurePageStyle(doc, MARK_STYLE_ID, options.markCss);
  let counts: Map<string, number> | undefined;
  const drawn = combineLayers(() => [personalTerms, pageTerms]);
  const { card, dictionary, destroy: destroyCards } = createReadingCards({
    doc,
    entries: glossary.entries,
    articleRoot: () => article!.body,
    countOf: (id) => counts?.get(id),
    highlights: () => drawn,
    locale: options.locale,
    pageLang: article.lang,
    cssText: options.cardCss,
    article: () => ({ url: article!.canonicalUrl, title: article!.title }),
    ...(options.saveTerm ? { saveTerm: options.saveTerm } : {}),
    dictionary: options.dictionary,
    // A term hovered before its details came (or after their fetch failed) asks for them again.
    want: (ids) => void glossary.want(ids).catch(logDetailsError),
  });
  let viewportMarking: { stop(): void } | undefined;
  // Bumped by every marking and by stop: a marking overtaken by another does not go on to its slices.
  let markings = 0;
  /**
   * Marks the article with the current marker. A very long one is marked where the reader is first:
   * as ranges, the rest follows in slices at once; as elements, block by block as the reader scrolls,
   * and the card's counts then come from its text.
   */
  function markArticle(body: Element): Promise<number> {
    viewportMarking?.stop();
    viewportMarking = undefined;
    const generation = ++markings;
    if (!long) return marker.mark(body);
    const marking = markNearViewport({ root: body, markNow: marker.markNow, IntersectionObserver });
    viewportMarking = marking;
    if (pageTerms) {
      return marking.ready.then(async (first) => {
        marking.stop();
        if (generation !== markings) return first;
        // The viewport's terms stay in sight; the rest show at once when the slices are done.
        const release = pagePainter?.hold();
        const rest = await marker.mark(body).finally(release);
        card.update({});
        return first + rest;
      });
    }
    const ids = glossary.match.ids;
    void countTerms(body, matcher, () => new Promise((r) => setTimeout(r, 0))).then((byIndex) => {
      if (ids !== glossary.match.ids || pageTerms) return;
      counts = new Map([...byIndex].map(([i, n]) => [ids[i]!, n]));
      // A card opened before the count was done shows the marks drawn so far: give it the whole count.
      card.update({});
    });
    return marking.ready;
  }
  const ready = markArticle(article.body);
  const changeListeners = new Set<() => void>();
  const observation = observeArticle({
    doc,
    getRoot: () => article!.body,
    marker,
    onChange: () => changeListeners.forEach((listener) => listener()),
    onRootLost: () => {
      card.hide();
      const again = detectNow();
      if (!again) return;
      article = again;
      void markArticle(again.body);
    },
  });

  const remark = () => {
    matcher = matcherOf(glossary.match);
    // A marking still in slices would go on with the old glossary.
    current.cancel();
    current = markerFor(matcher);
    // The article is marked afresh below, so its marks give the counts again.
    counts = undefined;
    card.hide();
    observation.quietly(() => {
      unmarkAll(article!.body);
      if (!long) current.markNow(article!.body);
    });
    if (long) void markArticle(article!.body);
  };
  const unwatchGlossary = glossary.onChange((what) => {
    if (what === 'entries') card.detailsArrived();
    if (what === 'match') remark();
  });

  return {
    get article() {
      return article!;
    },
    marker,
    card,
    dictionary,
    glossary,
    marksAsElements(needed) {
      if (needed === elementsNeeded) return;
      elementsNeeded = needed;
      if (long && canDrawRanges) remark();
    },
    quietly: observation.quietly,
    onChange(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    ready,
    stop() {
      unwatchGlossary();
      markings++;
      // A marking in slices would go on drawing into the layers cleared below.
      current.cancel();
      viewportMarking?.stop();
      observation.stop();
      destroyCards();
      // The page goes back to its own text: no mark and no style of ours is left.
      unmarkAll(article!.body);
      personalTerms?.clear();
      pageTerms?.clear();
      removeMarkStyle();
    },
  };
}
