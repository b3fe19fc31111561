import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { readFixture, SEED_ARTICLE_URL } from '../../scripts/lib/site-fixtures';
import { ax } from '../../scripts/lib/ax';
import { fightTheMarks, stormTheArticle } from '../../scripts/lib/hostile-pages';
import { highlightIds, highlightPhrase, HL, openCard, TERM, waitForMarks } from './support';

// Page scripts that attack the extension: synthetic events against its UI, storms of mutations,
// a page that fights the marks, an article inserted late. Each runs in the page's own world.

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

async function open(url: string, html?: string): Promise<Page> {
  const page = await browser.context.newPage();
  if (html !== undefined) await page.route(url, (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(url);
  return page;
}

/** Every highlight record in the extension's database, read in the background. */
function storedHighlights(): Promise<{ id: string; note: string }[]> {
  return browser.serviceWorker.evaluate(
    () =>
      new Promise<{ id: string; note: string }[]>((resolve, reject) => {
        const request = indexedDB.open('prospect-reader');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const all = request.result.transaction('highlights').objectStore('highlights').getAll();
          all.onsuccess = () => resolve(all.result.map((h: { id: string; note: string }) => ({ id: h.id, note: h.note })));
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

const NOTE = 'private remark 4242';

describe('a page script that drives the UI with synthetic events', () => {
  it('cannot read the note, type into it, delete the highlight, make highlights or open tabs', async () => {
    const page = await open(SEED_ARTICLE_URL);
    await waitForMarks(page, 20);
    const id = await highlightPhrase(page, '這是韓國總統時隔九年的對中國是訪問');
    const card = await openCard(page, id);
    await card.getByRole('textbox', { name: 'Note' }).pressSequentially(NOTE);
    await expect.poll(() => card.getByRole('status').innerText()).toBe('Saved');
    const before = await storedHighlights();
    const tabs = browser.context.pages().length;

    const attempt = await page.evaluate(
      async ([hl, noteText]) => {
        const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
        const hosts = [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('prospect-reader-'));
        const fire = (target: EventTarget, ...events: Event[]) => events.forEach((e) => target.dispatchEvent(e));
        const press = (key: string, init: KeyboardEventInit = {}) =>
          new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init });
        const click = (x = 0, y = 0) => new MouseEvent('click', { bubbles: true, composed: true, clientX: x, clientY: y });
        // Read: no root is open, and the note is nowhere in the page's DOM.
        const openRoots = hosts.filter((h) => h.shadowRoot).length;
        const noteInDom = new XMLSerializer().serializeToString(document).includes(noteText!);
        // Drive: press keys and click every host where its UI is drawn (Delete, Undo, All notes, Highlight).
        for (const host of hosts) {
          (host as HTMLElement).focus();
          fire(host, press('Delete'), press('Enter'), press('Escape'), new InputEvent('input', { data: 'pwned', bubbles: true, composed: true }));
          (host as HTMLElement).click();
        }
        for (let y = 0; y < innerHeight; y += 12) {
          for (let x = 0; x < innerWidth; x += 12) {
            const el = document.elementFromPoint(x, y);
            if (el?.localName.startsWith('prospect-reader-')) fire(el, new PointerEvent('pointerdown', { bubbles: true, composed: true }), click(x, y));
          }
        }
        await wait(300);
        // Make a highlight: select text by script, then "press" the toolbar.
        const walker = document.createTreeWalker(document.querySelector('section.cp')!, NodeFilter.SHOW_TEXT);
        let text = walker.nextNode() as Text;
        while (text.data.trim().length < 12 || text.parentElement!.closest('pr-highlight, pr-term')) text = walker.nextNode() as Text;
        document.getSelection()!.setBaseAndExtent(text, 0, text, Math.min(6, text.length));
        await wait(600);
        for (const host of document.querySelectorAll('prospect-reader-highlights')) (host as HTMLElement).click();
        fire(document, press('H', { altKey: true, shiftKey: true }));
        // Open a card and walk the terms with forged events.
        const term = document.querySelector('pr-term')!;
        fire(term, new MouseEvent('mouseover', { bubbles: true }), new PointerEvent('pointerdown', { bubbles: true, pointerType: 'touch' }));
        fire(document, press('N', { altKey: true, shiftKey: true, code: 'KeyN' } as KeyboardEventInit));
        const anyHighlight = document.querySelector(hl!)!;
        fire(anyHighlight, click());
        await wait(800);
        return { openRoots, noteInDom, cursor: !!document.querySelector('[data-pr-cursor]') };
      },
      [HL, NOTE],
    );
    expect(attempt).toEqual({ openRoots: 0, noteInDom: false, cursor: false });
    expect(await storedHighlights()).toEqual(before);
    expect(before.find((h) => h.id === id)?.note).toBe(NOTE);
    expect(await highlightIds(page)).toEqual(before.map((h) => h.id).filter((x) => x === id));
    expect(browser.context.pages().length).toBe(tabs);
    // The forged hover and tap opened no term card.
    expect(await ax(page).getByRole('tooltip').count()).toBe(0);
    await page.close();
  });
});

describe('pages that would freeze the tab', () => {
  // A browser of their own: the renderer these pages share is not busy with the tabs of other tests.
  beforeAll(async () => {
    await browser.close();
    browser = await launchWithExtension();
  });
  it('does not freeze when the page adds 20,000 nodes in one task: a timer queued before it still runs, and the nodes get marked', async () => {
    const page = await open(SEED_ARTICLE_URL);
    await waitForMarks(page, 20);
    const lateness = await page.evaluate(stormTheArticle, { nodes: 20_000, detached: true, settleMs: 2000 });
    // Before the observer was bounded this froze the tab for 23.6 s. The 100 ms target is measured by
    // `npm run bench` beside a plain Chromium: here the page's own rendering and a shared machine make
    // a tight bound flaky, so the test guards against a freeze.
    expect(lateness.afterStorm).toBeLessThan(2000);
    expect(lateness.marked).toBeGreaterThan(0);
    await page.close();
  });

  it('backs off from a page that removes the marks as they appear, and its timers keep running', async () => {
    const page = await open(SEED_ARTICLE_URL);
    await waitForMarks(page, 20);
    const result = await page.evaluate(fightTheMarks, 3000);
    // About 60 ticks in 3 s; twenty rounds of re-marking in the first second, then a growing wait.
    expect(result.ticks).toBeGreaterThan(40);
    expect(result.rounds).toBeLessThan(40);
    await page.close();
  });
});

describe('an article that arrives after load', () => {
  it('is found and marked when the page inserts its body by script', async () => {
    const seed = readFixture('pf-tw-article-34-12001.html');
    const start = seed.indexOf('<section class="cp">');
    const end = seed.indexOf('</section>', start) + '</section>'.length;
    const section = seed.slice(start, end);
    const late = `${seed.slice(0, start)}<div id="slot"></div><script type="application/json" id="payload">${JSON.stringify(section).replace(/</g, '\\u003c')}</script>
<script>setTimeout(() => { document.getElementById('slot').replaceWith(document.createRange().createContextualFragment(JSON.parse(document.getElementById('payload').textContent))); }, 1500);</script>${seed.slice(end)}`;
    const url = 'https://www.pf.org.tw/tw/pfch/34-12001.html';
    const page = await open(url, late);
    await page.waitForTimeout(800);
    expect(await page.locator(TERM).count()).toBe(0);
    await waitForMarks(page, 20);
    expect(await page.locator(`section.cp ${TERM}[data-term-id="thaad"]`).count()).toBeGreaterThan(0);
    await page.close();
  });
});
