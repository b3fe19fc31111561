import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { articlePdf, SEED_PDF_PATH, SEED_PDF_TITLE, SEED_PDF_URL } from '../../scripts/lib/pdf-fixtures';
import { SEED_ARTICLE_URL } from '../../scripts/lib/site-fixtures';
import { ax } from '../../scripts/lib/ax';
import { PDF_LINK_MENU_ID } from '../../utils/messaging/pdf-reader-url';
import { dragAcrossPageBreak, highlightPages, listHighlights, waitForPages } from './pdf-support';

let browser: ExtensionBrowser;
let readerBase = '';
/** The seed PDF on disk, and the same bytes under another name. */
const files = { first: '', renamed: '' };
/** What the reader page must store a local file's highlights under: pdf.js's fingerprint of it. */
let localKey = '';

beforeAll(async () => {
  const seed = await articlePdf(1);
  const dir = mkdtempSync(join(tmpdir(), 'prospect-reader-pdf-'));
  files.first = join(dir, 'seed.pdf');
  files.renamed = join(dir, 'the same report, renamed.pdf');
  writeFileSync(files.first, seed);
  copyFileSync(files.first, files.renamed);
  // pdf.js takes the file's first /ID, or else the MD5 of its first kilobyte (Chromium writes no /ID).
  const id = seed.toString('latin1').match(/\/ID\s*\[\s*<([0-9A-Fa-f]{32})>/)?.[1] ?? createHash('md5').update(seed.subarray(0, 1024)).digest('hex');
  localKey = `urn:x-pdf:${id.toLowerCase()}`;
  browser = await launchWithExtension({ pages: { [SEED_PDF_PATH]: seed } });
  readerBase = `chrome-extension://${browser.extensionId}/pdf-reader.html`;
  // Dictionary cards are going to be on by default; these tests turn them on either way.
  await browser.serviceWorker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome;
    await api.storage.local.set({ settings: { dictionary: true }, settings$: { v: 2 } });
  });
});
afterAll(async () => {
  await browser?.close();
});

const dictionaryCard = (page: Page) => ax(page).getByRole('tooltip', { name: 'Dictionary', exact: true });
const glossaryCard = (page: Page) => ax(page).getByRole('tooltip', { name: 'Glossary term', exact: true });
const highlightButton = (page: Page) => ax(page).getByRole('button', { name: 'Highlight', exact: true });

/** The middle of the first Han character of page 1's text layer outside every mark, scrolled into view. */
async function unmarkedHan(page: Page): Promise<{ x: number; y: number; char: string }> {
  return page.evaluate(() => {
    const layer = document.querySelector('.pdf-page[data-page-number="1"] .pdf-text-layer')!;
    const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      if (n.parentElement!.closest('pr-term') || n.parentElement!.getBoundingClientRect().height < 12) continue;
      // Not next to a mark: the longest word starting here must not run into a glossary term.
      const i = n.data.search(/\p{Script=Han}{3}/u);
      if (i < 0 || n.nextSibling) continue;
      n.parentElement!.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + 1);
      const box = range.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2, char: n.data[i]! };
    }
    throw new Error('no unmarked Han text on page 1');
  });
}

/** Drops a file on the page as the reader's own drag would: trusted input through CDP. */
async function dropFile(page: Page, path: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const data = { items: [], files: [path], dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, x: 600, y: 500, data });
  await cdp.detach();
}

describe('reading a PDF in the page view like an article', () => {
  let reader: Page;

  it('shows the dictionary card for a word the glossary does not mark', async () => {
    reader = await browser.context.newPage();
    await reader.goto(`${readerBase}?pdf=${encodeURIComponent(SEED_PDF_URL)}`);
    await waitForPages(reader, 4);
    const { x, y, char } = await unmarkedHan(reader);
    await reader.mouse.move(3, 3);
    await reader.mouse.move(x, y, { steps: 4 });
    await dictionaryCard(reader).waitFor({ timeout: 10_000 });
    expect(await dictionaryCard(reader).innerText()).toContain(char);
    // The looked-up word is outlined in the text layer.
    expect(await reader.evaluate(() => CSS.highlights.get('prospect-reader-lookup')?.size ?? 0)).toBe(1);
    await reader.mouse.move(3, 3);
    await expect.poll(() => dictionaryCard(reader).count(), { timeout: 5_000 }).toBe(0);
  });

  it('walks the terms with Alt+Shift+N and P, opening their cards and announcing them', async () => {
    const cursorAt = () => reader.evaluate(() => [...document.querySelectorAll('.pdf-pages pr-term')].findIndex((el) => el.hasAttribute('data-pr-cursor')));
    await reader.mouse.move(1, 1);
    await reader.evaluate(() => window.scrollTo(0, 0));
    await reader.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => glossaryCard(reader).isVisible()).toBe(true);
    const first = await cursorAt();
    expect(first).toBeGreaterThanOrEqual(0);
    await reader.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(cursorAt).toBe(first + 1);
    await reader.keyboard.press('Alt+Shift+KeyP');
    await expect.poll(cursorAt).toBe(first);
    await expect.poll(() => ax(reader).getByRole('status', { name: 'Glossary term' }).textContent()).toMatch(/\S+: \S+/);
    await reader.keyboard.press('Escape');
    await expect.poll(() => glossaryCard(reader).count()).toBe(0);
    expect(await cursorAt()).toBe(-1);
    await reader.close();
  });
});

