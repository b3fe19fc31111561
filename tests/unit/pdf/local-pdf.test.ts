import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { isLocalPdfKey, localPdfKey } from '../../../utils/pdf/local-pdf';
import { HighlightSchema } from '../../../utils/highlights/schema';
import { RequestSchema } from '../../../utils/messaging/to-background';
import { isPdfHighlight, localPdfReaderUrl, readLocalPdfQuery, readPdfReaderQuery } from '../../../utils/messaging/pdf-reader-url';
import { highlightLink } from '../../../utils/export/text-fragment';
import { makeHighlight } from '../records';

const FINGERPRINT = '0F3A9C2B7D1E4F5061728394A5B6C7D8';
const KEY = 'urn:x-pdf:0f3a9c2b7d1e4f5061728394a5b6c7d8';

describe('a local PDF keyed by its fingerprint', () => {
  it('takes pdf.js fingerprints (hex, any case) and nothing else', () => {
    expect(localPdfKey(FINGERPRINT)).toBe(KEY);
    expect(isLocalPdfKey(KEY)).toBe(true);
    expect(localPdfKey(null)).toBeNull();
    expect(localPdfKey('')).toBeNull();
    expect(localPdfKey('not-a-fingerprint/../x')).toBeNull();
    expect(isLocalPdfKey('urn:x-pdf:')).toBe(false);
    expect(isLocalPdfKey('https://www.pf.org.tw/upload/1.pdf')).toBe(false);
  });

  it('is a place a highlight may be stored under and listed by, and a PDF highlight with no link in exports', () => {
    const h = makeHighlight({ articleUrl: KEY, articleTitle: 'report.pdf', pdfPage: 2 });
    expect(v.safeParse(HighlightSchema, h).success).toBe(true);
    expect(v.safeParse(HighlightSchema, { ...h, articleUrl: 'urn:x-pdf:zz' }).success).toBe(false);
    expect(v.safeParse(HighlightSchema, { ...h, articleUrl: 'file:///home/a/report.pdf' }).success).toBe(false);
    expect(v.safeParse(RequestSchema, { type: 'highlights/list', articleUrl: KEY }).success).toBe(true);
    expect(isPdfHighlight(h)).toBe(true);
    // Exports never carry a link that opens nothing.
    expect(highlightLink(h)).toBeUndefined();
  });

  it('has a reader page address that names the file, its page and highlight, there and back', () => {
    const target = { key: KEY, name: '報告 final.pdf', page: 3, highlightId: 'h 1&x' };
    const search = new URL(localPdfReaderUrl('chrome-extension://abc/pdf-reader.html', target)).search;
    expect(readLocalPdfQuery(search)).toEqual(target);
    expect(readPdfReaderQuery(search)).toBeNull();
    expect(readLocalPdfQuery('?local=https://evil.example/&name=x')).toBeNull();
  });
});
