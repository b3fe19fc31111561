import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { SEED_ARTICLE_URL } from '../../scripts/lib/site-fixtures';
import { bluePixels, TERM, waitForMarks } from './support';
import { ax } from '../../scripts/lib/ax';

let browser: ExtensionBrowser;
let article: Page;
let options: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  article = await browser.context.newPage();
  await article.goto(SEED_ARTICLE_URL);
  await waitForMarks(article, 20);
  options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByRole('heading', { name: 'Prospect Reader settings' }).waitFor();
});
afterAll(async () => {
  await browser?.close();
});

const markedTexts = (page: Page) => page.$$eval(TERM, (els) => els.map((e) => e.textContent));

/** The middle of the nth place the text occurs in the article, in viewport coordinates after scrolling there. */
async function placeOf(page: Page, text: string, nth = 0): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([wanted, n]) => {
      const body = document.querySelector('section.cp > div.container')!;
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        for (let at = node.data.indexOf(wanted as string); at >= 0; at = node.data.indexOf(wanted as string, at + 1)) {
          if (seen++ < (n as number)) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + (wanted as string).length);
          window.scrollBy(0, range.getBoundingClientRect().top - window.innerHeight / 2);
          const box = range.getBoundingClientRect();
          return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
        }
      }
      throw new Error(`${wanted as string} is not in the article`);
    },
    [text, nth] as const,
  );
}

/**
 * Rests the real mouse on the text (the reader's own entries have no element to hover) and returns the
 * glossary card's text; '' when none opens (the dictionary's card, named otherwise, may open instead).
 */
async function cardAt(page: Page, text: string, name = 'Glossary term'): Promise<string> {
  await page.mouse.move(2, 2);
  await expect.poll(() => ax(page).getByRole('tooltip').count()).toBe(0);
  const card = ax(page).getByRole('tooltip', { name });
  const { x, y } = await placeOf(page, text);
  await page.mouse.move(x - 4, y, { steps: 2 });
  await page.mouse.move(x, y, { steps: 2 });
  try {
    await card.waitFor({ timeout: 2_000 });
    return await card.innerText();
  } catch {
    return '';
  }
}

/** What a page script can see of the article: its markup, every CSS highlight's text, the hosts' roots. */
const pageView = (page: Page) =>
  page.evaluate(() => ({
    markup: document.querySelector('section.cp > div.container')!.innerHTML,
    highlighted: [...CSS.highlights.values()].flatMap((h) => [...h].map((r) => r.toString())),
    openRoots: [...document.querySelectorAll('*')].filter((el) => el.shadowRoot).length,
    personalIds: document.querySelectorAll('[data-term-id^="personal"]').length,
  }));

