/**
 * The PDF reader page: opens the PDF its address names (or a file the reader chooses or drops),
 * says clearly why when it cannot, and shows it in the page view or the text view.
 */
import { h, render } from 'preact';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PdfToolbar, type PdfStatus, type PdfView } from '../components/pdf-reader/PdfToolbar';
import { t, tf, type UiLocale } from '../utils/i18n/page-strings';
import type { LocalPdfTarget, PdfReaderTarget } from '../utils/messaging/pdf-reader-url';
import { localPdfKey } from '../utils/pdf/local-pdf';
import { canonicalArticleUrl } from '../utils/site/article-url';
import { checkPdfBytes } from './load/fetch-pdf';
import { hasText, openPdf, readPageText } from './load/open-pdf';
import { PdfProblem } from './load/pdf-problem';
import type { PdfPageText } from '../utils/pdf/text-lines';
import { showPageView, showTextView, type DocumentDetails, type OpenDocument, type OpenView, type ViewEnvironment } from './views';

export interface ReaderPageOptions extends Omit<ViewEnvironment, 'main'> {
  toolbar: HTMLElement;
  main: HTMLElement;
  target: PdfReaderTarget | null;
  /** A passage in a file from this computer that the notes desk asked to show. */
  local: LocalPdfTarget | null;
  fetchPdf: (url: string) => Promise<Uint8Array>;
}

export interface ReaderPage {
  /** Resolves when the PDF named by the address is shown (or its problem is). */
  ready: Promise<void>;
}

const HAN = /\p{Script=Han}/gu;

