import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { launchFirefoxWithExtension, openSitePage } from '../../scripts/lib/firefox';
import { phraseEnds } from '../../scripts/lib/phrase-ends';
import { SEED_ARTICLE_URL } from '../../scripts/lib/site-fixtures';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchFirefoxWithExtension();
  page = await openSitePage(browser, SEED_ARTICLE_URL);
  await page.waitForSelector('pr-term[data-term-id="icbm"]', { timeout: 15_000 });
});
afterAll(async () => {
  await browser?.close();
});

/** The word the lookup outline covers: the Custom Highlight is drawn only once the background answered with a word. */
const outlined = () =>
  page.evaluate(() => {
    const highlight = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get('prospect-reader-lookup');
    return highlight ? [...highlight].map((r) => r.toString()).join('') : '';
  });

/**
 * Which of the extension's cards are painted in the viewport (a closed root shows the page only its
 * host). Firefox offers tests no accessibility tree, so the cards' text is read in Chromium's tests.
 */
const cardsShown = () =>
  page.evaluate(() => {
    const hosts = new Set<string>();
    for (let y = 0; y < innerHeight; y += 12) {
      for (let x = 0; x < innerWidth; x += 12) {
        const tag = document.elementFromPoint(x, y)?.tagName.toLowerCase() ?? '';
        if (tag === 'prospect-reader-card' || tag === 'prospect-reader-dictionary') hosts.add(tag);
      }
    }
    return [...hosts].sort().join(' ');
  });

describe('Firefox ESR: dictionary cards', () => {
  it('hovering an unmarked word outlines it and opens the dictionary card; a curated term keeps its card', async () => {
    expect(await page.evaluate(() => [...document.querySelectorAll('pr-term')].some((t) => t.textContent!.includes('擔憂')))).toBe(false);
    const word = await page.evaluate(phraseEnds, '擔憂');
    await page.mouse.move(word.x1 + 2, word.y1, { steps: 4 });
    await page.waitForFunction(
      () => (CSS as unknown as { highlights?: Map<string, unknown> }).highlights?.has('prospect-reader-lookup'),
      { timeout: 5000 },
    );
    expect(await outlined()).toBe('擔憂');
    await expect.poll(cardsShown).toBe('prospect-reader-dictionary');

    await page.mouse.move(2, 2);
    await expect.poll(outlined, { timeout: 3000 }).toBe('');
    expect(await cardsShown()).toBe('');
    const term = await page.$('pr-term[data-term-id="icbm"]');
    await term!.scrollIntoView();
    await term!.hover();
    await expect.poll(cardsShown, { timeout: 3000 }).toBe('prospect-reader-card');
    expect(await outlined()).toBe('');
  });
});
