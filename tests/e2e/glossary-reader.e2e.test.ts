import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { bigPage, ENGLISH_ARTICLE_URL, readFixture, SEED_ARTICLE_URL } from '../../scripts/lib/site-fixtures';
import { highlightPhrase, originalBodyText, TERM, waitForMarks } from './support';
import { ax } from '../../scripts/lib/ax';

const BODY = 'section.cp > div.container';
let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

/** The browser's own zoom (Ctrl +), set through the extension's tabs API as a reader's keypress would. */
async function setBrowserZoom(page: Page, factor: number): Promise<void> {
  await page.bringToFront();
  await browser.serviceWorker.evaluate((zoom) => {
    const api = (globalThis as unknown as { chrome: { tabs: { setZoom(zoom: number): Promise<void> } } }).chrome;
    return api.tabs.setZoom(zoom);
  }, factor);
  await page.waitForFunction((z) => Math.abs(window.devicePixelRatio - z) < 0.05, factor);
}

async function open(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  return page;
}

describe('an article on the Chinese site', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open(SEED_ARTICLE_URL);
    await waitForMarks(page, 20);
  });

  it('marks the seed terms, the longest match winning, and leaves the text as it was', async () => {
    const marked = await page.$$eval(TERM, (els) => els.map((e) => [e.textContent, e.getAttribute('data-term-id')]));
    const byText = new Map(marked.map(([text, id]) => [text, id]));
    expect(byText.get('洲際彈道飛彈')).toBe('icbm');
    expect(byText.get('ICBMs')).toBe('icbm');
    expect(byText.get('薩德反導系統')).toBe('thaad');
    expect(byText.has('彈道飛彈')).toBe(true);
    expect(await page.$$eval(`${TERM} ${TERM}`, (els) => els.length)).toBe(0);
    const text = await page.$eval(BODY, (el) => el.textContent);
    expect(text).toBe(await originalBodyText(page, readFixture('pf-tw-article-34-12001.html'), BODY));
  });

  it('never marks the navigation, the search box, tags, related articles or the footer', async () => {
    const outside = await page.$$eval(TERM, (els) =>
      els.filter((e) => !e.closest('section.cp') || e.closest('.related, .keywords, header, footer, nav')).length,
    );
    expect(outside).toBe(0);
    expect(await page.$eval('header input', (el) => (el as HTMLInputElement).value)).toBe('北韓 飛彈');
    expect(await page.$$eval('.related pr-term, footer pr-term, header pr-term', (els) => els.length)).toBe(0);
  });

  it('shows a card on hover with both scripts, English, pinyin and the count, and hides it when the mouse leaves', async () => {
    const term = page.locator(`${TERM}[data-term-id="icbm"]`).first();
    await term.hover();
    const card = ax(page).getByRole('tooltip');
    await expect.poll(() => card.isVisible()).toBe(true);
    const text = await card.innerText();
    expect(text).toContain('洲際彈道飛彈');
    expect(text).toContain('洲际弹道导弹');
    expect(text).toContain('intercontinental ballistic missile');
    expect(text).toContain('zhōu jì dàn dào fēi dàn');
    expect(text).toMatch(/2 times in this article/);
    await page.mouse.move(5, 5);
    await expect.poll(() => card.count()).toBe(0);
  });

  it('lets the mouse travel into the card, and keeps a pinned card until Escape', async () => {
    const term = page.locator(`${TERM}[data-term-id="thaad"]`).first();
    await term.hover();
    const card = ax(page).getByRole('tooltip');
    await expect.poll(() => card.isVisible()).toBe(true);
    const box = (await card.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    await page.waitForTimeout(500);
    expect(await card.isVisible()).toBe(true);
    await card.getByRole('button', { name: 'Pin' }).click();
    await page.mouse.move(5, 5);
    await page.waitForTimeout(500);
    expect(await card.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);
  });

  it('walks the terms with the keyboard term cursor, announcing each; marks are not tab stops', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('h2.title').click();
    // The pointer rests where no term can come under it while the cursor scrolls the article.
    await page.mouse.move(1, 1);
    for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('pr-term') ?? null)).toBeNull();
    expect(await page.locator(`${TERM}[tabindex]`).count()).toBe(0);

    const cursorAt = () => page.evaluate(() => {
      const all = [...document.querySelectorAll('pr-term')];
      return all.findIndex((el) => el.hasAttribute('data-pr-cursor'));
    });
    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => ax(page).getByRole('tooltip').isVisible()).toBe(true);
    const first = await cursorAt();
    expect(first).toBeGreaterThanOrEqual(0);
    const firstId = await page.evaluate(() => document.querySelector('pr-term[data-pr-cursor]')!.getAttribute('data-term-id'));
    // The live region says each term for screen readers, a moment after its card is drawn (so the change
    // is heard): the first announcement, then another, then the first again when the cursor comes back.
    const status = ax(page).getByRole('status', { name: 'Glossary term' });
    await expect.poll(() => status.textContent()).toMatch(/\S+: \S+/);
    const firstSaid = (await status.textContent()) ?? '';
    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(cursorAt).toBe(first + 1);
    const secondId = await page.evaluate(() => document.querySelector('pr-term[data-pr-cursor]')!.getAttribute('data-term-id'));
    if (secondId !== firstId) await expect.poll(() => status.textContent()).not.toBe(firstSaid);
    await page.keyboard.press('Alt+Shift+KeyP');
    await expect.poll(cursorAt).toBe(first);
    await expect.poll(() => status.textContent()).toBe(firstSaid);
    const [term, english] = firstSaid.split(': ');
    expect(firstId).not.toBeNull();
    // The card shows the cursor's term.
    const tooltip = ax(page).getByRole('tooltip');
    expect(await tooltip.innerText()).toContain(english);
    expect(await tooltip.innerText()).toContain(term);

    // A hover still pending when the cursor moves does not take the card: the cursor's term keeps it,
    // also while the scrolled page slides other terms under the resting pointer.
    const ids = await page.$$eval(TERM, (els) => els.map((e) => e.getAttribute('data-term-id')));
    const otherAt = ids.findIndex((id, i) => i > first + 1 && id !== ids[first + 1]);
    const box = (await page.locator(TERM).nth(otherAt).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(cursorAt).toBe(first + 1);
    await page.waitForTimeout(600);
    const [, cursorEnglish] = ((await status.textContent()) ?? '').split(': ');
    expect(await tooltip.innerText()).toContain(cursorEnglish);
    await page.keyboard.press('Escape');
    await expect.poll(() => ax(page).getByRole('tooltip').count()).toBe(0);
    expect(await cursorAt()).toBe(-1);
    // The tests after this one start from a fresh page, not from where the cursor scrolled it.
    await page.reload();
    await waitForMarks(page, 20);
  });

  it('keeps the card inside the viewport near the edges and when the page is zoomed', async () => {
    await page.setViewportSize({ width: 420, height: 700 });
    await setBrowserZoom(page, 1.6);
    const terms = page.locator(TERM);
    const n = await terms.count();
    for (const i of [0, Math.floor(n / 2), n - 1]) {
      const term = terms.nth(i);
      await term.scrollIntoViewIfNeeded();
      await term.hover();
      const card = ax(page).getByRole('tooltip');
      await expect.poll(() => card.isVisible()).toBe(true);
      const box = (await card.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(420);
      expect(box.y + box.height).toBeLessThanOrEqual(700);
      await page.mouse.move(1, 1);
      await expect.poll(() => card.count(), { timeout: 3000 }).toBe(0);
    }
    await setBrowserZoom(page, 1);
    await page.setViewportSize({ width: 1200, height: 900 });
  });

  it('does not let the page or another add-on restyle the card', async () => {
    await page.addStyleTag({
      content:
        '* { color: red !important; font-size: 40px !important }' +
        ' prospect-reader-card, [role=tooltip] { display: none !important; transform: scale(0) !important }',
    });
    await page.locator(TERM).first().hover();
    const card = ax(page).getByRole('tooltip');
    await expect.poll(() => card.isVisible()).toBe(true);
    const size = await card.evaluate((el) => getComputedStyle(el).fontSize);
    expect(size).toBe('15px');
    await page.mouse.move(1, 1);
  });

  it('marks text the page adds later, once, without touching what is already marked', async () => {
    const before = await page.$$eval(TERM, (els) => els.length);
    const firstMark = await page.$(TERM);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'late';
      p.textContent = '北韓再度試射洲際彈道飛彈。';
      document.querySelector('section.cp > div.container')!.append(p);
    });
    await page.waitForFunction(() => document.querySelectorAll('#late pr-term').length === 2);
    expect(await page.$$eval(TERM, (els) => els.length)).toBe(before + 2);
    expect(await firstMark!.evaluate((el) => el.isConnected)).toBe(true);
  });
});

