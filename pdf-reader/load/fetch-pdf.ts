/**
 * Brings a PDF's bytes to the reader page: the foundation's with the extension's host permission,
 * another site's only where the reader allowed that site; anything that is not a PDF is refused.
 */
import { isFoundationOrigin } from '../../utils/site/foundation';
import { PdfProblem } from './pdf-problem';

export interface FetchPdfOptions {
  fetch: (url: string) => Promise<Pick<Response, 'ok' | 'status' | 'arrayBuffer'>>;
  /** Whether the reader granted the extension this origin (permissions.contains). */
  siteAllowed: (origin: string) => Promise<boolean>;
}

export async function fetchPdf(url: string, options: FetchPdfOptions): Promise<Uint8Array> {
  const { origin } = new URL(url);
  if (!isFoundationOrigin(origin) && !(await options.siteAllowed(origin))) throw new PdfProblem('site-not-allowed', origin);
  let response;
  try {
    response = await options.fetch(url);
  } catch (error) {
    throw new PdfProblem('fetch-failed', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw new PdfProblem('fetch-failed', `HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  checkPdfBytes(bytes);
  return bytes;
}

/** A PDF starts with `%PDF-` within its first kilobyte; a web page or an error message does not. */
export function checkPdfBytes(bytes: Uint8Array): void {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) throw new PdfProblem('not-pdf');
}
