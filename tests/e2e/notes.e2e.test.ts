import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { SEED_ARTICLE_URL } from '../../scripts/lib/site-fixtures';
import { exportW3cJson } from '../../utils/export/w3c-json';
import type { Highlight, HighlightColor, SavedTerm } from '../../utils/highlights/types';
import { TERM, waitForMarks } from './support';
import { ax } from '../../scripts/lib/ax';

const ARTICLE_A = 'https://www.pf.org.tw/tw/pfch/34-12001.html';
const ARTICLE_B = 'https://www.pf.org.tw/en/pfen/33-11787.html';
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

function highlight(n: number, over: Partial<Highlight> = {}): Highlight {
  const created = new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString();
  return {
    id: uuid(n),
    articleUrl: ARTICLE_A,
    articleTitle: '李在明訪中與東北亞安保情勢',
    articleAuthor: '王大明',
    articleDate: '2026-01-20',
    lang: 'zh',
    quote: { type: 'TextQuoteSelector', exact: `第 ${n} 段引文`, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: n * 10, end: n * 10 + 5 },
    color: 'yellow',
    note: '',
    tags: [],
    created,
    modified: created,
    ...over,
  };
}

const SEEDED: Highlight[] = [
  highlight(1, { quote: { type: 'TextQuoteSelector', exact: '務實外交，\n"兩岸", 與\t美國', prefix: '核心的「', suffix: '」' }, note: 'Note with emoji 🙂 and <b>markup</b>', tags: ['外交', 'Korea'], color: 'green' }),
  highlight(2, { quote: { type: 'TextQuoteSelector', exact: '北韓試射洲際彈道飛彈', prefix: '', suffix: '' }, tags: ['飛彈'] }),
  highlight(3, {
    articleUrl: ARTICLE_B,
    articleTitle: 'Taiwan and the Indo-Pacific',
    lang: 'en',
    quote: { type: 'TextQuoteSelector', exact: 'deterrence by denial', prefix: 'strategy of ', suffix: ' across' },
    note: 'Key idea',
    color: 'blue',
  }),
];
const TERM_SEEDED: SavedTerm = {
  id: uuid(900),
  termId: 'thaad',
  trad: '薩德反導系統',
  simp: '萨德反导系统',
  en: 'THAAD',
  pinyin: 'sà dé fǎn dǎo xì tǒng',
  explanation: 'A US missile defence system.',
  sentence: '南韓部署薩德反導系統。',
  articleUrl: ARTICLE_A,
  articleTitle: '李在明訪中與東北亞安保情勢',
  created: '2025-01-02T00:00:00.000Z',
};

function backup(highlights: Highlight[], savedTerms: SavedTerm[] = []): Buffer {
  const file = exportW3cJson({ highlights, savedTerms }, { exportedAt: new Date(), newId: () => crypto.randomUUID() });
  return Buffer.from(file.content, 'utf8');
}

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

async function openNotes(target: ExtensionBrowser = browser, hash = ''): Promise<Page> {
  const page = await target.context.newPage();
  await page.goto(`chrome-extension://${target.extensionId}/notes.html${hash}`);
  await page.getByRole('searchbox', { name: 'Search' }).waitFor();
  return page;
}

async function importFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByLabel('Import', { exact: true }).setInputFiles({ name, mimeType: 'application/json', buffer });
}

async function download(page: Page, button: string): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  return { download, text: readFileSync((await download.path())!, 'utf8') };
}

const highlightCount = (page: Page) => page.locator('.count').first().innerText();
/** One highlight's row on the desk, found by its quote. */
const rowOf = (page: Page, quote: string) => page.getByRole('listitem').filter({ hasText: quote });
const lastBackup = (page: Page) => page.getByText(/^Last backup: /).innerText();

/** Opens a row's note for editing (a click on the note), types, and closes the editor. */
async function editNote(page: Page, quote: string, note: string, tags?: string): Promise<void> {
  const row = rowOf(page, quote);
  await row.locator('button.note').click();
  await row.getByRole('textbox', { name: 'Note' }).fill(note);
  if (tags !== undefined) await row.getByRole('textbox', { name: /^Tags/ }).fill(tags);
  await row.getByRole('button', { name: 'Done' }).click();
  await expect.poll(() => page.getByRole('status').first().innerText()).toBe('Saved.');
}

const sendFrom = (page: Page, message: unknown) =>
  page.evaluate((m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m), message);

