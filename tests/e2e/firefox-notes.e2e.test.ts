import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { launchFirefoxWithExtension, openSitePage, pageOpenedBy } from '../../scripts/lib/firefox';
import { SEED_ARTICLE_URL } from '../../scripts/lib/site-fixtures';
import { exportW3cJson } from '../../utils/export/w3c-json';
import { makeHighlight } from '../unit/records';

let browser: Browser;
let notes: Page;

const imported = makeHighlight({
  articleUrl: SEED_ARTICLE_URL,
  quote: { type: 'TextQuoteSelector', exact: '務實外交', prefix: '', suffix: '' },
  color: 'green',
  note: 'from Firefox',
  tags: ['外交'],
});

// The desk's controls by their visible text or label (extension pages, no shadow roots).
const button = (page: Page, name: string) => page.waitForSelector(`::-p-xpath(//button[normalize-space()=${JSON.stringify(name)}])`);
const text = (page: Page, selector: string) => page.$eval(selector, (el) => (el as HTMLElement).innerText);

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const end = Date.now() + 10_000;
  while (!(await check().catch(() => false))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  browser = await launchFirefoxWithExtension();
  const article = await openSitePage(browser, SEED_ARTICLE_URL);
  await article.waitForSelector('pr-term');
  // The reader bar's Notes button opens the desk, as a keyboard reader reaches it: from the page's
  // last link, Tab goes into the bar (grip, 繁, 简, glosses, reading level, Notes).
  await article.waitForSelector('prospect-reader-bar');
  notes = await pageOpenedBy(browser, async () => {
    await article.evaluate(() => [...document.querySelectorAll<HTMLElement>('a[href]')].at(-1)!.focus());
    for (let i = 0; i < 6; i++) await article.keyboard.press('Tab');
    await article.keyboard.press('Enter');
  });
  await notes.waitForSelector('input[type="search"]');
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe('Firefox ESR: the notes desk and the sidebar', () => {
  it('imports a backup and lists it', async () => {
    const path = `/tmp/prospect-firefox-backup-${process.pid}.json`;
    writeFileSync(path, exportW3cJson({ highlights: [imported], savedTerms: [] }, { exportedAt: new Date(), newId: () => crypto.randomUUID() }).content);
    const input = (await notes.waitForSelector('input[type="file"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(path);
    await until(async () => (await text(notes, '.count')).startsWith('1 of 1'), 'the imported highlight');
    expect(await text(notes, 'button.note')).toBe('from Firefox');
  });

  it('edits a note in place, and keeps it over a reload', async () => {
    await (await notes.waitForSelector('button.note'))!.click();
    const box = (await notes.waitForSelector('textarea'))!;
    await box.evaluate((el) => (el as HTMLTextAreaElement).select());
    await box.type('edited in Firefox');
    await (await button(notes, 'Done'))!.click();
    await until(async () => (await text(notes, '[role="status"]')) === 'Saved.', 'the save');
    // Reloaded from inside: BiDi's own reload waits for a navigation event an extension page does not send it.
    await notes.evaluate(() => location.reload());
    await new Promise((r) => setTimeout(r, 500));
    await until(async () => (await text(notes, 'button.note')) === 'edited in Firefox', 'the saved note');
  });

  it('exports the JSON backup and records it as the last backup; a filtered export is no backup', async () => {
    expect(await text(notes, '.last-backup')).toBe('Last backup: never.');
    // Opened from the article, the desk shows that article only: its export is a selection.
    await (await button(notes, 'Export JSON (backup)'))!.click();
    await until(async () => (await text(notes, '[role="status"]')).startsWith('Downloaded prospect-reader-backup-selection-'), 'the selection');
    expect(await text(notes, '.last-backup')).toBe('Last backup: never.');
    await notes.select('select[aria-labelledby="notes-article-label"]', '');
    await (await button(notes, 'Export JSON (backup)'))!.click();
    await until(async () => /^Downloaded prospect-reader-backup-\d/.test(await text(notes, '[role="status"]')), 'the download');
    await until(async () => (await text(notes, '.last-backup')) === 'Last backup: today.', 'the backup line');
  });

  it('opens the sidebar page, which lists only the active tab’s article', async () => {
    // The desk's tab becomes the sidebar page (the same page Firefox's sidebar shows).
    await notes.evaluate(() => location.assign('/sidepanel.html'));
    await new Promise((r) => setTimeout(r, 500));
    // Here the active tab is the sidebar page itself, which shows no article.
    await until(async () => (await text(notes, '.count')).startsWith('0 of 1 highlights shown'), 'the sidebar list');
    expect(await text(notes, '.count')).toContain('Open an article on www.pf.org.tw');
  });
});
