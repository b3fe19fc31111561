/** Why a PDF could not be read; each kind has its own message for the reader (utils/i18n/strings.ts). */
export type PdfProblemKind = 'site-not-allowed' | 'fetch-failed' | 'not-pdf' | 'damaged' | 'encrypted' | 'no-text';

export class PdfProblem extends Error {
  constructor(
    readonly kind: PdfProblemKind,
    readonly detail?: string,
  ) {
    super(detail ? `${kind}: ${detail}` : kind);
    this.name = 'PdfProblem';
  }
}

/** What pdf.js threw while opening a file, as one of the reader's kinds (pdf.js names its exceptions). */
export function problemFromOpenError(error: unknown): PdfProblem {
  if (error instanceof PdfProblem) return error;
  const name = error instanceof Error ? error.name : '';
  const detail = error instanceof Error ? error.message : String(error);
  return new PdfProblem(name === 'PasswordException' ? 'encrypted' : 'damaged', detail);
}