describe('the notes page', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openNotes();
  });

  it('imports a JSON backup and says how many entries were added', async () => {
    expect(await highlightCount(page)).toBe('0 of 0 highlights shown');
    await importFile(page, 'backup.json', backup(SEEDED, [TERM_SEEDED]));
    await expect.poll(() => page.getByRole('status').first().innerText()).toMatch(/3 highlights and 1 saved terms added; 0 highlights and 0 saved terms skipped/);
  });

  it('lists every highlight grouped by article, newest article first, with title, note, tags and a passage link', async () => {
    await expect.poll(() => highlightCount(page)).toBe('3 of 3 highlights shown');
    const headings = await page.locator('.row-article h2').allInnerTexts();
    expect(headings).toEqual(['Taiwan and the Indo-Pacific', '李在明訪中與東北亞安保情勢']);
    const first = rowOf(page, '務實外交');
    // Compact rows: the note as text, the tags as labels, no open fields.
    expect(await first.locator('button.note').innerText()).toBe('Note with emoji 🙂 and <b>markup</b>');
    expect(await first.locator('.tag').allInnerTexts()).toEqual(['外交', 'Korea']);
    expect(await page.getByRole('textbox').count()).toBe(0);
    const href = await first.getByRole('link', { name: 'Open the passage' }).getAttribute('href');
    expect(href).toMatch(/^https:\/\/www\.pf\.org\.tw\/tw\/pfch\/34-12001\.html#:~:text=/);
    expect(await page.locator('.highlight b').count()).toBe(0);
  });

  it('filters by search text, colour, tag and article', async () => {
    const search = page.getByRole('searchbox', { name: 'Search' });
    await search.fill('DENIAL');
    await expect.poll(() => highlightCount(page)).toBe('1 of 3 highlights shown');
    expect(await page.locator('.highlight .quote').allInnerTexts()).toEqual(['deterrence by denial']);
    await search.fill('');
    await page.getByLabel('Colour').selectOption('green');
    await expect.poll(() => highlightCount(page)).toBe('1 of 3 highlights shown');
    await page.getByLabel('Colour').selectOption('');
    await page.getByLabel('Tag', { exact: true }).selectOption('飛彈');
    await expect.poll(() => page.locator('.highlight .quote').allInnerTexts()).toEqual(['北韓試射洲際彈道飛彈']);
    await page.getByLabel('Tag', { exact: true }).selectOption('');
    await page.getByLabel('Article').selectOption(ARTICLE_A);
    await expect.poll(() => highlightCount(page)).toBe('2 of 3 highlights shown');
    await page.getByLabel('Article').selectOption('');
    await expect.poll(() => highlightCount(page)).toBe('3 of 3 highlights shown');
  });

  it('downloads each export with the content its format needs, and a full JSON export counts as a backup', async () => {
    expect(await lastBackup(page)).toBe('Last backup: never.');
    const csv = await download(page, 'Export CSV');
    expect(csv.text.startsWith('\uFEFFHighlight,Title,Author,URL,Note,Location,Date,Color,Tags\r\n')).toBe(true);
    expect(csv.text).toContain('"務實外交，\n""兩岸"", 與\t美國"');
    expect(csv.download.suggestedFilename()).toMatch(/^prospect-reader-highlights-\d{4}-\d{2}-\d{2}\.csv$/);

    const json = await download(page, 'Export JSON (backup)');
    const collection = JSON.parse(json.text);
    expect(collection['@context']).toContain('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.first.items).toHaveLength(3);
    expect(collection['pr:savedTerms']).toHaveLength(1);
    await expect.poll(() => lastBackup(page)).toBe('Last backup: today.');
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect.poll(() => lastBackup(popup)).toBe('Last backup: today.');
    await popup.close();

    const md = await download(page, 'Export Markdown');
    expect(md.text.startsWith('---\ntitle: ')).toBe(true);
    expect(md.text).toContain('#:~:text=');

    const zip = await download(page, 'Export Markdown zip (one file per article)');
    expect(zip.download.suggestedFilename()).toMatch(/\.zip$/);
    expect(readFileSync((await zip.download.path())!).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));

    const anki = await download(page, 'Export Anki (vocabulary)');
    expect(anki.text.startsWith('#separator:tab\n')).toBe(true);
    expect(anki.text).toContain('<b>薩德反導系統</b>');
  });

  it('exports only what the filter shows, named as a selection', async () => {
    await page.getByRole('searchbox', { name: 'Search' }).fill('deterrence');
    const csv = await download(page, 'Export CSV');
    expect(csv.download.suggestedFilename()).toMatch(/^prospect-reader-highlights-selection-/);
    expect(csv.text.trim().split('\r\n')).toHaveLength(2);
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
  });

  it('refuses a broken backup with an alert and leaves the list as it was', async () => {
    await importFile(page, 'broken.json', Buffer.from('{"@context": "http://www.w3.org/ns/anno.jsonld", "first": {"items": [', 'utf8'));
    await expect.poll(() => page.getByRole('alert').last().innerText()).toMatch(/Import refused.*not complete JSON/);
    const future = JSON.parse(backup(SEEDED).toString('utf8'));
    future['pr:schemaVersion'] = 99;
    await importFile(page, 'future.json', Buffer.from(JSON.stringify(future)));
    await expect.poll(() => page.getByRole('alert').last().innerText()).toMatch(/newer version of Prospect Reader/);
    expect(await highlightCount(page)).toBe('3 of 3 highlights shown');
  });

  it('recognises a second import of the same backup as duplicates', async () => {
    await importFile(page, 'backup.json', backup(SEEDED, [TERM_SEEDED]));
    await expect.poll(() => page.getByRole('status').first().innerText()).toMatch(/0 highlights and 0 saved terms added; 3 highlights and 1 saved terms skipped/);
  });

  it('saves an edited note, and deletes with undo', async () => {
    await editNote(page, 'deterrence by denial', 'Edited: 嚇阻 & "denial"', 'strategy， 戰略');
    await page.reload();
    const again = rowOf(page, 'deterrence by denial');
    await expect.poll(() => again.locator('button.note').innerText()).toBe('Edited: 嚇阻 & "denial"');
    expect(await again.locator('.tag').allInnerTexts()).toEqual(['strategy', '戰略']);

    await again.getByRole('button', { name: /^Delete/ }).click();
    await expect.poll(() => highlightCount(page)).toBe('2 of 2 highlights shown');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => highlightCount(page)).toBe('3 of 3 highlights shown');
  });

  it('moves through rows with the keyboard, folds an article and opens a note with Enter', async () => {
    const heading = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Taiwan and the Indo-Pacific' }) });
    const hasFocus = (row: ReturnType<typeof rowOf>) => row.locator('.item').evaluate((el) => el === document.activeElement);
    await heading.locator('.item').focus();
    await page.keyboard.press('ArrowDown');
    // The keys act on the row that has the focus: wait until it has moved.
    await expect.poll(() => hasFocus(rowOf(page, 'deterrence by denial'))).toBe(true);
    await page.keyboard.press('Enter');
    const note = rowOf(page, 'deterrence by denial').getByRole('textbox', { name: 'Note' });
    await expect.poll(() => note.inputValue()).toBe('Edited: 嚇阻 & "denial"');
    // The reader presses Escape in the editor, once the caret is there (focus moves after the editor is drawn).
    await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('textbox').count()).toBe(0);
    await expect.poll(() => hasFocus(rowOf(page, 'deterrence by denial'))).toBe(true);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => hasFocus(heading)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('button', { name: 'Show highlights: Taiwan and the Indo-Pacific' }).count()).toBe(1);
    expect(await rowOf(page, 'deterrence by denial').count()).toBe(0);
    await page.keyboard.press('Enter');
    await expect.poll(() => rowOf(page, 'deterrence by denial').count()).toBe(1);
  });

  it('keeps a deleted highlight in Recently deleted, restores it exactly, and deletes it for good on request', async () => {
    await rowOf(page, '北韓試射洲際彈道飛彈').getByRole('button', { name: /^Delete/ }).click();
    await expect.poll(() => highlightCount(page)).toBe('2 of 2 highlights shown');
    await page.getByRole('tab', { name: /^Recently deleted/ }).click();
    const trash = page.getByRole('list', { name: 'Recently deleted' });
    await expect.poll(() => trash.getByRole('listitem').allInnerTexts()).toEqual([expect.stringContaining('北韓試射洲際彈道飛彈')]);
    await trash.getByRole('button', { name: 'Restore: 北韓試射洲際彈道飛彈' }).click();
    await expect.poll(() => page.getByText('Nothing was deleted in the last 30 days.').count()).toBe(1);
    await page.getByRole('tab', { name: /^Highlights/ }).click();
    await expect.poll(() => highlightCount(page)).toBe('3 of 3 highlights shown');
    expect(await rowOf(page, '北韓試射洲際彈道飛彈').locator('.tag').allInnerTexts()).toEqual(['飛彈']);

    const extra = highlight(60, { quote: { type: 'TextQuoteSelector', exact: '要永久刪除的重點', prefix: '', suffix: '' } });
    expect(await sendFrom(page, { type: 'highlights/add', highlight: extra })).toMatchObject({ ok: true });
    await rowOf(page, '要永久刪除的重點').getByRole('button', { name: /^Delete/ }).click();
    await page.getByRole('tab', { name: /^Recently deleted/ }).click();
    await page.getByRole('button', { name: 'Delete for good: 要永久刪除的重點' }).click();
    await expect.poll(() => page.getByText('Nothing was deleted in the last 30 days.').count()).toBe(1);
    expect(await sendFrom(page, { type: 'highlights/restore', id: extra.id })).toMatchObject({ ok: false });
    await page.getByRole('tab', { name: /^Highlights/ }).click();
  });

  it('imports a hand-edited backup, and the imported record can be edited and deleted', async () => {
    const doc = JSON.parse(backup([highlight(70, { quote: { type: 'TextQuoteSelector', exact: '手改備份的重點', prefix: '', suffix: '' } })]).toString('utf8'));
    const item = doc.first.items[0];
    // What a person editing the file by hand writes: another form of the address, a zero-length
    // position, tags with spaces and repeats, a context far longer than any made here.
    item.target.source = 'http://pf.org.tw/tw/pfch/34-12001.html?ref=mail';
    item.target.selector[0].prefix = '前文'.repeat(3000);
    item.target.selector[1].end = item.target.selector[1].start;
    item.body = [
      { type: 'TextualBody', purpose: 'commenting', value: 'hand-edited' },
      { type: 'TextualBody', purpose: 'tagging', value: '  手改 ' },
      { type: 'TextualBody', purpose: 'tagging', value: '手改' },
    ];
    await importFile(page, 'edited.json', Buffer.from(JSON.stringify(doc)));
    await expect.poll(() => page.getByRole('status').first().innerText()).toMatch(/1 highlights and 0 saved terms added/);
    const row = rowOf(page, '手改備份的重點');
    expect(await row.locator('.tag').allInnerTexts()).toEqual(['手改']);
    await editNote(page, '手改備份的重點', 'edited after import');
    await row.getByRole('button', { name: /^Delete/ }).click();
    await expect.poll(() => rowOf(page, '手改備份的重點').count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => rowOf(page, '手改備份的重點').locator('button.note').innerText()).toBe('edited after import');
    await rowOf(page, '手改備份的重點').getByRole('button', { name: /^Delete/ }).click();
    await expect.poll(() => highlightCount(page)).toBe('3 of 3 highlights shown');
  });

  it('updates live when another part of the extension adds a highlight', async () => {
    const other = await openNotes();
    const added = highlight(50, { quote: { type: 'TextQuoteSelector', exact: '即時新增的重點', prefix: '', suffix: '' } });
    const reply = await sendFrom(other, { type: 'highlights/add', highlight: added });
    expect(reply).toMatchObject({ ok: true });
    await other.close();
    await expect.poll(() => highlightCount(page)).toBe('4 of 4 highlights shown');
    expect(await page.locator('.highlight .quote').allInnerTexts()).toContain('即時新增的重點');
  });

  it('lists highlights a tab could not attach in their own section', async () => {
    const other = await openNotes();
    const report = (ids: string[]) => sendFrom(other, { type: 'highlights/orphans', articleUrl: ARTICLE_A, ids });
    expect(await report([uuid(1)])).toEqual({ ok: true, value: [uuid(1)] });
    await expect.poll(() => page.locator('.row-orphans h2').innerText()).toBe('No longer found in their article (1)');
    const section = await page.locator('.row').allInnerTexts();
    expect(section[1]).toContain('務實外交');
    await report([]);
    await expect.poll(() => page.locator('.row-orphans').count()).toBe(0);
    await other.close();
  });

  it("shows the active tab's article in the side panel", async () => {
    const article = await browser.context.newPage();
    await article.goto(ARTICLE_A);
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    await expect.poll(() => highlightCount(panel)).toMatch(/^0 of 4 highlights shown/);
    await article.bringToFront();
    await expect.poll(() => highlightCount(panel)).toBe('3 of 4 highlights shown');
    expect(await panel.locator('.row-article h2').allInnerTexts()).toEqual(['李在明訪中與東北亞安保情勢']);
    await panel.close();
    await article.close();
  });

  it('opens on one highlight from its address', async () => {
    const focused = await openNotes(browser, `#article=${encodeURIComponent(ARTICLE_A)}&highlight=${uuid(2)}`);
    await expect.poll(() => highlightCount(focused)).toBe('3 of 4 highlights shown');
    await expect.poll(() => focused.locator('.highlight.focused .quote').innerText()).toBe('北韓試射洲際彈道飛彈');
    await focused.close();
  });

  it('shows an import in an open article at once, without a reload', async () => {
    const article = await browser.context.newPage();
    await article.goto(ARTICLE_A);
    await waitForMarks(article);
    const marks = () => article.locator('pr-highlight').allInnerTexts();
    expect(await marks()).not.toContain('務實外交');
    const live = highlight(80, { quote: { type: 'TextQuoteSelector', exact: '務實外交', prefix: '以國家利益為核心的「', suffix: '」' } });
    await importFile(page, 'live.json', backup([live]));
    await expect.poll(marks, { timeout: 10_000 }).toContain('務實外交');
    await article.close();
  });
});