describe('the page keeps its own behaviour', () => {
  it('lets a click on a marked term inside a link reach the page and follow the link', async () => {
    const page = await open(SEED_ARTICLE_URL);
    await waitForMarks(page, 20);
    await page.evaluate(() => {
      const a = document.createElement('a');
      a.href = '#followed';
      a.id = 'page-link';
      a.textContent = '北約峰會的報導';
      a.addEventListener('click', () => ((window as unknown as { pageSawClick: boolean }).pageSawClick = true));
      document.querySelector('section.cp > div.container p')!.append(a);
    });
    const term = page.locator('#page-link pr-term');
    await expect.poll(() => term.count()).toBe(1);
    await term.hover();
    await expect.poll(() => ax(page).getByRole('tooltip').isVisible()).toBe(true);
    await term.click();
    expect(await page.evaluate(() => (window as unknown as { pageSawClick?: boolean }).pageSawClick)).toBe(true);
    expect(new URL(page.url()).hash).toBe('#followed');
    await page.close();
  });
});

describe('on a touch screen', () => {
  it('opens the card with a tap and closes it with a tap elsewhere', async () => {
    const touch = await launchWithExtension({ hasTouch: true });
    try {
      const page = await touch.context.newPage();
      await page.goto(SEED_ARTICLE_URL);
      await waitForMarks(page, 20);
      const thaad = page.locator(`${TERM}[data-term-id="thaad"]`).first();
      // Centred, so the reader bar in the corner does not cover it.
      await thaad.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await thaad.tap();
      const card = ax(page).getByRole('tooltip');
      await expect.poll(() => card.isVisible()).toBe(true);
      expect(await card.innerText()).toContain('THAAD');
      await page.locator('h2.title').tap();
      await expect.poll(() => card.count()).toBe(0);
    } finally {
      await touch.close();
    }
  });
});

