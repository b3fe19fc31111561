/**
 * The two ways to read an open PDF, each an "article body" the article page's modules work on:
 * the page view (pdf.js text layers over the page pictures, terms matched across lines and pages)
 * and the text view (reflowed paragraphs with the 繁/简 switch, glosses and reading levels).
 * Highlights are the same records in both: they anchor by quote, so either view finds them.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { ConverterFunction } from 'opencc-js/core';
import { createCardController, type CardSettings } from '../content/card/card-controller';
import { createMatcher } from '../content/marking/matcher';
import { startArticleReader } from '../content/article-reader';
import { startHighlightSession, type HighlightSession, type Send } from '../content/highlight-session';
import { startBilingualReading } from '../content/reader-bar/bilingual-reading';
import { holdWholeGlossary } from '../content/page-root/glossary-holder';
import type { ArticlePage } from '../content/detection/detect-article';
import { highlightElements } from '../content/highlights/draw';
import type { BarState } from '../content/reader-bar/bar-state';
import type { ScriptDirection } from '../utils/chinese-script/dictionary';
import { createFoldTable, foldText } from '../utils/glossary/fold';
import type { CompiledEntry, GlossaryIndex } from '../utils/glossary/types';
import type { Highlight, SavedTerm } from '../utils/highlights/types';
import type { UiLocale } from '../utils/i18n/strings';
import { reflowPages } from '../utils/pdf/reflow';
import type { PdfPageText } from '../utils/pdf/text-lines';
import type { Settings } from '../utils/settings/settings';
import { createJoinedMarker } from './marking/joined-marker';
import { pageOfNode, startPageView } from './page-view/page-view';
import { buildTextView, pageInTextView } from './text-view/text-view';

export interface ReaderCss {
  card: string;
  highlightUi: string;
  bar: string;
  gloss: string;
}

export interface OpenDocument {
  pdf: PDFDocumentProxy;
  close(): Promise<void>;
  /** Every page's text; empty until read (the page view does not wait for it). */
  pages: readonly PdfPageText[];
  /** What highlights are stored under: the PDF's canonical address; null for a local file (nothing is stored). */
  key: string | null;
  title: string;
  lang: 'zh' | 'en';
  attachedToArticle?: string;
}

export interface ViewEnvironment {
  doc: Document;
  main: HTMLElement;
  locale: UiLocale;
  glossary: GlossaryIndex;
  cardSettings: Partial<CardSettings>;
  send: Send;
  css: ReaderCss;
  settings: { load(): Promise<Settings>; update(patch: Partial<Settings>): Promise<Settings>; watch(onChange: (s: Settings) => void): () => void };
  barState: { load(): Promise<BarState>; save(state: BarState): Promise<void> };
  loadConverter: (direction: ScriptDirection) => Promise<ConverterFunction>;
  writeClipboard: (text: string) => Promise<void>;
  /** Page scale of the page view. */
  scale: number;
}

export interface OpenView {
  /** The view is drawn, its terms marked and its highlights anchored. */
  ready: Promise<void>;
  /** Scrolls to a highlight (when it attached) or else to the page. */
  reveal(target: { page?: number; highlightId?: string }): void;
  highlights: HighlightSession | null;
  stop(): void;
}

export function showPageView(env: ViewEnvironment, open: OpenDocument): OpenView {
  const { doc, glossary } = env;
  const container = doc.createElement('div');
  container.className = 'pdf-pages';
  env.main.replaceChildren(container);
  const entries = new Map<string, CompiledEntry>(glossary.entries.map((e) => [e.id, e]));
  const marker = createJoinedMarker({
    matcher: createMatcher(glossary),
    entryIds: glossary.entries.map((e) => e.id),
    longestTerm: Math.max(1, ...glossary.patterns.map((p) => p[0].length)),
  });
  const card = createCardController({
    doc,
    entries,
    articleRoot: () => container,
    locale: env.locale,
    pageLang: open.lang,
    cssText: env.css.card,
    article: () => ({ url: open.key ?? '', title: open.title }),
    ...(open.key ? { saveTerm: (term) => env.send({ type: 'terms/save', term }) } : {}),
    ...env.cardSettings,
  });
  const view = startPageView({
    doc,
    pdf: open.pdf,
    container,
    scale: env.scale,
    IntersectionObserver,
    onTextLayer: (_page, layer, previous) => void marker.markPart(layer, previous),
  });
  const article = articleOf(open, container);
  let highlights: HighlightSession | null = null;
  let stopped = false;
  const ready = view.ready.then(async () => {
    // Switched away before every page was in place: nothing more to start.
    if (stopped) return;
    highlights = startHighlights(env, open, article, (range) => pageOfNode(range.startContainer));
    await highlights?.ready;
  });
  return {
    ready,
    reveal: (target) => reveal(container, target, (page) => view.pageElement(page)),
    get highlights() {
      return highlights;
    },
    stop() {
      stopped = true;
      view.stop();
      card.destroy();
      highlights?.stop();
    },
  };
}