describe('saving a term from its card', () => {
  it('stores the term with its sentence and article, shown in the vocabulary and the Anki export', async () => {
    const article = await browser.context.newPage();
    await article.goto(SEED_ARTICLE_URL);
    await waitForMarks(article, 20);
    await article.locator(`${TERM}[data-term-id="icbm"]`).first().hover();
    const card = ax(article).getByRole('tooltip');
    await expect.poll(() => card.isVisible()).toBe(true);
    await card.getByRole('button', { name: 'Save term' }).click();
    await expect.poll(() => card.getByRole('status').innerText()).toBe('Saved');
    await article.close();

    const notes = await openNotes();
    await notes.getByRole('tab', { name: /Vocabulary/ }).click();
    const term = notes.locator('.term').filter({ hasText: '洲際彈道飛彈' });
    await expect.poll(() => term.count()).toBe(1);
    const sentence = await term.locator('.sentence').innerText();
    expect(sentence).toContain('洲際彈道飛彈');
    expect(sentence.length).toBeLessThanOrEqual(300);
    expect(await term.locator('.sentence strong').first().innerText()).toBe('洲際彈道飛彈');
    expect(await term.getByRole('link').getAttribute('href')).toBe(SEED_ARTICLE_URL);
    const anki = await download(notes, 'Export Anki (vocabulary)');
    expect(anki.text).toMatch(/^洲際彈道飛彈\t洲际弹道飞弹\t.*<b>洲際彈道飛彈<\/b>/m);
    await notes.close();
  });
});

