/**
 * A PDF from the reader's own computer has no address: its highlights are stored under its
 * content fingerprint (pdf.js's, the file's identifier or a hash of its first kilobytes), written
 * as Hypothesis writes it, so the same file finds them again under any name.
 */
const LOCAL_PDF_PREFIX = 'urn:x-pdf:';
const LOCAL_PDF_KEY = /^urn:x-pdf:[0-9a-f]{32,64}$/;

/** The key for a fingerprint; null when pdf.js gave none that looks like one. */
export function localPdfKey(fingerprint: string | null | undefined): string | null {
  const key = `${LOCAL_PDF_PREFIX}${(fingerprint ?? '').toLowerCase()}`;
  return LOCAL_PDF_KEY.test(key) ? key : null;
}

export function isLocalPdfKey(address: string): boolean {
  return LOCAL_PDF_KEY.test(address);
}
