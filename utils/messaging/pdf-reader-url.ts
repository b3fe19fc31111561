import { isLocalPdfKey } from '../pdf/local-pdf';
import { isWebUrl, parseWebUrl } from '../site/web-url';

/** What the PDF reader page opens: the PDF, the article it is attached to, and a place to show. */
export interface PdfReaderTarget {
  pdfUrl: string;
  articleUrl?: string;
  page?: number;
  highlightId?: string;
}

/** The context-menu item on a PDF link of the foundation's site, and the links it appears on. */
export const PDF_LINK_MENU_ID = 'prospect-reader-read-pdf';
export const PDF_LINK_PATTERNS = ['*://pf.org.tw/*.pdf', '*://www.pf.org.tw/*.pdf', '*://pf.org.tw/*.PDF', '*://www.pf.org.tw/*.PDF'];

/** The reader page's address for a PDF (`base` is the page's extension URL). */
export function pdfReaderUrl(base: string, target: PdfReaderTarget): string {
  const params = new URLSearchParams({ pdf: target.pdfUrl });
  if (target.articleUrl) params.set('article', target.articleUrl);
  if (target.page) params.set('page', String(target.page));
  if (target.highlightId) params.set('highlight', target.highlightId);
  return `${base}?${params}`;
}

/** The target a reader page address carries (the inverse of pdfReaderUrl); null without a web PDF address. */
export function readPdfReaderQuery(search: string): PdfReaderTarget | null {
  const params = new URLSearchParams(search);
  const pdfUrl = params.get('pdf') ?? '';
  if (!isWebUrl(pdfUrl)) return null;
  const articleUrl = params.get('article') ?? '';
  const page = Number(params.get('page'));
  const highlightId = params.get('highlight') ?? '';
  return {
    pdfUrl,
    ...(isWebUrl(articleUrl) ? { articleUrl } : {}),
    ...(Number.isInteger(page) && page > 0 ? { page } : {}),
    ...(highlightId ? { highlightId } : {}),
  };
}

/**
 * A passage in a PDF from this computer: the reader page cannot open the file by itself, so it
 * asks for it by name and shows the place once the file with this fingerprint key is chosen.
 */
export interface LocalPdfTarget {
  key: string;
  name: string;
  page?: number;
  highlightId?: string;
}

export function localPdfReaderUrl(base: string, target: LocalPdfTarget): string {
  const params = new URLSearchParams({ local: target.key, name: target.name });
  if (target.page) params.set('page', String(target.page));
  if (target.highlightId) params.set('highlight', target.highlightId);
  return `${base}?${params}`;
}

/** The local target a reader page address carries (the inverse of localPdfReaderUrl); null without a fingerprint key. */
export function readLocalPdfQuery(search: string): LocalPdfTarget | null {
  const params = new URLSearchParams(search);
  const key = params.get('local') ?? '';
  if (!isLocalPdfKey(key)) return null;
  const page = Number(params.get('page'));
  const highlightId = params.get('highlight') ?? '';
  return {
    key,
    name: (params.get('name') ?? '').slice(0, 300),
    ...(Number.isInteger(page) && page > 0 ? { page } : {}),
    ...(highlightId ? { highlightId } : {}),
  };
}

/** Whether a link's address names a PDF (by its path, as the foundation's attachment links do). */
export function looksLikePdfUrl(url: string): boolean {
  const parsed = parseWebUrl(url);
  return !!parsed && /\.pdf$/i.test(parsed.pathname);
}

/** A highlight made in the PDF reader (it records a page), or stored under a PDF's address. */
export function isPdfHighlight(h: { articleUrl: string; pdfPage?: number }): boolean {
  return h.pdfPage !== undefined || looksLikePdfUrl(h.articleUrl) || isLocalPdfKey(h.articleUrl);
}