describe('a fresh browser profile', () => {
  it('imports a backup exported from another profile', async () => {
    const source = await openNotes();
    const json = await download(source, 'Export JSON (backup)');
    await source.close();
    const fresh = await launchWithExtension();
    try {
      const page = await openNotes(fresh);
      expect(await highlightCount(page)).toBe('0 of 0 highlights shown');
      await importFile(page, 'backup.json', Buffer.from(json.text, 'utf8'));
      await expect.poll(() => page.getByRole('status').first().innerText()).toMatch(/5 highlights and 2 saved terms added/);
      await expect.poll(() => highlightCount(page)).toBe('5 of 5 highlights shown');
    } finally {
      await fresh.close();
    }
  });

  it('keeps only the visible rows of 2,500 highlights in the page', async () => {
    const fresh = await launchWithExtension();
    try {
      const page = await openNotes(fresh);
      const many = Array.from({ length: 2_500 }, (_, i) =>
        highlight(1_000 + i, { articleUrl: `https://www.pf.org.tw/tw/pfch/34-${13_000 + (i % 40)}.html`, color: (['yellow', 'green', 'blue', 'pink', 'purple'] as HighlightColor[])[i % 5]! }),
      );
      await importFile(page, 'many.json', backup(many));
      await expect.poll(() => highlightCount(page), { timeout: 30_000 }).toBe('2500 of 2500 highlights shown');
      const rendered = await page.locator('.row').count();
      expect(rendered).toBeGreaterThan(3);
      expect(rendered).toBeLessThan(80);
      await page.locator('.list').evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await expect.poll(() => page.locator('.row-highlight .quote').last().innerText()).toMatch(/^第 \d+ 段引文$/);
      expect(await page.locator('.row').count()).toBeLessThan(80);
    } finally {
      await fresh.close();
    }
  });
});