export function startReaderPage(options: ReaderPageOptions): ReaderPage {
  const { doc, locale } = options;
  let view: PdfView = 'pages';
  let status: PdfStatus[] = [
    options.local ? { kind: 'notice', text: tf(locale, 'pdf.chooseAgain', { name: options.local.name }) } : { kind: 'empty', text: t(locale, 'pdf.empty') },
  ];
  let open: OpenDocument | null = null;
  let title: string | undefined;
  let shown: OpenView | null = null;
  /** A passage in a local file, from the notes desk: shown once the reader chooses that file again. */
  let awaited = options.local;

  const paint = () =>
    render(
      h(PdfToolbar, {
        locale,
        ...(open ? { pageCount: open.pdf.numPages } : {}),
        ...(title ? { title } : {}),
        ...(open?.attachedToArticle ? { articleUrl: open.attachedToArticle } : {}),
        view,
        canSwitch: !!open && hasText(open.pages),
        status,
        onView: (next) => {
          if (next === view || !open) return;
          view = next;
          show();
        },
        onFile: (file) => void openFile(file),
      }),
      options.toolbar,
    );

  /** Shows the open PDF in the current view; resolves when its first page is on screen, and then when it is all in place. */
  function show(target: { page?: number; highlightId?: string } = {}): { firstShown: Promise<void>; done: Promise<void> } {
    shown?.stop();
    if (!open) return { firstShown: Promise.resolve(), done: Promise.resolve() };
    const current = (view === 'text' ? showTextView : showPageView)(options, open);
    shown = current;
    paint();
    return { firstShown: current.firstShown, done: current.ready.then(() => current.reveal(target)) };
  }

  async function load(
    bytes: () => Promise<Uint8Array>,
    about: Omit<OpenDocument, 'pdf' | 'close' | 'pages' | 'details'> & { name: string },
    place: { page?: number; highlightId?: string } = {},
  ) {
    shown?.stop();
    shown = null;
    open?.close().catch(() => undefined);
    open = null;
    title = undefined;
    options.main.replaceChildren();
    status = [{ kind: 'loading', text: t(locale, 'pdf.loading') }];
    paint();
    let opened: OpenDocument;
    let described: { resolve(d: DocumentDetails): void; reject(e: unknown): void };
    try {
      const { pdf, close } = await openPdf(await bytes());
      const details = new Promise<DocumentDetails>((resolve, reject) => (described = { resolve, reject }));
      // A file from this computer is known by its contents: the same file finds its highlights under any name.
      const key = about.key ?? localPdfKey(pdf.fingerprints[0]);
      // A local file is listed on the notes desk under its file name: the name the reader is asked to choose again.
      opened = { ...about, key, pdf, close, pages: [], details, ...(about.key ? {} : { fileName: about.name }) };
      open = opened;
      status = about.key ? [] : [{ kind: 'notice' as const, text: t(locale, key ? 'pdf.localFile' : 'pdf.localFileNotKept') }];
      if (awaited && key === awaited.key) {
        place = awaited;
        awaited = null;
      } else if (awaited) {
        status.push({ kind: 'notice', text: tf(locale, 'pdf.notThatFile', { name: awaited.name }) });
      }
      view = 'pages';
    } catch (error) {
      status = [problemStatus(locale, error)];
      paint();
      return;
    }
    // The first picture is asked for first; the first page's text (the language) and the title queue behind it.
    const showing = show(place);
    const first = showing.firstShown.then(() => readPageText(opened.pdf, 1));
    Promise.all([first, showing.firstShown.then(() => titleOf(opened.pdf, about.name))]).then(([page, name]) => {
      described.resolve({ title: name, lang: languageOf([page]) });
      if (open !== opened) return;
      title = name;
      paint();
    }, described!.reject);
    try {
      // The whole text (the text view, the no-text check) is read once the first page is on screen.
      await showing.firstShown;
      opened.pages = await readAllText(opened.pdf, await first);
      // An image-only PDF is still shown as pictures, under its message.
      if (open === opened && !hasText(opened.pages)) status = [problemStatus(locale, new PdfProblem('no-text')), ...status];
      paint();
    } catch (error) {
      status = [...status, problemStatus(locale, error)];
      paint();
    }
    try {
      await showing.done;
    } catch (error) {
      // A page pdf.js cannot draw must not leave a blank page without a word.
      console.error('Prospect Reader: could not show the PDF', error);
      status = [...status, problemStatus(locale, error)];
      paint();
    }
  }

  async function openFile(file: File): Promise<void> {
    await load(
      async () => {
        const bytes = new Uint8Array(await file.arrayBuffer());
        checkPdfBytes(bytes);
        return bytes;
      },
      { key: null, name: file.name },
    );
  }

  // A file dropped anywhere on the page opens; the browser must not navigate to it.
  doc.addEventListener('dragover', (event) => {
    if (event.isTrusted && event.dataTransfer?.types.includes('Files')) event.preventDefault();
  });
  doc.addEventListener('drop', (event) => {
    const file = event.dataTransfer?.files[0];
    if (!event.isTrusted || !file) return;
    event.preventDefault();
    void openFile(file);
  });

  paint();
  const { target } = options;
  const ready = target
    ? load(() => options.fetchPdf(target.pdfUrl), {
        key: canonicalArticleUrl(target.pdfUrl) ?? target.pdfUrl.replace(/#.*$/, ''),
        name: decodeURIComponent(new URL(target.pdfUrl).pathname.split('/').pop() ?? ''),
        ...(target.articleUrl ? { attachedToArticle: canonicalArticleUrl(target.articleUrl) ?? target.articleUrl } : {}),
      }, target)
    : Promise.resolve();
  return { ready };
}

async function readAllText(pdf: PDFDocumentProxy, first: PdfPageText): Promise<PdfPageText[]> {
  const pages = [first];
  for (let n = 2; n <= pdf.numPages; n++) pages.push(await readPageText(pdf, n));
  return pages;
}

function problemStatus(locale: UiLocale, error: unknown): PdfStatus {
  const problem = error instanceof PdfProblem ? error : new PdfProblem('damaged', String(error));
  return { kind: 'problem', text: tf(locale, `pdf.problem.${problem.kind}`, { detail: problem.detail ?? '' }) };
}

async function titleOf(pdf: PDFDocumentProxy, fallback: string): Promise<string> {
  const meta = await pdf.getMetadata().catch(() => null);
  const title = (meta?.info as { Title?: unknown } | undefined)?.Title;
  return typeof title === 'string' && title.trim() !== '' ? title.trim() : fallback;
}

function languageOf(pages: readonly PdfPageText[]): 'zh' | 'en' {
  const text = pages.flatMap((p) => p.runs.map((r) => r.str)).join('');
  const han = text.match(HAN)?.length ?? 0;
  return text.length > 0 && han / text.length > 0.2 ? 'zh' : 'en';
}