export function showTextView(env: ViewEnvironment, open: OpenDocument): OpenView {
  const { doc } = env;
  const body = buildTextView(doc, open.title, reflowPages(open.pages));
  env.main.replaceChildren(body);
  const article = articleOf(open, body);
  // What is running so far: the reader may switch views before the text view has finished starting.
  const running: { stop(): void }[] = [];
  let stopped = false;
  const keep = <T extends { stop(): void }>(part: T): T => {
    running.push(part);
    if (stopped) part.stop();
    return part;
  };
  let highlights: HighlightSession | null = null;
  const ready = (async () => {
    const reader = await startArticleReader({
      doc,
      url: () => open.key ?? doc.URL,
      detect: () => article,
      glossary: await holdWholeGlossary(env.glossary),
      locale: env.locale,
      cardCss: env.css.card,
      // The reader page's own stylesheet holds the marks' styles.
      markCss: '',
      ...(open.key ? { saveTerm: (term: SavedTerm) => env.send({ type: 'terms/save', term }) } : {}),
    });
    if (!reader) return;
    keep(reader);
    reader.card.update(env.cardSettings);
    await reader.ready;
    if (stopped) return;
    highlights = startHighlights(env, open, article, (range) => pageInTextView(range.startContainer, range.startOffset), reader.quietly);
    if (highlights) keep(highlights);
    await highlights?.ready.catch(() => undefined);
    if (stopped) return;
    keep(await startBilingualReading({
      doc,
      reader,
      locale: env.locale,
      settings: env.settings,
      barState: env.barState,
      loadConverter: env.loadConverter,
      notAttached: () => highlights?.orphans().length ?? 0,
      openNotes: () => env.send({ type: 'notes/open', ...(open.key ? { articleUrl: open.key } : {}) }),
      barCss: env.css.bar,
      glossCss: env.css.gloss,
    }));
  })();
  return {
    ready,
    reveal: (target) => reveal(body, target, (page) => body.querySelector(`p[data-page-starts^="${page}:"]`)),
    get highlights() {
      return highlights;
    },
    stop() {
      stopped = true;
      for (const part of running.reverse()) part.stop();
    },
  };
}

function articleOf(open: OpenDocument, body: Element): ArticlePage {
  return { canonicalUrl: open.key ?? '', lang: open.lang, body, title: open.title };
}

/** Highlights for a PDF opened from the web; a local file has no address to keep them under. */
function startHighlights(
  env: ViewEnvironment,
  open: OpenDocument,
  article: ArticlePage,
  pageOf: (range: Range) => number | undefined,
  quietly: <T>(fn: () => T) => T = (fn) => fn(),
): HighlightSession | null {
  if (!open.key) return null;
  const fold = createFoldTable(env.glossary.fold);
  return startHighlightSession({
    doc: env.doc,
    article: () => article,
    locale: env.locale,
    uiCss: env.css.highlightUi,
    normalize: (text) => foldText(text, fold),
    quietly,
    send: env.send,
    writeClipboard: env.writeClipboard,
    describeSource: (range): Pick<Highlight, 'pdfPage' | 'attachedToArticle'> => {
      const page = pageOf(range);
      return { ...(page ? { pdfPage: page } : {}), ...(open.attachedToArticle ? { attachedToArticle: open.attachedToArticle } : {}) };
    },
  });
}

function reveal(root: Element, target: { page?: number; highlightId?: string }, pageElement: (page: number) => Element | null): void {
  const [mark] = target.highlightId ? highlightElements(root, target.highlightId) : [];
  const place = mark ?? (target.page ? pageElement(target.page) : null);
  place?.scrollIntoView({ block: 'center' });
}
