import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { readFixture, SEED_ARTICLE_URL } from '../../scripts/lib/site-fixtures';
import { originalBodyText, TERM, waitForMarks } from './support';
import { ax, focusedNode } from '../../scripts/lib/ax';

const BODY = 'section.cp > div.container';
const HL = 'pr-highlight[data-highlight-id]';
let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

const bodyText = (page: Page) => page.$eval(BODY, (el) => el.textContent!);
const termIds = (page: Page) => page.$$eval(`${BODY} ${TERM}`, (els) => els.map((e) => e.getAttribute('data-term-id')));
const bar = (page: Page) => ax(page).getByRole('toolbar', { name: 'Prospect Reader' });

/** Selects a phrase of the article with the mouse, as a reader does, and highlights it from the selection toolbar. */
async function highlightPhrase(page: Page, phrase: string): Promise<string> {
  await page.evaluate((p) => {
    [...document.querySelectorAll('section.cp p')].find((e) => e.textContent!.includes(p))?.scrollIntoView({ block: 'center' });
  }, phrase);
  const points = await page.evaluate(
    ([sel, p]) => {
      const walker = document.createTreeWalker(document.querySelector(sel!)!, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const at = n.data.indexOf(p!);
        if (at < 0) continue;
        const rect = (from: number) => {
          const range = document.createRange();
          range.setStart(n!, from);
          range.setEnd(n!, from + 1);
          return range.getBoundingClientRect();
        };
        const first = rect(at);
        const last = rect(at + p!.length - 1);
        return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
      }
      throw new Error('phrase not found in one text node');
    },
    [BODY, phrase],
  );
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move(points.x2, points.y2, { steps: 6 });
  await page.mouse.up();
  await ax(page).getByRole('button', { name: 'Highlight', exact: true }).click();
  await expect.poll(() => page.locator(HL).count()).toBeGreaterThan(0);
  return (await page.locator(HL).first().getAttribute('data-highlight-id'))!;
}

const highlightText = (page: Page, id: string) =>
  page.$$eval(`pr-highlight[data-highlight-id="${id}"]`, (els) => els.map((e) => e.textContent).join(''));