describe('pages that are not articles', () => {
  for (const url of ['https://www.pf.org.tw/tw/pfch/34.html', 'https://www.pf.org.tw/en/pfen/28.html']) {
    it(`leaves ${new URL(url).pathname} alone`, async () => {
      const page = await open(url);
      const html = await page.content();
      await page.waitForTimeout(1500);
      expect(await page.$$eval(TERM, (els) => els.length)).toBe(0);
      expect(await page.content()).toBe(html);
      await page.close();
    });
  }
});

describe('other forms of the article address and drifted markup', () => {
  it('works without www., with a query string and a fragment, and leaves the http page alone', async () => {
    const page = await open('https://pf.org.tw/tw/pfch/34-12001.html?ref=newsletter#top');
    await waitForMarks(page, 20);
    await page.close();
    const plain = await open('http://www.pf.org.tw/tw/pfch/34-12001.html');
    await plain.waitForTimeout(1500);
    expect(await plain.$$eval(TERM, (els) => els.length)).toBe(0);
    await plain.close();
  });

  it('falls back to the main block of paragraphs when section.cp is missing', async () => {
    const page = await open('https://www.pf.org.tw/tw/pfch/34-12002.html');
    await waitForMarks(page, 20);
    const outside = await page.$$eval(TERM, (els) => els.filter((e) => !e.closest('.article-content')).length);
    expect(outside).toBe(0);
    await page.close();
  });
});

describe('an article on the English site', () => {
  it('marks English terms and acronyms at word boundaries, and the card gives the Chinese', async () => {
    const page = await open(ENGLISH_ARTICLE_URL);
    await waitForMarks(page, 5);
    const marked = await page.$$eval(TERM, (els) => els.map((e) => e.textContent));
    expect(marked).toEqual(expect.arrayContaining(['THAAD', 'ICBMs', 'Lee Jae-myung']));
    expect(marked).not.toContain('icbm');
    await page.locator(`${TERM}[data-term-id="thaad"]`).first().hover();
    const card = ax(page).getByRole('tooltip');
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await card.innerText()).toContain('薩德反導系統');
    await page.close();
  });
});