describe('the personal glossary', () => {
  it('finds a term typed in Simplified on the open Traditional article, without a reload, and the page sees no trace of it', async () => {
    const before = await pageView(article);
    expect(await cardAt(article, '全面恢復')).toBe('');
    await options.getByLabel('Term', { exact: true }).fill('全面恢复');
    await options.getByLabel('English', { exact: true }).fill('full restoration');
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => options.getByRole('status').first().innerText()).toBe('Added 全面恢复.');
    expect(await options.locator('table.entries').innerText()).toContain('全面恢復 / 全面恢复');

    // The article tab opened before the change draws it, and its card opens under the resting pointer.
    await article.bringToFront();
    await expect.poll(() => cardAt(article, '全面恢復'), { timeout: 10_000 }).toContain('full restoration');
    expect(await cardAt(article, '全面恢復')).toMatch(/2 times in this article/);
    await article.mouse.move(5, 5);

    // Drawn under a closed root: the article's markup is exactly what it was before the entry existed.
    const after = await pageView(article);
    expect(after).toEqual(before);
    expect(after.markup).not.toContain('全面恢復</');
    expect(after.highlighted.join(' ')).not.toContain('全面恢復');
    expect(await markedTexts(article)).not.toContain('全面恢復');

    // The keyboard's term cursor walks to it too, and its card says it.
    await placeOf(article, '全面恢復');
    await article.evaluate(() => window.scrollBy(0, window.innerHeight / 2 - 40));
    const status = ax(article).getByRole('status', { name: 'Glossary term' });
    let spoken = '';
    for (let i = 0; i < 12 && !spoken.startsWith('全面恢復'); i++) {
      await article.keyboard.press('Alt+Shift+KeyN');
      await article.waitForTimeout(120);
      spoken = (await status.textContent()) ?? '';
    }
    expect(spoken).toBe('全面恢復: full restoration');
    expect(await ax(article).getByRole('tooltip').innerText()).toContain('full restoration');
    expect(await article.locator('[data-pr-cursor]').count()).toBe(0);
    await article.keyboard.press('Escape');

    // A tab opened afterwards gets it too.
    const fresh = await browser.context.newPage();
    await fresh.goto(SEED_ARTICLE_URL);
    await waitForMarks(fresh, 20);
    expect(await cardAt(fresh, '全面恢復')).toContain('full restoration');
    // Its first marks came from the background, which leaves the reader's own entries out of them.
    expect((await pageView(fresh)).personalIds).toBe(0);
    expect(await markedTexts(fresh)).not.toContain('全面恢復');
    await fresh.close();
  });

  it("gives a page no way to find the reader's words by where their underlines are drawn", async () => {
    // A page script's probe: the word far off inside a clipped box, then the document's scroll size.
    const probe = (word: string) =>
      article.evaluate(async (w) => {
        const size = () => [document.documentElement.scrollWidth, document.documentElement.scrollHeight];
        const before = size();
        const box = document.createElement('p');
        box.style.cssText = 'overflow: hidden; height: 2em; position: relative';
        const far = document.createElement('span');
        far.style.cssText = 'position: absolute; left: 100000px; top: 50000px';
        far.textContent = w;
        box.append(far);
        document.querySelector('section.cp > div.container')!.append(box);
        await new Promise((r) => setTimeout(r, 800));
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const after = size();
        box.remove();
        return { before, after };
      }, word);
    // The box itself adds its line to the height: the reader's word must add nothing more than a stranger's.
    const grew = ({ before, after }: { before: number[]; after: number[] }) => after.map((n, i) => n - before[i]!);
    const control = grew(await probe('完全不相干'));
    expect(control[0]).toBe(0);
    expect(grew(await probe('全面恢復'))).toEqual(control);

    // The reader still sees the line: blue dots under the word in view, also after a scroll.
    const { x, y } = await placeOf(article, '全面恢復');
    await article.evaluate(() => window.scrollBy(0, 30));
    await article.waitForTimeout(100);
    const clip = { x: x - 40, y: y - 30 - 12, width: 80, height: 32 };
    const png = await article.screenshot({ clip });
    const blue = await bluePixels(article, png, 40);
    expect(blue).toBeGreaterThan(5);
  });

  it('imports a CSV only after the preview is confirmed, leaving out the bad row', async () => {
    await options.bringToFront();
    const csv = [
      'term,english,simplified,pinyin,explanation,category',
      '拉韓制日,"Court Seoul, check Tokyo",,lā hán zhì rì,Beijing’s aim of drawing South Korea away from Japan.,diplomacy',
      '黃海,,,,,place',
      '慶州,Gyeongju,,,,place',
    ].join('\r\n');
    await options.getByLabel('Import CSV or TSV').setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`) });
    const preview = options.locator('.preview');
    await preview.waitFor();
    expect(await preview.innerText()).toContain('Preview of mine.csv: 2 rows ready, 1 with errors (left out).');
    expect(await preview.locator('tr.bad').innerText()).toContain('English is missing');
    // Nothing is stored before the reader confirms.
    expect(await options.locator('table.entries').innerText()).not.toContain('拉韓制日');

    await options.getByRole('button', { name: 'Import 2 rows' }).click();
    await expect.poll(() => options.getByRole('status').last().innerText()).toBe('Imported: 2 added, 0 updated.');
    const entries = await options.locator('table.entries').innerText();
    expect(entries).toContain('拉韓制日');
    expect(entries).toContain('Court Seoul, check Tokyo');
    expect(entries).toContain('慶州');
    expect(entries).not.toContain('黃海');
    await article.bringToFront();
    await expect.poll(() => cardAt(article, '拉韓制日'), { timeout: 10_000 }).toContain('Court Seoul, check Tokyo');
  });

  it('refuses a malformed file with a clear message and changes nothing', async () => {
    const before = await options.locator('table.entries').innerText();
    await options.getByLabel('Import CSV or TSV').setInputFiles({ name: 'words.csv', mimeType: 'text/csv', buffer: Buffer.from('word,meaning\n北約,NATO\n') });
    const alert = options.getByRole('alert');
    await expect.poll(() => alert.innerText()).toBe('Nothing was imported. The header row must name the columns term, english.');
    await options
      .getByLabel('Import CSV or TSV')
      .setInputFiles({ name: 'photo.csv', mimeType: 'text/csv', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00, 0x01]) });
    await expect.poll(() => alert.innerText()).toBe('Nothing was imported. The file could not be read as UTF-8 text.');
    expect(await options.locator('.preview').count()).toBe(0);
    expect(await options.locator('table.entries').innerText()).toBe(before);
  });

  it('switches the options page and the card to Chinese when the reader picks 中文', async () => {
    await options.getByLabel('Language').selectOption('zh');
    await options.getByRole('heading', { name: 'Prospect Reader 設定' }).waitFor();
    expect(await options.getByLabel('詞彙', { exact: true }).count()).toBe(1);
    expect(await options.getByRole('button', { name: '新增', exact: true }).count()).toBe(1);
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('zh-Hant');

    await article.bringToFront();
    expect(await cardAt(article, '全面恢復', '詞彙說明')).toMatch(/本文出現 2 次/);
    expect(await ax(article).getByRole('tooltip').getAttribute('aria-label')).toBe('詞彙說明');
    // Every in-page UI follows the language, not only the card: the reader bar, drawn before the change.
    const bar = ax(article).getByRole('toolbar', { name: 'Prospect Reader' });
    await expect.poll(() => bar.getByRole('button', { name: '筆記' }).count()).toBe(1);
  });
});

describe('the theme setting', () => {
  it('turns the card and the reader bar dark in an open article, whatever the system says', async () => {
    await article.emulateMedia({ colorScheme: 'light' });
    // The test before left the interface in Chinese: pick the theme by value.
    await options.getByLabel('主題').selectOption('dark');
    const bar = article.locator('prospect-reader-bar');
    await expect.poll(() => bar.getAttribute('data-theme')).toBe('dark');
    const barBackground = await ax(article)
      .getByRole('toolbar', { name: 'Prospect Reader' })
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(barBackground).toBe('rgb(32, 33, 36)');
    await article.locator(TERM).first().hover();
    const card = ax(article).getByRole('tooltip');
    await expect.poll(() => card.isVisible()).toBe(true);
    // One palette (components/common/palette.css): the card is as dark as the bar.
    expect(await card.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(32, 33, 36)');
    await article.mouse.move(1, 1);
    await options.getByLabel('主題').selectOption('system');
    await expect.poll(() => bar.getAttribute('data-theme')).toBe('system');
  });
});

type StorageArea = { storage: { local: { set(items: object): Promise<void> } } };
/** Writes the reader's glossary as the options page stores it. */
const setPersonalGlossary = (value: { entries: []; hidden: string[] }) =>
  options.evaluate((v) => (globalThis as unknown as { chrome: StorageArea }).chrome.storage.local.set({ personalGlossary: v }), value);

describe('one glossary for marking, card and glosses', () => {
  it('glosses a built-in term the reader shows again, in the open tab, without a reload', async () => {
    const icbm = article.locator(`${TERM}[data-term-id="icbm"]`);
    // The article starts with the term hidden, so the page's first glossary has no entry for it.
    await setPersonalGlossary({ entries: [], hidden: ['icbm'] });
    await article.reload();
    await waitForMarks(article, 20);
    expect(await icbm.count()).toBe(0);
    await article.bringToFront();
    await ax(article).getByRole('toolbar', { name: 'Prospect Reader' }).getByRole('combobox', { name: /Gloss/ }).selectOption('after');
    await expect.poll(() => article.locator(`${TERM}[data-pr-gloss]`).count()).toBeGreaterThan(0);

    await setPersonalGlossary({ entries: [], hidden: [] });
    await expect.poll(() => icbm.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => icbm.first().getAttribute('data-pr-gloss'), { timeout: 10_000 }).toMatch(/^intercontinental ballistic missile/);
  });
});
