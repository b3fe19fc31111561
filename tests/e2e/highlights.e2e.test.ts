import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { readFixture, SEED_ARTICLE_URL } from '../../scripts/lib/site-fixtures';
import { dragSelect, highlightIds, highlightPhrase, highlightText, HL, openCard, scrollTo, waitForMarks } from './support';
import { ax } from '../../scripts/lib/ax';

const SEED = readFixture('pf-tw-article-34-12001.html');
const TYPO_QUOTE = '這是韓國總統時隔九年的對中國是訪問';
const DOOMED_QUOTE = '讓一向擔憂美軍斬首行動的北韓更為緊張';
const NOTE = 'Compare with the <b>2017</b> visit & THAAD';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

async function open(url: string, html?: string): Promise<Page> {
  const page = await browser.context.newPage();
  // A page-level route wins over the context's fixtures: the site serving another version of the article.
  if (html !== undefined) await page.route(/^https?:\/\/(www\.)?pf\.org\.tw\/tw\/pfch\/34-12001\.html/, (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(url);
  await waitForMarks(page, 20);
  return page;
}

describe('highlights in the seed article', () => {
  let firstId = '';
  let doomedId = '';

  it('drag-select, Highlight, a note typed into the card; a reload brings both back', async () => {
    const page = await open(SEED_ARTICLE_URL);
    firstId = await highlightPhrase(page, TYPO_QUOTE);
    expect(await highlightText(page, firstId)).toBe(TYPO_QUOTE);
    const card = await openCard(page, firstId);
    expect(await card.getByRole('textbox', { name: 'Note' }).evaluate((el) => el.tagName)).toBe('TEXTAREA');
    await card.getByRole('textbox', { name: 'Note' }).pressSequentially(NOTE);
    await expect.poll(() => card.getByRole('status').innerText()).toBe('Saved');
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);
    doomedId = await highlightPhrase(page, DOOMED_QUOTE, undefined, 'Blue');
    expect(await page.getAttribute(`${HL}[data-highlight-id="${doomedId}"]`, 'data-color')).toBe('blue');

    await page.reload();
    await waitForMarks(page, 20);
    await page.waitForSelector(`${HL}[data-highlight-id="${firstId}"]`);
    expect(await highlightText(page, firstId)).toBe(TYPO_QUOTE);
    const again = await openCard(page, firstId);
    expect(await again.getByRole('textbox', { name: 'Note' }).inputValue()).toBe(NOTE);
    // The note's markup stays text: no <b> anywhere in the card.
    expect(await again.evaluate((el) => el.querySelectorAll('b').length)).toBe(0);
    await page.close();
  });

  it('keeps a note typed just before the tab is closed', async () => {
    const page = await open(SEED_ARTICLE_URL);
    const id = await highlightPhrase(page, '換取北韓「凍結」核武發展');
    const card = await openCard(page, id);
    await card.getByRole('textbox', { name: 'Note' }).pressSequentially('closed at once');
    // Well inside the autosave pause: only the flush on pagehide can save it.
    await page.close({ runBeforeUnload: true });
    const again = await open(SEED_ARTICLE_URL);
    await again.waitForSelector(`${HL}[data-highlight-id="${id}"]`);
    const reopened = await openCard(again, id);
    expect(await reopened.getByRole('textbox', { name: 'Note' }).inputValue()).toBe('closed at once');
    await again.close();
  });

  it('selects from a press on a marked term and from a press inside a highlight, as a reader drags', async () => {
    const page = await open(SEED_ARTICLE_URL);
    const phrase = '李在明主張雖然長期目標仍是無核化';
    // The drag starts on 李在明, a marked term.
    expect(await page.evaluate((p) => {
      const para = [...document.querySelectorAll('section.cp p')].find((e) => e.textContent!.includes(p))!;
      return [...para.querySelectorAll('pr-term')].some((t) => t.textContent === '李在明');
    }, phrase)).toBe(true);
    const id = await highlightPhrase(page, phrase);
    expect(await highlightText(page, id)).toBe(phrase);

    // A press inside that highlight starts a new selection too (and opens no card).
    const inner = '長期目標仍是無核化';
    await dragSelect(page, inner);
    expect(await page.evaluate(() => document.getSelection()!.toString())).toBe(inner);
    expect(await ax(page).getByRole('dialog').count()).toBe(0);
    await expect.poll(() => ax(page).getByRole('toolbar', { name: 'Highlight the selection' }).isVisible()).toBe(true);
    await page.close();
  });

  it('finds them through another form of the address (no www, query, fragment)', async () => {
    const page = await open('https://pf.org.tw/tw/pfch/34-12001.html?ref=x#y');
    await page.waitForSelector(`${HL}[data-highlight-id="${firstId}"]`);
    expect(await highlightText(page, firstId)).toBe(TYPO_QUOTE);
    await page.close();
  });

  it('re-attaches to an edited article (paragraph inserted before, typo fixed) and lists the one whose paragraph went', async () => {
    const edited = SEED.replace('<p class="lead">', '<p>編者補充：本文於刊出後更新，加入一段新的背景說明，供讀者參考。</p>\n      <p class="lead">')
      .replace('對中國是訪問', '對中國訪問')
      .replace(/<p>另一方面，北韓對於[\s\S]*?<\/p>/, '');
    const page = await open(SEED_ARTICLE_URL, edited);
    await page.waitForSelector(`${HL}[data-highlight-id="${firstId}"]`);
    expect(await highlightText(page, firstId)).toBe('這是韓國總統時隔九年的對中國訪問');
    const orphans = ax(page).getByRole('region', { name: /could not be placed/ });
    await expect.poll(() => orphans.isVisible()).toBe(true);
    expect(await orphans.innerText()).toContain(DOOMED_QUOTE);
    expect(await page.locator(`${HL}[data-highlight-id="${doomedId}"]`).count()).toBe(0);
    await orphans.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => orphans.count()).toBe(0);
    await page.close();
    // Not deleted: the original article shows it again.
    const original = await open(SEED_ARTICLE_URL);
    await original.waitForSelector(`${HL}[data-highlight-id="${doomedId}"]`);
    await original.close();
  });

  it('draws across two paragraphs and across term marks, and the term card still opens on a highlighted term', async () => {
    const page = await open(SEED_ARTICLE_URL);
    const termsBefore = await page.$$eval('pr-term', (els) => els.map((e) => e.textContent).join('|'));
    const across = await highlightPhrase(page, '所以必須與中國恢復友好關係', '因此，早在他訪問日美的同時');
    const text = (await highlightText(page, across)).replace(/\s/g, '');
    expect(text).toBe('所以必須與中國恢復友好關係。因此，早在他訪問日美的同時');
    expect(await page.$$eval(`${HL} p, ${HL} div`, (els) => els.length)).toBe(0);

    const overTerms = await highlightPhrase(page, '彈道飛彈（ICBMs）、不試射');
    expect(await highlightText(page, overTerms)).toBe('彈道飛彈（ICBMs）、不試射');
    expect(await page.$$eval('pr-term', (els) => els.map((e) => e.textContent).join('|'))).toBe(termsBefore);
    expect(await page.$$eval('pr-term pr-term', (els) => els.length)).toBe(0);

    // Highlights wrap text, never elements: here the highlight lies inside the term marks.
    const term = page.locator(`pr-term[data-term-id="icbm"]:has(${HL}[data-highlight-id="${overTerms}"])`).last();
    expect(await term.textContent()).toBe('ICBMs');
    await term.hover();
    await expect.poll(() => ax(page).getByRole('tooltip').isVisible()).toBe(true);
    expect(await ax(page).getByRole('tooltip').innerText()).toContain('intercontinental ballistic missile');
    await page.close();
  });

  it('deletes with Undo', async () => {
    const page = await open(SEED_ARTICLE_URL);
    await page.waitForSelector(`${HL}[data-highlight-id="${doomedId}"]`);
    const card = await openCard(page, doomedId);
    await card.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.locator(`${HL}[data-highlight-id="${doomedId}"]`).count()).toBe(0);
    await ax(page).getByRole('button', { name: 'Undo' }).click();
    await page.waitForSelector(`${HL}[data-highlight-id="${doomedId}"]`);
    await page.reload();
    await waitForMarks(page, 20);
    await page.waitForSelector(`${HL}[data-highlight-id="${doomedId}"]`);
    await page.close();
  });

  it('shows a highlight made in one tab in another tab of the same article', async () => {
    const a = await open(SEED_ARTICLE_URL);
    const b = await open('https://pf.org.tw/tw/pfch/34-12001.html?utm_source=x');
    await b.waitForSelector(`${HL}[data-highlight-id="${firstId}"]`);
    await a.bringToFront();
    const id = await highlightPhrase(a, '緩解雙方因部署');
    await b.waitForSelector(`${HL}[data-highlight-id="${id}"]`, { timeout: 10_000 });
    expect(await highlightText(b, id)).toBe('緩解雙方因部署');
    await a.close();
    await b.close();
  });

  it('refuses the whole page (Ctrl+A), and highlights a selection sent by the context menu or the shortcut', async () => {
    const page = await open(SEED_ARTICLE_URL);
    // The stored highlights are drawn after the terms are marked: count them once they are there.
    await page.waitForSelector(`${HL}[data-highlight-id="${firstId}"]`);
    const before = await highlightIds(page);
    await page.locator('h2.title').click();
    await page.keyboard.press('Control+A');
    await page.waitForTimeout(600);
    expect(await ax(page).getByRole('toolbar', { name: 'Highlight the selection' }).count()).toBe(0);
    const forward = () =>
      browser.serviceWorker.evaluate(async () => {
        // The message the background's forwardHighlight sends for a context-menu click.
        type Tabs = { query(q: object): Promise<{ id?: number }[]>; sendMessage(id: number, m: unknown): Promise<unknown> };
        const api = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome;
        const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
        await api.tabs.sendMessage(tab!.id!, { type: 'highlight/selection', source: 'menu' });
      });
    await page.bringToFront();
    await forward();
    await page.waitForTimeout(500);
    expect(await highlightIds(page)).toEqual(before);

    // A click clears the whole-page selection (a drag starting inside it would move it instead).
    await page.locator('h2.title').click();
    await scrollTo(page, '四大財團會長');
    await dragSelect(page, '四大財團會長');
    await forward();
    await expect.poll(async () => (await highlightIds(page)).length).toBe(before.length + 1);
    await page.close();
  });

  it('opens the notes desk on the highlight from its card', async () => {
    const page = await open(SEED_ARTICLE_URL);
    await page.waitForSelector(`${HL}[data-highlight-id="${firstId}"]`);
    const card = await openCard(page, firstId);
    const [notes] = await Promise.all([
      browser.context.waitForEvent('page'),
      card.getByRole('button', { name: 'All notes' }).click(),
    ]);
    await notes.waitForLoadState();
    expect(notes.url()).toContain(`/notes.html#`);
    expect(decodeURIComponent(notes.url())).toContain(`highlight=${firstId}`);
    await expect.poll(() => notes.getByText(TYPO_QUOTE).count()).toBeGreaterThan(0);
    await notes.close();
    await page.close();
  });

  it("keeps the highlights out of the page's reach", async () => {
    const page = await open(SEED_ARTICLE_URL);
    await page.waitForSelector(`${HL}[data-highlight-id="${firstId}"]`);
    await openCard(page, firstId);
    const seen = await page.evaluate(async () => ({
      databases: (await indexedDB.databases()).map((d) => d.name),
      local: localStorage.length,
      session: sessionStorage.length,
      cookie: document.cookie,
      lightDom: new XMLSerializer().serializeToString(document),
    }));
    expect(seen.databases).toEqual([]);
    expect(seen.local).toBe(0);
    expect(seen.session).toBe(0);
    expect(seen.cookie).toBe('');
    expect(seen.lightDom).not.toContain('2017');
    expect(seen.lightDom).not.toContain('THAAD');
    // No extension file is open to the page, so it cannot even tell the extension is there.
    const probe = await page.evaluate(async (id) => {
      try {
        return (await fetch(`chrome-extension://${id}/opencc/t2s.json`)).status;
      } catch {
        return 'refused';
      }
    }, browser.extensionId);
    expect(probe).toBe('refused');
    await page.close();
  });
});
