import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { launchFirefoxWithExtension, openSitePage } from '../../scripts/lib/firefox';
import { SEED_ARTICLE_URL } from '../../scripts/lib/site-fixtures';

let browser: Browser;

beforeAll(async () => {
  browser = await launchFirefoxWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

describe('Firefox ESR', () => {
  it('loads the extension, marks the seed article and shows a card on hover', async () => {
    const page = await openSitePage(browser, SEED_ARTICLE_URL);
    await page.waitForSelector('pr-term[data-term-id="icbm"]', { timeout: 15_000 });
    expect(await page.$$eval('header pr-term, footer pr-term', (els) => els.length)).toBe(0);
    await page.hover('pr-term[data-term-id="icbm"]');
    const card = await page.waitForSelector('prospect-reader-card >>> [role="tooltip"]', { visible: true });
    expect(await card!.evaluate((el) => el.textContent)).toContain('intercontinental ballistic missile');
  });

  it('leaves a listing alone', async () => {
    const page = await openSitePage(browser, 'https://www.pf.org.tw/tw/pfch/34.html');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await page.$$eval('pr-term', (els) => els.length)).toBe(0);
  });
});
