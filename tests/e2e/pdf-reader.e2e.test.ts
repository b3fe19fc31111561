import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { makeFixturePdfs, RUNNING_HEADER, SEED_PDF_PATH, SEED_PDF_TITLE, SEED_PDF_URL, type FixturePdfs } from '../../scripts/lib/pdf-fixtures';
import { SEED_ARTICLE_URL } from '../../scripts/lib/site-fixtures';
import { ax } from '../../scripts/lib/ax';
import { dragAcrossPageBreak, highlightPages, listHighlights, waitForPages } from './pdf-support';

/** Printed on the second page of the seed PDF. */
const TEXT_VIEW_QUOTE = '緩解雙方因部署';
const BAD = { damaged: '/upload/damaged.pdf', encrypted: '/upload/encrypted.pdf', imageOnly: '/upload/scan.pdf' } as const;

let pdfs: FixturePdfs;
/** The highlight dragged across the page break in the page view. */
let highlightId = '';
let browser: ExtensionBrowser;

beforeAll(async () => {
  pdfs = await makeFixturePdfs();
  browser = await launchWithExtension({
    pages: { [SEED_PDF_PATH]: pdfs.seed, [BAD.damaged]: pdfs.damaged, [BAD.encrypted]: pdfs.encrypted, [BAD.imageOnly]: pdfs.imageOnly },
  });
});
afterAll(async () => {
  await browser?.close();
});

// The extension's UI is reached by role and name only, so these can move to the accessibility tree.
const readerButton = (page: Page) => ax(page).getByRole('button', { name: 'Read in Prospect Reader' });
const viewButton = (page: Page, name: 'Pages' | 'Text') => page.getByRole('group', { name: 'View' }).getByRole('button', { name });
const highlightButton = (page: Page) => ax(page).getByRole('button', { name: 'Highlight', exact: true });
const termCard = (page: Page) => ax(page).getByRole('tooltip');
const problem = (page: Page) => page.getByRole('alert');

function readerUrl(path: string): string {
  return `chrome-extension://${browser.extensionId}/pdf-reader.html?pdf=${encodeURIComponent(`https://www.pf.org.tw${path}`)}`;
}

/** The lines of page n in body type, without the running header and the page number. */
async function bodyLines(page: Page, n: number): Promise<string[]> {
  return page.$$eval(`.pdf-page[data-page-number="${n}"] .pdf-text-layer > span`, (spans) =>
    spans.filter((s) => s.getBoundingClientRect().height > 12).map((s) => s.textContent ?? ''),
  );
}

/** Drags over a phrase of the text view, from its first character to its last. */
async function dragOverPhrase(page: Page, phrase: string): Promise<void> {
  const points = await page.evaluate((p) => {
    const paragraph = [...document.querySelectorAll('article.pdf-text-view p')].find((el) => el.textContent!.includes(p))!;
    paragraph.scrollIntoView({ block: 'center' });
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    const rects: DOMRect[] = [];
    let text = '';
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      for (let i = 0; i < node.data.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        rects.push(range.getBoundingClientRect());
      }
      text += node.data;
    }
    const start = text.indexOf(p);
    const [first, last] = [rects[start]!, rects[start + p.length - 1]!];
    return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
  }, phrase);
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move(points.x2, points.y2, { steps: 6 });
  await page.mouse.up();
}

