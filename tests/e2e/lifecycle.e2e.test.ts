import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { SEED_ARTICLE_URL } from '../../scripts/lib/site-fixtures';
import { highlightPhrase, HL, waitForMarks } from './support';

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

describe('when the extension is reloaded or updated', () => {
  it('the old content script takes every mark, highlight, host and style out of the page', async () => {
    const page = await browser.context.newPage();
    await page.goto(SEED_ARTICLE_URL);
    await waitForMarks(page, 20);
    await highlightPhrase(page, '以國家利益為核心的「務實外交」');
    const original = await page.evaluate(() => document.querySelector('section.cp > div.container')!.textContent);
    const ours = () =>
      page.evaluate(() => ({
        marks: document.querySelectorAll('pr-term, pr-highlight').length,
        hosts: [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('prospect-reader-')).map((el) => el.localName),
        styles: [...document.querySelectorAll('style[id^="prospect-reader"]')].map((el) => el.id),
      }));
    expect((await ours()).hosts.length).toBeGreaterThan(0);
    expect(await page.locator(HL).count()).toBeGreaterThan(0);

    await browser.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload());
    await expect.poll(ours, { timeout: 10_000 }).toEqual({ marks: 0, hosts: [], styles: [] });
    // The article's text is as it was, in one piece again.
    expect(await page.evaluate(() => document.querySelector('section.cp > div.container')!.textContent)).toBe(original);
    await page.close();
  });
});
