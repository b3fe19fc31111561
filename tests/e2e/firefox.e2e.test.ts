import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { launchFirefoxWithExtension, openSitePage, waitForReader } from '../../scripts/lib/firefox';
import { phraseEnds } from '../../scripts/lib/phrase-ends';
import { bigPage, SEED_ARTICLE_URL } from '../../scripts/lib/site-fixtures';
import { hostBox } from '../../scripts/lib/host-box';

type Box = { x: number; y: number; width: number; height: number };
async function waitForHost(page: Page, tag: string): Promise<Box> {
  for (let i = 0; i < 50; i++) {
    const box = (await page.evaluate(hostBox, tag)) as Box | null;
    if (box) return box;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${tag} shows nothing`);
}

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
    await waitForReader(page, 'pr-term[data-term-id="icbm"]');
    expect(await page.$$eval('header pr-term, footer pr-term', (els) => els.length)).toBe(0);
    await page.hover('pr-term[data-term-id="icbm"]');
    const term = await page.$eval('pr-term[data-term-id="icbm"]', (el) => el.getBoundingClientRect().toJSON() as Box);
    const card = await waitForHost(page, 'prospect-reader-card');
    // The card opens beside its term; its text is out of the page's reach (checked in Chromium).
    expect(Math.abs(card.y - (term.y + term.height)) < 40 || Math.abs(card.y + card.height - term.y) < 40).toBe(true);
  });

  it('leaves a listing alone', async () => {
    const page = await openSitePage(browser, 'https://www.pf.org.tw/tw/pfch/34.html');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await page.$$eval('pr-term', (els) => els.length)).toBe(0);
  });
});

describe('Firefox ESR: short terms in context', () => {
  it('leaves traps unmarked and marks 東海 with both senses where the text does not decide', async () => {
    const page = await openSitePage(browser, 'https://www.pf.org.tw/tw/pfch/34-12003.html');
    await waitForReader(page, 'pr-term[data-term-senses]');
    const marked = (phrase: string) =>
      page.$$eval(
        'section.cp p',
        (ps, p) => ps.filter((el) => el.textContent!.includes(p)).flatMap((el) => [...el.querySelectorAll('pr-term')].map((m) => m.textContent)),
        phrase,
      );
    expect(await marked('以北約10公里')).toEqual(['北韓', '寧邊', '遼寧', '中國']);
    expect(await marked('機場安保人員')).not.toContain('安保');
    expect(await page.$eval('pr-term[data-term-senses]', (m) => [m.textContent, m.getAttribute('data-term-senses')])).toEqual([
      '東海',
      'east-china-sea sea-of-japan',
    ]);
  });
});

describe('Firefox ESR: highlights and the script switch', () => {
  it('highlights a dragged selection, keeps it over a reload, and switches the article to Simplified and back', async () => {
    const page = await openSitePage(browser, SEED_ARTICLE_URL);
    await waitForReader(page);
    const phrase = '以國家利益為核心的「務實外交」';
    const box = await page.evaluate(phraseEnds, phrase);
    await page.mouse.move(box.x1, box.y1);
    await page.mouse.down();
    await page.mouse.move(box.x2, box.y2, { steps: 6 });
    await page.mouse.up();
    // The toolbar's first button is Highlight.
    const toolbar = await waitForHost(page, 'prospect-reader-highlights');
    await page.mouse.click(toolbar.x + 12, toolbar.y + toolbar.height / 2);
    await page.waitForSelector('pr-highlight:not([data-unsaved])');
    const text = () => page.$$eval('pr-highlight', (els) => els.map((e) => e.textContent).join(''));
    expect(await text()).toBe(phrase);

    await page.reload();
    await page.waitForSelector('pr-highlight');
    expect(await text()).toBe(phrase);

    const original = await page.$eval('section.cp > div.container', (el) => el.textContent);
    // From the page's last link, Tab goes on into the reader bar: its grip, 繁, then 简.
    await waitForHost(page, 'prospect-reader-bar');
    await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('a[href]')].at(-1)!.focus());
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('section.cp')!.textContent!.includes('务实外交'));
    expect(await text()).toBe('以国家利益为核心的「务实外交」');
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    await page.keyboard.press('Enter');
    await page.waitForFunction((t) => document.querySelector('section.cp > div.container')!.textContent === t, {}, original);
    expect(await text()).toBe(phrase);
  });
});

describe('Firefox ESR: selecting where readers start', () => {
  it('selects from a press on a marked term and from a press inside a highlight', async () => {
    const page = await openSitePage(browser, SEED_ARTICLE_URL);
    await waitForReader(page);
    const drag = async (phrase: string) => {
      const box = await page.evaluate(phraseEnds, phrase);
      await page.mouse.move(box.x1, box.y1);
      await page.mouse.down();
      await page.mouse.move(box.x2, box.y2, { steps: 6 });
      await page.mouse.up();
      return page.evaluate(() => document.getSelection()!.toString());
    };
    // 李 is the first character of the marked term 李在明.
    expect(await drag('李在明主張雖然長期目標仍是無核化')).toBe('李在明主張雖然長期目標仍是無核化');
    const toolbar = await waitForHost(page, 'prospect-reader-highlights');
    await page.mouse.click(toolbar.x + 12, toolbar.y + toolbar.height / 2);
    await page.waitForSelector('pr-highlight:not([data-unsaved])');
    expect(await drag('長期目標仍是無核化')).toBe('長期目標仍是無核化');
    await page.close();
  });
});

describe('Firefox ESR: a page of a million characters', () => {
  it('draws every term as a range, inserting no element, and opens the card of a term far down the page', async () => {
    const path = '/tw/pfch/34-19999.html';
    const page = await openSitePage(browser, `https://www.pf.org.tw${path}`, { [path]: bigPage().html });
    await page.waitForFunction(
      () => {
        let n = 0;
        CSS.highlights.forEach((h, name) => void (name.startsWith('prospect-reader-term') && (n += h.size)));
        return n > 70_000;
      },
      { timeout: 30_000 },
    );
    expect(await page.$$eval('section.cp pr-term', (els) => els.length)).toBe(0);
    const at = await page.evaluate(() => {
      const far = [...document.querySelectorAll('section.cp > div.container > p')].filter((p) => p.textContent!.includes('北韓')).at(-1)!;
      far.scrollIntoView({ block: 'center' });
      const walker = document.createTreeWalker(far, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const i = n.data.indexOf('北韓');
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + 2);
        const box = range.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2, bottom: box.bottom, top: box.top };
      }
      throw new Error('no 北韓 in the last paragraph');
    });
    await page.mouse.move(at.x, at.y);
    const card = await waitForHost(page, 'prospect-reader-card');
    expect(Math.abs(card.y - at.bottom) < 40 || Math.abs(card.y + card.height - at.top) < 40).toBe(true);
    await page.close();
  });
});
