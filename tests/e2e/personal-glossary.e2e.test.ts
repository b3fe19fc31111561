import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { SEED_ARTICLE_URL } from '../../scripts/lib/site-fixtures';
import { TERM, waitForMarks } from './support';
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

describe('the personal glossary', () => {
  it('finds a term typed in Simplified on the open Traditional article, without a reload', async () => {
    expect(await markedTexts(article)).not.toContain('韓中關係');
    await options.getByLabel('Term', { exact: true }).fill('韩中关系');
    await options.getByLabel('English', { exact: true }).fill('Korea–China relations');
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => options.getByRole('status').first().innerText()).toBe('Added 韩中关系.');
    expect(await options.locator('table.entries').innerText()).toContain('韓中關係 / 韩中关系');

    // The article tab opened before the change re-marks itself.
    await expect.poll(() => markedTexts(article), { timeout: 10_000 }).toContain('韓中關係');
    expect(await article.$$eval(TERM, (els) => els.filter((e) => e.textContent === '韓中關係').length)).toBe(3);
    await article.bringToFront();
    await article.locator(TERM, { hasText: '韓中關係' }).first().hover();
    const card = ax(article).getByRole('tooltip');
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await card.innerText()).toContain('Korea–China relations');
    await article.mouse.move(5, 5);

    // A tab opened afterwards gets it too.
    const fresh = await browser.context.newPage();
    await fresh.goto(SEED_ARTICLE_URL);
    await waitForMarks(fresh, 20);
    expect(await markedTexts(fresh)).toContain('韓中關係');
    await fresh.close();
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
    await expect.poll(() => markedTexts(article), { timeout: 10_000 }).toContain('拉韓制日');
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
    await article.locator(TERM, { hasText: '韓中關係' }).first().hover();
    const card = ax(article).getByRole('tooltip');
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await card.getAttribute('aria-label')).toBe('詞彙說明');
    expect(await card.innerText()).toMatch(/本文出現 3 次/);
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
