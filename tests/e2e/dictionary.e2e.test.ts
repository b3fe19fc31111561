import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { SEED_ARTICLE_URL } from '../../scripts/lib/site-fixtures';
import { bluePixels as bluePixelsOf, HL, highlightPhrase, openCard, TERM, waitForMarks } from './support';
import { ax } from '../../scripts/lib/ax';
import { DICTIONARY_INDEX_FILE } from '../../utils/dictionary/format';

let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  await page.goto(SEED_ARTICLE_URL);
  await waitForMarks(page, 20);
});
afterAll(async () => {
  await browser?.close();
});

/** The middle of the first character of `word` in the article's text, scrolled into view; fails inside a mark. */
async function pointOver(word: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((w) => {
    const walker = document.createTreeWalker(document.querySelector('section.cp')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n as Text).data.indexOf(w);
      if (i < 0) continue;
      if (n.parentElement!.closest('pr-term')) return 'marked';
      n.parentElement!.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + 1);
      const box = range.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }
    return 'missing';
  }, word);
  if (typeof point === 'string') throw new Error(`${word} is ${point} in the seed article`);
  return point;
}

async function hoverWord(word: string): Promise<void> {
  await page.mouse.move(3, 3);
  const { x, y } = await pointOver(word);
  await page.mouse.move(x, y, { steps: 4 });
}

// The cards, found by role and name in the accessibility tree (their shadow roots are closed).
const dictionaryCard = () => ax(page).getByRole('tooltip', { name: 'Dictionary', exact: true });
const glossaryCard = () => ax(page).getByRole('tooltip', { name: 'Glossary term', exact: true });
/** The card's text once it shows. */
async function shownText(card: ReturnType<typeof dictionaryCard>): Promise<string> {
  await card.waitFor();
  return card.innerText();
}

/** The text the lookup outline covers (the Custom Highlight is on the document, where the page sees it too). */
const outlined = () =>
  page.evaluate(() => {
    const highlight = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('prospect-reader-lookup');
    return highlight ? [...highlight].map((r) => r.toString()).join('') : '';
  });

/** Where the outlined word is drawn, a little below for the underline. */
const outlinedBox = () =>
  page.evaluate(() => {
    const highlight = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('prospect-reader-lookup')!;
    const rect = [...highlight][0]!.getBoundingClientRect();
    return { x: rect.x, y: rect.y, width: rect.width, height: rect.height + 6 };
  });

const bluePixels = (png: Buffer) => bluePixelsOf(page, png);