describe('the PDF reader in Chromium', () => {
  let reader: Page;

  it('opens the attachment from the article page, with its title and terms marked on every page', async () => {
    const article = await browser.context.newPage();
    await article.goto(SEED_ARTICLE_URL);
    const opened = browser.context.waitForEvent('page');
    await readerButton(article).click();
    reader = await opened;
    await waitForPages(reader, 4);
    expect(reader.url()).toContain('pdf-reader.html');
    expect(await reader.getByRole('heading', { level: 1 }).innerText()).toBe(SEED_PDF_TITLE);
    for (const n of [1, 2, 3]) expect(await reader.locator(`.pdf-page[data-page-number="${n}"] pr-term`).count()).toBeGreaterThan(0);
    await article.close();
  });

  it('shows the card when the mouse rests on a term', async () => {
    const term = reader.locator('.pdf-page[data-page-number="1"] pr-term').first();
    await term.scrollIntoViewIfNeeded();
    await term.hover();
    await expect.poll(() => termCard(reader).isVisible()).toBe(true);
    expect(await termCard(reader).innerText()).toMatch(/\p{Script=Han}/u);
    await reader.mouse.move(5, 5);
  });

  it('highlights a passage dragged across a page break; it is stored with its page and the article', async () => {
    await dragAcrossPageBreak(reader, 1);
    await highlightButton(reader).click();
    await expect.poll(async () => (await listHighlights(reader, SEED_PDF_URL)).length).toBe(1);
    const [stored] = await listHighlights(reader, SEED_PDF_URL);
    highlightId = String(stored!.id);
    expect(stored).toMatchObject({ pdfPage: 1, attachedToArticle: SEED_ARTICLE_URL, articleUrl: SEED_PDF_URL });
    expect(await highlightPages(reader, highlightId)).toEqual(['1', '2']);
  });

  it('finds the highlight again when the PDF is opened again', async () => {
    await reader.reload();
    await waitForPages(reader, 4);
    await expect.poll(() => highlightPages(reader, highlightId)).toEqual(['1', '2']);
  });

  it('reads the text view as one text: page break healed, running header gone, the highlight there, switched to Simplified', async () => {
    const lastOfPage1 = (await bodyLines(reader, 1)).at(-1)!.slice(-6);
    const firstOfPage2 = (await bodyLines(reader, 2))[0]!.slice(0, 4);
    await viewButton(reader, 'Text').click();
    const view = reader.locator('article.pdf-text-view');
    await reader.waitForSelector('article.pdf-text-view pr-term');
    const text = await view.innerText();
    expect(text).not.toContain(RUNNING_HEADER);
    expect(text.replace(/\s/g, '')).toContain(`${lastOfPage1}${firstOfPage2}`.replace(/\s/g, ''));
    await expect.poll(() => reader.locator(`article.pdf-text-view pr-highlight[data-highlight-id="${highlightId}"]`).count()).toBeGreaterThan(0);

    // A highlight made in the text view records the page its text was printed on.
    await dragOverPhrase(reader, TEXT_VIEW_QUOTE);
    await highlightButton(reader).click();
    await expect.poll(async () => (await listHighlights(reader, SEED_PDF_URL)).length).toBe(2);
    const made = (await listHighlights(reader, SEED_PDF_URL)).find((h) => (h.quote as { exact: string }).exact === TEXT_VIEW_QUOTE);
    expect(made).toMatchObject({ pdfPage: 2 });

    await ax(reader).getByRole('button', { name: /简/ }).click();
    await expect.poll(() => view.innerText()).toContain('关系');
    expect(await view.innerText()).not.toContain('關係');
  });
});

describe('the PDF highlight on the notes desk', () => {
  it('is listed under the PDF with its article; Open the passage reopens the PDF there; the backup targets its page', async () => {
    const notes = await browser.context.newPage();
    await notes.goto(`chrome-extension://${browser.extensionId}/notes.html`);
    const entry = notes.locator(`[data-highlight-id="${highlightId}"]`);
    const row = entry.getByRole('link', { name: 'Open the passage' });
    await row.waitFor();
    expect(await notes.getByRole('heading', { name: SEED_PDF_TITLE }).count()).toBeGreaterThan(0);
    expect(await entry.getByRole('link', { name: 'Attached to the article' }).getAttribute('href')).toBe(SEED_ARTICLE_URL);

    const opened = browser.context.waitForEvent('page');
    await row.click();
    const again = await opened;
    await waitForPages(again, 4);
    await again.waitForSelector('.pdf-page pr-highlight');
    // Scrolled to the passage: its mark is on screen.
    await expect.poll(() => again.locator('pr-highlight').first().evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    })).toBe(true);
    await again.close();

    const [download] = await Promise.all([notes.waitForEvent('download'), notes.getByRole('button', { name: 'Export JSON (backup)', exact: true }).click()]);
    const backup = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    const annotation = backup.first.items.find((a: { id: string }) => a.id === `urn:uuid:${highlightId}`);
    expect(annotation.target.source).toBe(SEED_PDF_URL);
    expect(annotation.target.selector).toContainEqual({ type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: 'page=1' });
    expect(annotation['pr:attachedTo']).toBe(SEED_ARTICLE_URL);
    await notes.close();
  });
});

describe('bad PDFs get a clear message, never a blank page', () => {
  it.each([
    ['damaged', BAD.damaged, 'This PDF is damaged'],
    ['encrypted', BAD.encrypted, 'This PDF is encrypted'],
    ['image-only', BAD.imageOnly, 'This PDF has no text layer'],
    ['missing', '/upload/missing.pdf', 'could not be downloaded'],
  ])('%s', async (_kind, path, message) => {
    const page = await browser.context.newPage();
    await page.goto(readerUrl(path));
    await expect.poll(() => problem(page).innerText(), { timeout: 15_000 }).toContain(message);
    await page.close();
  });

  it('still shows the pictures of an image-only PDF under its message', async () => {
    const page = await browser.context.newPage();
    await page.goto(readerUrl(BAD.imageOnly));
    await page.waitForSelector('.pdf-page canvas');
    expect(await page.locator('.pdf-page').count()).toBe(1);
    await page.close();
  });
});
