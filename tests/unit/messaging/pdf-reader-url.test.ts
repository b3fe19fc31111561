import { describe, expect, it } from 'vitest';
import { looksLikePdfUrl, pdfReaderUrl, readPdfReaderQuery } from '../../../utils/messaging/pdf-reader-url';

const BASE = 'chrome-extension://abc/pdf-reader.html';
const PDF = 'https://www.pf.org.tw/upload/12001.pdf';

describe('the PDF reader page address', () => {
  it('carries the PDF, its article, a page and a highlight there and back', () => {
    const target = { pdfUrl: PDF, articleUrl: 'https://www.pf.org.tw/tw/pfch/34-12001.html', page: 3, highlightId: 'h 1&x' };
    const url = new URL(pdfReaderUrl(BASE, target));
    expect(readPdfReaderQuery(url.search)).toEqual(target);
  });

  it('refuses an address that is not on the web, and drops a page that is not a page number', () => {
    expect(readPdfReaderQuery('?pdf=javascript:alert(1)')).toBeNull();
    expect(readPdfReaderQuery('')).toBeNull();
    expect(readPdfReaderQuery(`?pdf=${encodeURIComponent(PDF)}&page=-2&article=file:///etc`)).toEqual({ pdfUrl: PDF });
  });

  it('tells PDF links by their path', () => {
    expect(looksLikePdfUrl(PDF)).toBe(true);
    expect(looksLikePdfUrl('https://www.pf.org.tw/upload/12001.PDF?x=1')).toBe(true);
    expect(looksLikePdfUrl('https://www.pf.org.tw/upload/12001.docx')).toBe(false);
    expect(looksLikePdfUrl('not a url')).toBe(false);
  });
});