/** How many term ranges the page's highlight registry holds under the term prefix (the page can read it, as it can read marks). */
const termRanges = (page: Page) =>
  page.evaluate(() => {
    let n = 0;
    CSS.highlights.forEach((h, name) => void (name.startsWith('prospect-reader-term') && (n += h.size)));
    return n;
  });

/** The middle of the first occurrence of `word` inside `paragraph`, in the viewport's coordinates. */
async function wordPoint(page: Page, paragraph: string, word: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([sel, w]) => {
      const walker = document.createTreeWalker(document.querySelector(sel!)!, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const at = n.data.indexOf(w!);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + w!.length);
        const box = range.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      throw new Error(`${w} is not in ${sel}`);
    },
    [paragraph, word] as const,
  );
}

describe('a page of a million characters', () => {
  let page: Page;
  let occurrences = 0;
  beforeAll(async () => {
    const url = 'https://www.pf.org.tw/tw/pfch/34-19999.html';
    const { html } = bigPage();
    await browser.context.route(url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    );
    page = await open(url);
    occurrences = await page.$eval(BODY, (el) => el.textContent!.split('北韓').length - 1);
  });
  afterAll(() => page?.close());

  it('draws every term of the page as a range, inserting no element, and the card counts every occurrence', async () => {
    await expect.poll(() => termRanges(page), { timeout: 15_000 }).toBeGreaterThan(70_000);
    expect(await page.$$eval(`${BODY} ${TERM}`, (els) => els.length)).toBe(0);
    expect(await page.$eval(BODY, (el) => el.textContent)).toBe(await originalBodyText(page, bigPage().html, BODY));
    // The last paragraph that names 平壤: far below the fold, drawn with the rest.
    await page.evaluate((sel) => {
      const ps = [...document.querySelectorAll(sel)].filter((p) => p.textContent!.includes('平壤') && p.textContent!.includes('北韓'));
      ps[ps.length - 1]!.id = 'far';
      ps[ps.length - 1]!.scrollIntoView({ block: 'center' });
    }, `${BODY} > p`);
    const at = await wordPoint(page, '#far', '北韓');
    await page.mouse.move(at.x, at.y);
    const card = ax(page).getByRole('tooltip');
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(occurrences).toBeGreaterThan(1000);
    expect(await card.innerText()).toContain(`${occurrences} times in this article`);
    expect(await card.innerText()).toContain('North Korea');
    await page.mouse.move(5, 5);
    await expect.poll(() => card.isVisible()).toBe(false);
  });

  it('keeps its ranges through the 繁/简 switch, and draws marks in view while glosses show', async () => {
    const before = await termRanges(page);
    const bar = ax(page).getByRole('toolbar', { name: 'Prospect Reader' });
    await bar.getByRole('button', { name: '简 Simplified' }).click();
    await expect.poll(() => page.$eval(BODY, (el) => el.textContent!.includes('北韩')), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => termRanges(page), { timeout: 15_000 }).toBe(before);
    await bar.getByRole('button', { name: '繁 Traditional' }).click();
    await expect.poll(() => page.$eval(BODY, (el) => el.textContent!.includes('北韩')), { timeout: 20_000 }).toBe(false);
    await expect.poll(() => termRanges(page), { timeout: 15_000 }).toBe(before);

    await bar.getByRole('combobox', { name: /Gloss/ }).selectOption('after');
    await expect.poll(() => page.$$eval('#far pr-term[data-pr-gloss]', (els) => els.length)).toBeGreaterThan(0);
    expect(await termRanges(page)).toBe(0);
    await bar.getByRole('combobox', { name: /Gloss/ }).selectOption('off');
    await expect.poll(() => termRanges(page), { timeout: 15_000 }).toBeGreaterThan(70_000);
    expect(await page.$$eval(`${BODY} ${TERM}`, (els) => els.length)).toBe(0);
    expect(await page.$$eval('header pr-term, footer pr-term, .related pr-term', (els) => els.length)).toBe(0);
  });

  it('keeps the terms of the text a reader highlights, and their card opens inside the highlight', async () => {
    const before = await termRanges(page);
    await highlightPhrase(page, '李在明主張雖然長期目標仍是無核化');
    await expect.poll(() => termRanges(page)).toBe(before);
    const at = await wordPoint(page, 'pr-highlight', '無核化');
    await page.mouse.move(at.x, at.y);
    const card = ax(page).getByRole('tooltip');
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await card.innerText()).toContain('denuclearization');
  });
});
