import { describe, expect, it } from 'vitest';
import { fetchPdf } from '../../../pdf-reader/load/fetch-pdf';
import { problemFromOpenError, PdfProblem } from '../../../pdf-reader/load/pdf-problem';

const PDF_BYTES = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n');

function server(body: Uint8Array, status = 200) {
  const asked: string[] = [];
  const fetch = async (url: string) => {
    asked.push(url);
    return { ok: status < 400, status, arrayBuffer: async () => body.slice().buffer };
  };
  return { asked, fetch };
}

const kindOf = (promise: Promise<unknown>) => promise.then(() => 'none', (e: PdfProblem) => e.kind);

describe('fetching a PDF', () => {
  it("fetches the foundation's PDFs without asking", async () => {
    const { asked, fetch } = server(PDF_BYTES);
    const bytes = await fetchPdf('https://www.pf.org.tw/upload/12001.pdf', { fetch, siteAllowed: async () => false });
    expect([...bytes]).toEqual([...PDF_BYTES]);
    expect(asked).toEqual(['https://www.pf.org.tw/upload/12001.pdf']);
  });

  it("fetches another site's PDF only where the reader allowed the site", async () => {
    const { asked, fetch } = server(PDF_BYTES);
    expect(await kindOf(fetchPdf('https://example.org/a.pdf', { fetch, siteAllowed: async () => false }))).toBe('site-not-allowed');
    expect(asked).toEqual([]);
    expect(await kindOf(fetchPdf('https://example.org/a.pdf', { fetch, siteAllowed: async (o) => o === 'https://example.org' }))).toBe('none');
  });

  it('says so when the download fails or is not a PDF', async () => {
    const missing = server(PDF_BYTES, 404);
    expect(await kindOf(fetchPdf('https://www.pf.org.tw/upload/x.pdf', { fetch: missing.fetch, siteAllowed: async () => true }))).toBe('fetch-failed');
    const page = server(new TextEncoder().encode('<!doctype html><title>Not found</title>'));
    expect(await kindOf(fetchPdf('https://www.pf.org.tw/upload/x.pdf', { fetch: page.fetch, siteAllowed: async () => true }))).toBe('not-pdf');
    const offline = { fetch: async () => Promise.reject(new TypeError('Failed to fetch')), siteAllowed: async () => true };
    expect(await kindOf(fetchPdf('https://www.pf.org.tw/upload/x.pdf', offline))).toBe('fetch-failed');
  });
});

describe("pdf.js's errors as the reader's problems", () => {
  it('tells an encrypted file from a damaged one', () => {
    const password = Object.assign(new Error('No password given'), { name: 'PasswordException' });
    const invalid = Object.assign(new Error('Invalid PDF structure.'), { name: 'InvalidPDFException' });
    expect(problemFromOpenError(password).kind).toBe('encrypted');
    expect(problemFromOpenError(invalid).kind).toBe('damaged');
    expect(problemFromOpenError('something odd').kind).toBe('damaged');
  });
});