describe('the reader bar on the seed article', () => {
  let page: Page;
  let original: string;
  let ids: (string | null)[];

  beforeAll(async () => {
    page = await browser.context.newPage();
    await page.goto(SEED_ARTICLE_URL);
    await waitForMarks(page, 20);
    await bar(page).waitFor({ state: 'visible' });
    original = await originalBodyText(page, readFixture('pf-tw-article-34-12001.html'), BODY);
    ids = await termIds(page);
  });

  it('is a toolbar named "Prospect Reader" whose controls are reached with Tab', async () => {
    const move = bar(page).getByRole('button', { name: /Move the bar/ });
    await move.focus();
    await page.keyboard.press('Tab');
    expect(await focusedNode(page)).toEqual({ name: '繁 Traditional', role: 'button' });
    const traditional = bar(page).getByRole('button', { name: '繁 Traditional' });
    expect(await traditional.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    await page.keyboard.press('Tab');
    expect(await focusedNode(page)).toEqual({ name: '简 Simplified', role: 'button' });
  });

  it('switches the article to Simplified and back exactly, keeping marks, the card and a highlight', async () => {
    const id = await highlightPhrase(page, '全面恢復元年');
    const highlighted = await highlightText(page, id);
    expect(highlighted).toBe('全面恢復元年');

    await bar(page).getByRole('button', { name: '简 Simplified' }).click();
    await expect.poll(() => bodyText(page)).toContain('韩半岛');
    const simplified = await bodyText(page);
    expect(simplified).toContain('飞弹');
    expect(simplified).not.toContain('韓半島');
    expect(simplified.length).toBe(original.length);
    expect(await termIds(page)).toEqual(ids);
    expect(await highlightText(page, id)).toBe('全面恢复元年');
    expect(await bar(page).getByRole('button', { name: '简 Simplified' }).getAttribute('aria-pressed')).toBe('true');

    const term = page.locator(`${TERM}[data-term-id="icbm"]`).first();
    await term.scrollIntoViewIfNeeded();
    await term.hover();
    await expect.poll(() => ax(page).getByRole('tooltip').isVisible()).toBe(true);
    expect(await ax(page).getByRole('tooltip').innerText()).toContain('intercontinental ballistic missile');
    await page.mouse.move(2, 2);
    await expect.poll(() => ax(page).getByRole('tooltip').count()).toBe(0);

    await bar(page).getByRole('button', { name: '繁 Traditional' }).click();
    await expect.poll(() => bodyText(page)).toBe(original);
    expect(await termIds(page)).toEqual(ids);
    expect(await highlightText(page, id)).toBe(highlighted);
    expect(await bar(page).getByRole('button', { name: '繁 Traditional' }).getAttribute('aria-pressed')).toBe('true');

    // Shown in Simplified on the next visit, the highlight made in Traditional attaches again.
    await bar(page).getByRole('button', { name: '简 Simplified' }).click();
    await page.reload();
    await waitForMarks(page, 20);
    await expect.poll(() => bodyText(page)).toContain('韩半岛');
    await expect.poll(() => highlightText(page, id)).toBe('全面恢复元年');
    await bar(page).getByRole('button', { name: '繁 Traditional' }).click();
    await expect.poll(() => bodyText(page)).toBe(original);
    expect(await highlightText(page, id)).toBe(highlighted);
  });

  it('shows English glosses after the terms, then only on first occurrences, without changing the text', async () => {
    const glosses = bar(page).getByRole('combobox', { name: /Gloss/ });
    await glosses.selectOption('after');
    const icbm = page.locator(`${TERM}[data-term-id="icbm"]`).first();
    await expect.poll(() => icbm.getAttribute('data-pr-gloss')).toMatch(/^intercontinental ballistic missile/);
    const gloss = (await icbm.getAttribute('data-pr-gloss'))!;
    expect(await icbm.evaluate((el) => getComputedStyle(el, '::after').content)).toBe(`"${gloss}"`);
    expect(await bodyText(page)).toBe(original);

    await bar(page).getByRole('combobox', { name: 'Reading level' }).selectOption('first');
    const repeated = ids.find((id, i) => ids.indexOf(id) !== i)!;
    const glossed = () =>
      page.$$eval(`${BODY} ${TERM}[data-term-id="${repeated}"]`, (els) => els.map((e) => e.hasAttribute('data-pr-gloss')));
    await expect.poll(glossed).toEqual([true, ...Array(ids.filter((id) => id === repeated).length - 1).fill(false)]);

    await glosses.selectOption('ruby');
    await expect.poll(() => icbm.evaluate((el) => getComputedStyle(el, '::before').content)).toBe(`"${gloss}"`);
    expect(await bodyText(page)).toBe(original);
    await bar(page).getByRole('combobox', { name: 'Reading level' }).selectOption('all');
    await glosses.selectOption('off');
    await expect.poll(() => page.locator(`${TERM}[data-pr-gloss]`).count()).toBe(0);
  });

  it('folds to an icon and stays folded on the next page', async () => {
    await bar(page).getByRole('button', { name: 'Fold Prospect Reader to its icon' }).click();
    const expand = bar(page).getByRole('button', { name: 'Open Prospect Reader' });
    await expect.poll(() => expand.isVisible()).toBe(true);
    expect(await bar(page).getByRole('button', { name: '简 Simplified' }).count()).toBe(0);
    await page.reload();
    await waitForMarks(page, 20);
    await expect.poll(() => bar(page).getByRole('button', { name: 'Open Prospect Reader' }).isVisible()).toBe(true);
    await bar(page).getByRole('button', { name: 'Open Prospect Reader' }).click();
    await expect.poll(() => bar(page).getByRole('button', { name: '简 Simplified' }).isVisible()).toBe(true);
  });

  it('offers the same controls in the toolbar popup, and the article follows them', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect.poll(() => popup.getByRole('combobox', { name: /Gloss/ }).isVisible()).toBe(true);
    expect(await popup.getByRole('button', { name: '简 Simplified' }).count()).toBe(1);
    expect(await popup.getByRole('link', { name: 'Open notes' }).getAttribute('href')).toMatch(/notes\.html$/);
    await popup.getByRole('combobox', { name: /Gloss/ }).selectOption('after');
    await expect.poll(() => page.locator(`${TERM}[data-term-id="icbm"]`).first().getAttribute('data-pr-gloss-mode')).toBe('after');
    await popup.getByRole('combobox', { name: /Gloss/ }).selectOption('off');
    await popup.close();
  });
});