describe('opening a PDF from the context menu', () => {
  it('opens the reader on the PDF link, attached to the article it was on', async () => {
    const article = await browser.context.newPage();
    await article.goto(SEED_ARTICLE_URL);
    const tabId = await browser.serviceWorker.evaluate(async (url) => {
      const { tabs } = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]> } } }).chrome;
      return (await tabs.query({ url }))[0]!.id;
    }, SEED_ARTICLE_URL);
    const opened = browser.context.waitForEvent('page');
    // A headless browser cannot press a native menu: this hands the menu's own click listener the
    // event Chromium gives it for a click on the item over the attachment link.
    await browser.serviceWorker.evaluate(
      ([id, linkUrl, pageUrl, tab]) => {
        const api = (globalThis as unknown as { chrome: { contextMenus: { onClicked: { dispatch(info: object, tab: object): void } } } }).chrome;
        api.contextMenus.onClicked.dispatch({ menuItemId: id, linkUrl, pageUrl, editable: false }, { id: tab });
      },
      [PDF_LINK_MENU_ID, SEED_PDF_URL, SEED_ARTICLE_URL, tabId] as const,
    );
    const reader = await opened;
    await waitForPages(reader, 4);
    expect(await reader.getByRole('heading', { level: 1 }).innerText()).toBe(SEED_PDF_TITLE);
    expect(await reader.getByRole('link', { name: 'Attached to the article' }).getAttribute('href')).toBe(SEED_ARTICLE_URL);
    await Promise.all([reader.close(), article.close()]);
  });
});

describe('a PDF from this computer', () => {
  let highlightId = '';

  it('opens when dropped on the reader page, and keeps a highlight under its fingerprint and file name', async () => {
    const page = await browser.context.newPage();
    await page.goto(readerBase);
    await dropFile(page, files.first);
    await waitForPages(page, 4);
    expect(await page.getByRole('status').first().innerText()).toContain('come back when you open the same file again');
    await dragAcrossPageBreak(page, 1);
    await highlightButton(page).click();
    await expect.poll(async () => (await listHighlights(page, localKey)).length).toBe(1);
    const [stored] = await listHighlights(page, localKey);
    highlightId = String(stored!.id);
    expect(stored).toMatchObject({ articleUrl: localKey, articleTitle: 'seed.pdf', pdfPage: 1 });
    await page.close();
  });

  it('finds the highlight again when the same file is chosen under another name', async () => {
    const page = await browser.context.newPage();
    await page.goto(readerBase);
    await page.locator('input[type="file"]').setInputFiles(files.renamed);
    await waitForPages(page, 4);
    await expect.poll(() => highlightPages(page, highlightId)).toEqual(['1', '2']);
    await page.close();
  });

  it('is listed on the notes desk under the file name; Open the passage asks for the file, then shows the passage', async () => {
    const notes = await browser.context.newPage();
    await notes.goto(`chrome-extension://${browser.extensionId}/notes.html`);
    const entry = notes.locator(`[data-highlight-id="${highlightId}"]`);
    await entry.waitFor();
    const heading = notes.getByRole('heading', { name: 'seed.pdf' });
    expect(await heading.count()).toBe(1);
    // No address to link the group to: the file is on the reader's computer.
    expect(await heading.getByRole('link').count()).toBe(0);

    const opened = browser.context.waitForEvent('page');
    await entry.getByRole('link', { name: 'Open the passage' }).click();
    const again = await opened;
    await expect.poll(() => again.getByRole('status').first().innerText()).toContain('choose that file again');
    expect(await again.locator('.pdf-page').count()).toBe(0);
    await again.locator('input[type="file"]').setInputFiles(files.renamed);
    await waitForPages(again, 4);
    await expect.poll(() => again.locator(`pr-highlight[data-highlight-id="${highlightId}"]`).first().evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    })).toBe(true);
    await Promise.all([again.close(), notes.close()]);
  });
});
