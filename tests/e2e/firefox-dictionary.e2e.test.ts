import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { launchFirefoxWithExtension, openSitePage, pageOpenedBy, waitForReader } from '../../scripts/lib/firefox';
import { hostBox } from '../../scripts/lib/host-box';
import { phraseEnds } from '../../scripts/lib/phrase-ends';
import { SEED_ARTICLE_URL } from '../../scripts/lib/site-fixtures';

type Box = { x: number; y: number; width: number; height: number };

const downloads = mkdtempSync(join(tmpdir(), 'prospect-firefox-downloads-'));
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchFirefoxWithExtension({ downloadDir: downloads });
  page = await openSitePage(browser, SEED_ARTICLE_URL);
  await waitForReader(page, 'pr-term[data-term-id="icbm"]');
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
 * Where a host of the extension paints on screen, or null (a closed root shows the page only its host).
 * Firefox offers tests no accessibility tree, so the cards' text is read in Chromium's tests.
 */
const shown = (tag: string) => page.evaluate(hostBox, tag) as Promise<Box | null>;

async function until<T>(check: () => Promise<T | null | false>, what: string): Promise<T> {
  const end = Date.now() + 10_000;
  for (;;) {
    const value = await check().catch(() => null);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Rests the real pointer on the word's first character; resolves once its card is outlined and painted. */
async function hoverWord(word: string): Promise<Box> {
  await page.mouse.move(2, 2);
  await until(async () => (await outlined()) === '', 'no outline');
  // An open card (it closes after a grace period) could lie over the word.
  await until(async () => !(await shown('prospect-reader-card')) && !(await shown('prospect-reader-dictionary')), 'no card');
  const at = await page.evaluate(phraseEnds, word);
  await page.mouse.move(at.x1 + 2, at.y1, { steps: 4 });
  await until(async () => (await outlined()) === word, `the outline of ${word}`);
  return until(() => shown('prospect-reader-dictionary'), 'the dictionary card');
}

describe('Firefox ESR: dictionary cards', () => {
  it('hovering an unmarked word outlines it and opens the dictionary card; a curated term keeps its card', async () => {
    expect(await page.evaluate(() => [...document.querySelectorAll('pr-term')].some((t) => t.textContent!.includes('擔憂')))).toBe(false);
    await hoverWord('擔憂');
    expect(await shown('prospect-reader-card')).toBeNull();

    await page.mouse.move(2, 2);
    await until(async () => (await outlined()) === '', 'the outline to go');
    await until(async () => (await shown('prospect-reader-dictionary')) === null, 'the dictionary card to close');
    const term = await page.$('pr-term[data-term-id="icbm"]');
    await term!.scrollIntoView();
    await term!.hover();
    await until(() => shown('prospect-reader-card'), 'the glossary card');
    expect(await outlined()).toBe('');
    expect(await shown('prospect-reader-dictionary')).toBeNull();
  });

  it('walks the words between the terms with Alt+Shift+. and back with Alt+Shift+,', async () => {
    await page.mouse.move(2, 2);
    await until(async () => (await shown('prospect-reader-dictionary')) === null, 'no dictionary card');
    await page.evaluate(() => window.scrollTo(0, 0));
    // The keys go to the page once the reader clicks into it; the pointer then rests on the title's text,
    // and the scrolling to each word slides other text under it: the keyboard's card keeps its place.
    await page.click('h2.title');
    const inMark = () =>
      page.evaluate(() => {
        const highlight = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get('prospect-reader-lookup');
        const range = highlight ? [...highlight][0] : undefined;
        return !!range?.startContainer.parentElement?.closest('pr-term');
      });
    const press = async (key: 'Period' | 'Comma') => {
      await page.keyboard.down('Alt');
      await page.keyboard.down('Shift');
      await page.keyboard.press(key);
      await page.keyboard.up('Shift');
      await page.keyboard.up('Alt');
    };
    await press('Period');
    const first = await until(outlined, 'the first word');
    await until(() => shown('prospect-reader-dictionary'), 'its card');
    expect(await inMark()).toBe(false);
    await press('Period');
    const second = await until(async () => {
      const now = await outlined();
      return now && now !== first ? now : null;
    }, 'the next word');
    expect(await inMark()).toBe(false);
    await press('Comma');
    await until(async () => (await outlined()) === first, `the way back to ${first} from ${second}`);
    await page.keyboard.press('Escape');
    await until(async () => (await shown('prospect-reader-dictionary')) === null, 'the card to close');
  });

  it('Save term on a dictionary word reaches the vocabulary list and the Anki export', async () => {
    const card = await hoverWord('協議');
    // Save term is the card's last row, at its left (term-card.css: .save after the source line).
    await page.mouse.move(card.x + 24, card.y + card.height - 20, { steps: 3 });
    await page.mouse.down();
    await page.mouse.up();
    await page.mouse.move(2, 2);

    // The reader bar's Notes button opens the desk: from the page's last link, Tab goes into the bar
    // (grip, 繁, 简, glosses, reading level, Notes).
    const notes = await pageOpenedBy(browser, async () => {
      await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('a[href]')].at(-1)!.focus());
      for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
    });
    const tab = await notes.waitForSelector('::-p-xpath(//button[@role="tab"][starts-with(normalize-space(), "Vocabulary")])');
    await tab!.click();
    const term = await until(
      () => notes.$$eval('.term', (els) => els.map((e) => (e as HTMLElement).innerText).find((t) => t.includes('協議')) ?? null),
      'the saved word on the desk',
    );
    expect(term).toContain('agreement');
    expect(await notes.$eval('.term .sentence strong', (el) => el.textContent)).toBe('協議');
    expect(term).toContain('雙方簽署零部件採購協議');

    await (await notes.waitForSelector('::-p-xpath(//button[normalize-space()="Export Anki (vocabulary)"])'))!.click();
    const file = await until(async () => readdirSync(downloads).find((f) => f.endsWith('.txt')) ?? null, 'the Anki file');
    const anki = await until(async () => readFileSync(join(downloads, file), 'utf8') || null, 'the file to be written');
    expect(anki).toMatch(/^協議\t协议\txié yì\tagreement; pact; protocol\tFrom CC-CEDICT \(CC BY-SA 4\.0\)\t.*<b>協議<\/b>/m);
    await notes.close();
  });
});
