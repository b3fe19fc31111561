/**
 * Opens a PDF with pdf.js in its own worker (a module worker, an extension file: both Chrome's
 * extension pages and Firefox's allow it) and reads every page's text runs. The legacy build, like
 * every pdf.js import of the reader: the modern one calls Map.prototype.getOrInsertComputed, which
 * Firefox ESR 140 and the older browsers the manifest admits lack.
 */
import { getDocument, GlobalWorkerOptions, PDFWorker, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import type { PdfPageText, PdfTextRun } from '../../utils/pdf/text-lines';
import { problemFromOpenError } from './pdf-problem';

GlobalWorkerOptions.workerSrc = workerUrl;

export interface OpenedPdf {
  pdf: PDFDocumentProxy;
  /** Ends the worker's work on this file and frees its memory. */
  close(): Promise<void>;
}

let worker: PDFWorker | null = null;

/**
 * Starts pdf.js's worker (1.3 MB of script to load and compile) at once, so it is ready by the time
 * the PDF's bytes arrive; every file opened on the page shares it (destroying a document leaves it).
 */
export function startPdfWorker(): PDFWorker {
  worker ??= new PDFWorker();
  return worker;
}

export async function openPdf(data: Uint8Array): Promise<OpenedPdf> {
  // Without a password callback pdf.js rejects an encrypted file with a PasswordException.
  const task = getDocument({ data, enableXfa: false, useSystemFonts: true, worker: startPdfWorker() });
  try {
    return { pdf: await task.promise, close: () => task.destroy() };
  } catch (error) {
    await task.destroy();
    throw problemFromOpenError(error);
  }
}

/** A page's text runs (marked-content entries carry no text and are left out). */
export async function readPageText(pdf: PDFDocumentProxy, pageNumber: number): Promise<PdfPageText> {
  const page = await pdf.getPage(pageNumber);
  const [, , width, height] = page.view as [number, number, number, number];
  const content = await page.getTextContent();
  const runs: PdfTextRun[] = [];
  for (const item of content.items) if ('str' in item) runs.push(item);
  return { page: pageNumber, width, height, runs };
}

/** Whether any page holds text; an image-only PDF (a scan) holds none. */
export function hasText(pages: readonly PdfPageText[]): boolean {
  return pages.some((p) => p.runs.some((r) => r.str.trim() !== ''));
}