describe('dictionary cards on the seed article', () => {
  it('hovering an unmarked word shows its English, pinyin and source, and outlines the word without changing the text', async () => {
    const before = await page.$eval('section.cp', (el) => el.textContent);
    await hoverWord('擔憂');
    const text = await shownText(dictionaryCard());
    expect(text).toContain('擔憂');
    expect(text).toContain('担忧');
    expect(text).toContain('dān yōu');
    expect(text).toContain('to worry');
    expect(text).toContain('From CC-CEDICT (CC BY-SA 4.0)');
    expect(await outlined()).toBe('擔憂');
    expect(await page.$eval('section.cp', (el) => el.textContent)).toBe(before);
    // The outline is painted, not only registered: the word is tinted blue until it goes.
    const box = await outlinedBox();
    expect(await bluePixels(await page.screenshot({ clip: box }))).toBeGreaterThan(20);
    await page.mouse.move(3, 3);
    await expect.poll(() => dictionaryCard().isVisible()).toBe(false);
    await expect.poll(outlined).toBe('');
    expect(await bluePixels(await page.screenshot({ clip: box }))).toBe(0);
  });

  it('reads on through a phrase the dictionary has no entry for: the card gives the words after the outlined one', async () => {
    // 採購協議: CC-CEDICT has 採購 (to procure) and 協議 (agreement), not the phrase.
    await hoverWord('採購');
    await expect.poll(outlined).toBe('採購');
    const card = dictionaryCard();
    await expect.poll(async () => (await shownText(card)).includes('Followed by')).toBe(true);
    const line = card.getByRole('group', { name: 'Followed by' });
    const text = await line.innerText();
    expect(text).toContain('協議');
    expect(text).toContain('xié yì');
    expect(text).toContain('agreement');
    // Only the hovered word is outlined; the phrase ends at the comma, so nothing after it is offered.
    expect(await outlined()).toBe('採購');
    expect(text).not.toContain('韓國');
    await page.mouse.move(3, 3);
    await expect.poll(() => card.isVisible()).toBe(false);
  });

  it('walks the words between the terms with the keyboard, saying each: Alt+Shift+. forward, Alt+Shift+, back', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('h2.title').click();
    await page.mouse.move(1, 1);
    const outlinedInMark = () =>
      page.evaluate(() => {
        const highlight = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('prospect-reader-lookup');
        const range = highlight ? [...highlight][0] : undefined;
        return !!range?.startContainer.parentElement?.closest('pr-term');
      });
    const status = ax(page).getByRole('status', { name: 'Dictionary' });
    await page.keyboard.press('Alt+Shift+Period');
    await dictionaryCard().waitFor();
    await expect.poll(outlined).not.toBe('');
    const first = await outlined();
    expect(await outlinedInMark()).toBe(false);
    expect(await dictionaryCard().innerText()).toContain(first);
    await expect.poll(() => status.textContent()).toContain(first);
    await page.keyboard.press('Alt+Shift+Period');
    await expect.poll(outlined).not.toBe(first);
    const second = await outlined();
    expect(second).not.toBe('');
    expect(await outlinedInMark()).toBe(false);
    await expect.poll(() => status.textContent()).toContain(second);
    await page.keyboard.press('Alt+Shift+Comma');
    await expect.poll(outlined).toBe(first);
    await page.keyboard.press('Escape');
    await expect.poll(() => dictionaryCard().isVisible()).toBe(false);
    await page.reload();
    await waitForMarks(page, 20);
  });

  it("keeps the curated card on a marked term, with the dictionary's senses of the same word after it", async () => {
    await page.mouse.move(3, 3);
    const term = page.locator(`${TERM}[data-term-id="icbm"]`).first();
    await term.scrollIntoViewIfNeeded();
    await term.hover();
    expect(await shownText(glossaryCard())).toContain('intercontinental ballistic missile');
    expect(await dictionaryCard().isVisible()).toBe(false);
    await page.mouse.move(3, 3);
    await expect.poll(() => glossaryCard().isVisible()).toBe(false);

    // A curated word CC-CEDICT has whole (關稅): its senses follow the curated card in a second section, which
    // arrives after it and below it, so the card does not move.
    const tariff = page.locator(`${TERM}[data-term-id="tariff"]`).first();
    await tariff.scrollIntoViewIfNeeded();
    await tariff.hover();
    expect(await shownText(glossaryCard())).toContain('A tax a state levies');
    const placed = (await glossaryCard().boundingBox())!;
    const section = glossaryCard().getByRole('group', { name: 'In the dictionary', exact: true });
    await section.waitFor();
    const senses = await section.innerText();
    expect(senses).toContain('customs duty');
    expect(senses).toContain('From CC-CEDICT (CC BY-SA 4.0)');
    const grown = (await glossaryCard().boundingBox())!;
    expect([grown.x, grown.y]).toEqual([placed.x, placed.y]);
    const whole = await glossaryCard().innerText();
    expect(whole.indexOf('A tax a state levies')).toBeLessThan(whole.indexOf('customs duty'));
    expect(await dictionaryCard().isVisible()).toBe(false);
    await page.mouse.move(3, 3);
    await expect.poll(() => glossaryCard().isVisible()).toBe(false);
  });

  it('saves a dictionary word with its sentence: the vocabulary list and the Anki file have it', async () => {
    await hoverWord('協議');
    expect(await shownText(dictionaryCard())).toContain('agreement');
    await dictionaryCard().getByRole('button', { name: 'Save term', exact: true }).click();
    await expect.poll(() => dictionaryCard().innerText()).toMatch(/\bSaved\b/);

    const notes = await browser.context.newPage();
    await notes.goto(`chrome-extension://${browser.extensionId}/notes.html`);
    await notes.getByRole('tab', { name: /Vocabulary/ }).click();
    const term = notes.locator('.term').filter({ hasText: '協議' });
    await expect.poll(() => term.count()).toBe(1);
    expect(await term.innerText()).toContain('agreement');
    expect(await term.locator('.sentence strong').first().innerText()).toBe('協議');
    expect(await term.locator('.sentence').innerText()).toContain('雙方簽署零部件採購協議');
    const [download] = await Promise.all([
      notes.waitForEvent('download'),
      notes.getByRole('button', { name: 'Export Anki (vocabulary)', exact: true }).click(),
    ]);
    const anki = readFileSync((await download.path())!, 'utf8');
    expect(anki).toMatch(/^協議\t协议\txié yì\tagreement; pact; protocol\tFrom CC-CEDICT \(CC BY-SA 4\.0\)\t.*<b>協議<\/b>/m);
    await notes.close();
  });

  it('reads the article after the switch to Simplified', async () => {
    await page.mouse.move(3, 3);
    await ax(page).getByRole('button', { name: '简 Simplified', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('section.cp')!.textContent!.includes('担忧'));
    await hoverWord('担忧');
    expect(await shownText(dictionaryCard())).toContain('to worry');
    expect(await outlined()).toBe('担忧');
    await page.mouse.move(3, 3);
    await ax(page).getByRole('button', { name: '繁 Traditional', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('section.cp')!.textContent!.includes('擔憂'));
  });

  it("ignores a page script's synthetic pointer moves, and the page cannot fetch the dictionary file", async () => {
    await page.mouse.move(3, 3);
    const { x, y } = await pointOver('擔憂');
    await page.evaluate(([cx, cy]) => {
      for (let i = 0; i < 3; i++) document.dispatchEvent(new MouseEvent('mousemove', { clientX: cx, clientY: cy, bubbles: true }));
    }, [x, y] as const);
    await page.waitForTimeout(500);
    expect(await dictionaryCard().isVisible()).toBe(false);
    const fetched = await page.evaluate(
      ([id, path]) => fetch(`chrome-extension://${id}/${path}`).then((r) => r.status, () => 'refused'),
      [browser.extensionId, DICTIONARY_INDEX_FILE] as const,
    );
    expect(fetched).toBe('refused');
    // The same address from the extension itself loads: the refusal is the page's.
    expect(await browser.serviceWorker.evaluate((path) => fetch(`/${path}`).then((r) => r.status), DICTIONARY_INDEX_FILE)).toBe(200);
  });

  it('looks up nothing when the reader turns dictionary cards off, and only with the key held when asked', async () => {
    const setSettings = (patch: Record<string, unknown>) =>
      browser.serviceWorker.evaluate(async (p) => {
        const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, object>>; set(v: object): Promise<void> } } } }).chrome;
        const current = (await api.storage.local.get('settings')).settings ?? {};
        await api.storage.local.set({ settings: { ...current, ...p } });
      }, patch);
    await setSettings({ dictionary: false });
    await hoverWord('擔憂');
    await page.waitForTimeout(500);
    expect(await dictionaryCard().isVisible()).toBe(false);

    await setSettings({ dictionary: true, dictionaryModifier: 'Shift' });
    await hoverWord('擔憂');
    await page.waitForTimeout(500);
    expect(await dictionaryCard().isVisible()).toBe(false);
    await page.keyboard.down('Shift');
    expect(await shownText(dictionaryCard())).toContain('to worry');
    await page.keyboard.up('Shift');
    await setSettings({ dictionaryModifier: 'none' });
    await page.mouse.move(3, 3);
  });

  it("leaves the highlight card alone: the click that opens it ends the hover, and no card covers the note being written", async () => {
    const phrase = '換取北韓「凍結」核武發展';
    const id = await highlightPhrase(page, phrase);
    // The click rests on 換取, an unmarked word: the lookup its approach started must not open a card afterwards.
    const card = await openCard(page, id);
    await page.waitForTimeout(600);
    expect(await dictionaryCard().isVisible()).toBe(false);
    // A hand's small move over the same word while the note has focus looks nothing up either.
    const start = await page.locator(`${HL}[data-highlight-id="${id}"]`).first().boundingBox();
    await page.mouse.move(start!.x + 6, start!.y + 8, { steps: 2 });
    await page.waitForTimeout(600);
    expect(await dictionaryCard().isVisible()).toBe(false);
    await card.getByRole('textbox', { name: 'Note' }).pressSequentially('a note beside the dictionary');
    await expect.poll(() => card.getByRole('status').innerText()).toBe('Saved');
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);
    // With the card closed, hovering looks up again.
    await hoverWord('擔憂');
    expect(await shownText(dictionaryCard())).toContain('to worry');
    await page.mouse.move(3, 3);
    await page.reload();
    await waitForMarks(page, 20);
    await page.waitForSelector(`${HL}[data-highlight-id="${id}"]`);
    const again = await openCard(page, id);
    expect(await again.getByRole('textbox', { name: 'Note' }).inputValue()).toBe('a note beside the dictionary');
    await page.keyboard.press('Escape');
  });
});
