/**
 * The two ways to read an open PDF, each an "article body" the article page's modules work on:
 * the page view (pdf.js text layers over the page pictures, terms matched across lines and pages)
 * and the text view (reflowed paragraphs with the 繁/简 switch, glosses and reading levels).
 * Highlights are the same records in both: they anchor by quote, so either view finds them.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { ConverterFunction } from 'opencc-js/core';
import type { CardSettings } from '../content/card/card-controller';
import type { DictionarySettings } from '../content/dictionary/dictionary-hover';
import { startArticleReader } from '../content/article-reader';
import { startHighlightSession, type HighlightSession, type Send } from '../content/highlight-session';
import { startBilingualReading } from '../content/reader-bar/bilingual-reading';
import { holdWholeGlossary } from '../content/page-root/glossary-holder';
import type { ArticlePage } from '../content/detection/detect-article';
import { highlightElements } from '../content/highlights/draw';
import type { BarState } from '../content/reader-bar/bar-state';
import type { ScriptDirection } from '../utils/chinese-script/dictionary';
import { createFoldTable, foldText, type FoldTable } from '../utils/glossary/fold';
import type { DictionaryMatch } from '../utils/dictionary/types';
import type { GlossaryIndex } from '../utils/glossary/types';
import type { Highlight, SavedTerm } from '../utils/highlights/types';
import type { UiLocale } from '../utils/i18n/strings';
import { reflowPages } from '../utils/pdf/reflow';
import type { PdfPageText } from '../utils/pdf/text-lines';
import type { Settings } from '../utils/settings/settings';
import { startPageReading, type PageReading } from './page-view/page-reading';
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
  /** What highlights are stored under: the PDF's canonical address, a local file's fingerprint key; null when it has neither (nothing is stored). */
  key: string | null;
  /** The title and the language: known once the metadata and the first page's text are read, after the first picture. */
  details: Promise<DocumentDetails>;
  attachedToArticle?: string;
  /** A file from this computer: its highlights are stored under this name rather than the PDF's title. */
  fileName?: string;
}

export interface DocumentDetails {
  title: string;
  lang: 'zh' | 'en';
}

export interface ViewEnvironment {
  doc: Document;
  main: HTMLElement;
  locale: UiLocale;
  /** Asked for as the page starts; only the marks wait for it, not the first picture. */
  glossary: Promise<GlossaryIndex>;
  cardSettings: Partial<CardSettings>;
  /** CC-CEDICT cards for the words outside the marks: the background's lookup and the card's styles. */
  dictionary: { lookup: (text: string) => Promise<DictionaryMatch | null>; cssText: string; settings: DictionarySettings };
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
  /** The first page is on screen; what the worker still has to read (every page's text) can start. */
  firstShown: Promise<void>;
  /** The view is drawn, its terms marked and its highlights anchored. */
  ready: Promise<void>;
  /** Scrolls to a highlight (when it attached) or else to the page. */
  reveal(target: { page?: number; highlightId?: string }): void;
  highlights: HighlightSession | null;
  stop(): void;
}

export function showPageView(env: ViewEnvironment, open: OpenDocument): OpenView {
  const { doc } = env;
  const container = doc.createElement('div');
  container.className = 'pdf-pages';
  env.main.replaceChildren(container);
  let reading: PageReading | null = null;
  let highlights: HighlightSession | null = null;
  let started: { glossary: GlossaryIndex; details: DocumentDetails } | null = null;
  let stopped = false;
  const startReading = async () => {
    const [glossary, about] = await Promise.all([env.glossary, open.details]);
    if (stopped) return;
    started = { glossary, details: about };
    reading = startPageReading({
      doc,
      root: container,
      glossary,
      locale: env.locale,
      lang: about.lang,
      cardCss: env.css.card,
      cardSettings: env.cardSettings,
      dictionary: env.dictionary,
      article: () => ({ url: open.key ?? '', title: open.fileName ?? about.title }),
      ...(open.key ? { saveTerm: (term: SavedTerm) => env.send({ type: 'terms/save', term }) } : {}),
    });
  };
  const view = startPageView({
    doc,
    pdf: open.pdf,
    container,
    scale: env.scale,
    IntersectionObserver,
    beforeTextLayers: startReading,
    onTextLayer: (_page, layer, previous) => void reading?.marker.markPart(layer, previous),
  });
  const ready = view.ready.then(async () => {
    // Switched away before every page was in place: nothing more to start.
    if (stopped || !started) return;
    const article = articleOf(open, started.details, container);
    highlights = startHighlights(env, createFoldTable(started.glossary.fold), open, article, (range) => pageOfNode(range.startContainer));
    await highlights?.ready;
  });
  return {
    firstShown: view.firstPainted,
    ready,
    reveal: (target) => reveal(container, target, (page) => view.pageElement(page)),
    get highlights() {
      return highlights;
    },
    stop() {
      stopped = true;
      view.stop();
      reading?.stop();
      highlights?.stop();
    },
  };
}

export function showTextView(env: ViewEnvironment, open: OpenDocument): OpenView {
  const { doc } = env;
  // Replaced by the reflowed text once the title is known (at once: the text view opens after every page is read).
  let body: HTMLElement = doc.createElement('article');
  env.main.replaceChildren(body);
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
    const details = await open.details;
    if (stopped) return;
    body = buildTextView(doc, details.title, reflowPages(open.pages));
    env.main.replaceChildren(body);
    const article = articleOf(open, details, body);
    const reader = await startArticleReader({
      doc,
      url: () => open.key ?? doc.URL,
      detect: () => article,
      glossary: await holdWholeGlossary(await env.glossary),
      locale: env.locale,
      cardCss: env.css.card,
      // The reader page's own stylesheet holds the marks' styles.
      markCss: '',
      ...(open.key ? { saveTerm: (term: SavedTerm) => env.send({ type: 'terms/save', term }) } : {}),
      dictionary: env.dictionary,
    });
    if (!reader) return;
    keep(reader);
    reader.card.update(env.cardSettings);
    await reader.ready;
    if (stopped) return;
    highlights = startHighlights(env, reader.glossary.foldTable, open, article, (range) => pageInTextView(range.startContainer, range.startOffset), reader.quietly);
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
    firstShown: Promise.resolve(),
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

function articleOf(open: OpenDocument, details: DocumentDetails, body: Element): ArticlePage {
  return { canonicalUrl: open.key ?? '', lang: details.lang, body, title: open.fileName ?? details.title };
}

/** Highlights for a PDF with a key: its address, or a local file's fingerprint. */
function startHighlights(
  env: ViewEnvironment,
  fold: FoldTable,
  open: OpenDocument,
  article: ArticlePage,
  pageOf: (range: Range) => number | undefined,
  quietly: <T>(fn: () => T) => T = (fn) => fn(),
): HighlightSession | null {
  if (!open.key) return null;
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
