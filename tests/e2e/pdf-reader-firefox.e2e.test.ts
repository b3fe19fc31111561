import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { launchFirefoxWithExtension, openSitePage, waitInExtensionPage } from '../../scripts/lib/firefox';
import { articlePdf, SEED_PDF_TITLE, SEED_PDF_URL } from '../../scripts/lib/pdf-fixtures';
import { SEED_ARTICLE_URL } from '../../scripts/lib/site-fixtures';

let firefox: Browser;
let seed: Buffer;

beforeAll(async () => {
  seed = await articlePdf(1);
  firefox = await launchFirefoxWithExtension();
});
afterAll(async () => {
  await firefox?.close();
});

// The extension's UI is found in these helpers only, by role and name where puppeteer's ARIA query
// reaches (not into shadow roots in Firefox), so they can move to the accessibility tree.
const byRole = (role: string, name: string) => `::-p-aria([name="${name}"][role="${role}"])`;

/** The reader page's tab (puppeteer names an extension page's address about:blank in Firefox, so ask the page). */
async function readerTab(): Promise<Page> {
  for (let tries = 0; tries < 40; tries++) {
    for (const page of await firefox.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.includes('/pdf-reader.html')) return page;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the reader page did not open');
}

async function waitForMarkedPages(page: Page): Promise<void> {
  await waitInExtensionPage(page, () => document.querySelectorAll('.pdf-text-layer').length >= 4 && document.querySelector('.pdf-text-layer pr-term') !== null, 30_000);
}

describe('the PDF reader in Firefox ESR', () => {
  let reader: Page;

  it('opens the reader page on the attachment from the article page, and says why it could not download it', async () => {
    const article = await openSitePage(firefox, SEED_ARTICLE_URL);
    // The button sits in a closed root: the page can tell where its host is drawn, and the mouse presses it.
    await article.waitForSelector('prospect-reader-pdf-link');
    await article.$eval('prospect-reader-pdf-link', (el) => el.scrollIntoView({ block: 'center' }));
    const box = await article.$eval('prospect-reader-pdf-link', (el) => el.getBoundingClientRect().toJSON() as { x: number; y: number; width: number; height: number });
    await article.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    reader = await readerTab();
    const target = new URL(await reader.evaluate(() => location.href)).searchParams;
    expect(target.get('pdf')).toBe(SEED_PDF_URL);
    expect(target.get('article')).toBe(SEED_ARTICLE_URL);
    // Puppeteer cannot answer an extension page's own fetch in Firefox, and this machine has no
    // network: the page must say so rather than stay blank.
    const alert = await reader.waitForSelector('[role="alert"]', { timeout: 20_000 });
    expect(await alert!.evaluate((el) => el.textContent)).toContain('could not be downloaded');
  });

  it('opens a PDF file chosen on the reader page and switches it to the text view', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'prospect-pdf-')), 'forum.pdf');
    writeFileSync(file, seed);
    const input = (await reader.waitForSelector('input[type="file"]'))!;
    await input.uploadFile(file);
    await waitInExtensionPage(reader, () => document.querySelector('[role="status"]')?.textContent?.includes('A file from this computer') === true);
    await waitForMarkedPages(reader);
    await (await reader.waitForSelector(byRole('button', 'Text')))!.click();
    await reader.waitForSelector('article.pdf-text-view pr-term', { timeout: 20_000 });
    expect(await reader.$eval('article.pdf-text-view', (a) => a.textContent)).toContain('韓半島和平');
    expect(await reader.$eval('article.pdf-text-view h1', (h) => h.textContent)).toBe(SEED_PDF_TITLE);
  });
});
