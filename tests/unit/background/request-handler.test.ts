import { beforeEach, describe, expect, it } from 'vitest';
import { createRequestHandler } from '../../../background/request-handler';
import { createGlossaryService } from '../../../background/glossary-service';
import { EMPTY_PERSONAL_GLOSSARY } from '../../../utils/glossary/personal-storage';
import { createBackgroundHandlers } from '../../../background/services';
import { ProspectDb } from '../../../background/db/database';
import { matchIndexOf } from '../../../utils/glossary/match-index';
import type { GlossaryIndex } from '../../../utils/glossary/types';
import type { Highlight } from '../../../utils/highlights/types';
import { exportW3cJson } from '../../../utils/export/w3c-json';
import { makeHighlight, makeTerm } from '../records';
import { applySettingsPatch, DEFAULT_SETTINGS, type ReadingSettingsPatch } from '../../../utils/settings/settings';

const index: GlossaryIndex = { version: 1, entries: [], patterns: [], fold: '' };
const EXT = 'chrome-extension://ext-id/';
// The article's tab (content script) and the notes desk (an extension page).
const fromArticleTab = { id: 'ext-id', url: 'https://www.pf.org.tw/tw/pfch/34-12001.html?from=home#top', tab: { id: 7 }, frameId: 0 };
const fromOtherTab = { id: 'ext-id', url: 'https://www.pf.org.tw/en/pfen/33-11787.html', tab: { id: 8 }, frameId: 0 };
const fromDesk = { id: 'ext-id', url: `${EXT}notes.html`, tab: { id: 9 } };
const ARTICLE = 'https://www.pf.org.tw/tw/pfch/34-12001.html';

const highlight = (over: Partial<Highlight> = {}): Highlight =>
  makeHighlight({ id: '3b241101-e2bb-4255-8caf-4136c566a962', articleUrl: ARTICLE, ...over });

let announced: string[];
let origins: string[];
let db: ProspectDb;
let openedPdfs: unknown[];
let settingsPatches: ReadingSettingsPatch[];
let handle: ReturnType<typeof createRequestHandler>;

beforeEach(() => {
  announced = [];
    origins = [];
    openedPdfs = [];
    settingsPatches = [];
    db = new ProspectDb({ name: `test-${crypto.randomUUID()}` });
  const handlers = createBackgroundHandlers({
    db,
    glossary: createGlossaryService({ loadBuiltIn: async () => index, loadBuiltInMatch: async () => matchIndexOf(index), loadPersonal: async () => EMPTY_PERSONAL_GLOSSARY }),
    announce: async (urls, origin) => {
      announced.push(...urls);
      origins.push(origin);
    },
    openNotes: async () => {},
    openPdf: async (target) => void openedPdfs.push(target),
    readExtensionFile: async (path) => `contents of ${path}`,
    dictionary: { lookup: () => Promise.reject(new Error('no dictionary in this test')) },
    updateSettings: async (patch) => {
      settingsPatches.push(patch);
      return applySettingsPatch(DEFAULT_SETTINGS, patch);
    },
  });
  handle = createRequestHandler(handlers, 'ext-id', EXT);
});

describe('the background request handler', () => {
  it('opens the PDF reader on a PDF from the web, and refuses another kind of address', async () => {
    const pdfUrl = 'https://www.pf.org.tw/upload/12001.pdf';
    const articleUrl = 'https://www.pf.org.tw/tw/pfch/34-12001.html';
    expect(await handle({ type: 'pdf/open', pdfUrl, articleUrl }, fromArticleTab)).toEqual({ ok: true, value: null });
    expect(openedPdfs).toEqual([{ type: 'pdf/open', pdfUrl, articleUrl }]);
    expect(await handle({ type: 'pdf/open', pdfUrl: 'javascript:alert(1)' }, fromArticleTab)).toMatchObject({ ok: false });
    expect(openedPdfs).toHaveLength(1);
  });

  it('answers a valid request from the extension', async () => {
    expect(await handle({ type: 'glossary/get' }, fromDesk)).toEqual({ ok: true, value: index });
  });

  it('stores, lists, edits and removes highlights, announcing each change', async () => {
    expect(await handle({ type: 'highlights/add', highlight: highlight() }, fromArticleTab)).toMatchObject({ ok: true });
    const edited = await handle(
      { type: 'highlights/update', id: highlight().id, changes: { note: '<b>not markup</b>', tags: ['外交'] } },
      fromArticleTab,
    );
    expect(edited).toMatchObject({ ok: true, value: { note: '<b>not markup</b>', tags: ['外交'] } });
    const listed = await handle({ type: 'highlights/list', articleUrl: ARTICLE }, fromArticleTab);
    expect(listed).toMatchObject({ ok: true, value: [{ id: highlight().id }] });
    const removed = await handle({ type: 'highlights/remove', id: highlight().id }, fromArticleTab);
    expect(removed).toMatchObject({ ok: true, value: { id: highlight().id } });
    expect(await handle({ type: 'highlights/list', articleUrl: ARTICLE }, fromArticleTab)).toEqual({ ok: true, value: [] });
    expect(announced).toEqual([ARTICLE, ARTICLE, ARTICLE]);
  });

  it('reads the 繁/简 dictionaries for the page, one direction at a time', async () => {
    expect(await handle({ type: 'script/dictionary', direction: 's2t' }, fromArticleTab)).toEqual({
      ok: true,
      value: 'contents of opencc/s2t.json',
    });
    expect((await handle({ type: 'script/dictionary', direction: '../secrets' }, fromArticleTab)).ok).toBe(false);
  });

  it("stores a tab's reading choices, and no other setting nor an invalid value", async () => {
    const reply = await handle({ type: 'settings/update', patch: { script: 'simplified', glossMode: 'ruby' } }, fromArticleTab);
    expect(reply).toMatchObject({ ok: true, value: { script: 'simplified', glossMode: 'ruby', dictionary: true } });
    expect(settingsPatches).toEqual([{ script: 'simplified', glossMode: 'ruby' }]);
    // A tab that could widen allowedOrigins could switch the reader on across the web.
    const widen = await handle({ type: 'settings/update', patch: { allowedOrigins: ['https://evil.example'] } }, fromArticleTab);
    expect(widen).toMatchObject({ ok: false, error: expect.stringContaining('refused: not a valid request') });
    expect(await handle({ type: 'settings/update', patch: { script: 'klingon' } }, fromArticleTab)).toMatchObject({ ok: false });
    expect(await handle({ type: 'settings/update', patch: 'simplified' }, fromArticleTab)).toMatchObject({ ok: false });
    expect(await handle({ type: 'settings/update', patch: { glossCategories: ['military', 'gossip'] } }, fromArticleTab)).toMatchObject({ ok: false });
    const long = Array.from({ length: 10_000 }, () => 'military');
    expect(await handle({ type: 'settings/update', patch: { glossCategories: long } }, fromArticleTab)).toMatchObject({ ok: false });
    expect(settingsPatches).toHaveLength(1);
    await handle({ type: 'settings/update', patch: { glossCategories: ['place', 'military'] } }, fromArticleTab);
    expect(settingsPatches.at(-1)).toEqual({ glossCategories: ['place', 'military'] });
  });

  it('refuses messages of the wrong shape with a clear reason', async () => {
    for (const message of [
      null,
      'glossary/get',
      {},
      { type: 'glossary/delete' },
      { type: 'glossary/get', extra: 1 },
      { type: 'highlights/add', highlight: highlight({ color: 'red' as 'yellow' }) },
      { type: 'highlights/add', highlight: { ...highlight(), note: 'x'.repeat(200_000) } },
      { type: 'highlights/add', highlight: highlight({ position: { type: 'TextPositionSelector', start: 9, end: 3 } }) },
      { type: 'highlights/update', id: 'x', changes: { articleUrl: 'https://evil.example/' } },
      // More than a short article's text: a long page is marked by its own matcher, where the reader is.
      { type: 'glossary/first-marks', texts: ['北韓'.repeat(30_000), '北韓'.repeat(30_000)] },
      { type: 'glossary/first-marks', texts: [1] },
    ]) {
      const reply = await handle(message, fromArticleTab);
      expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^refused: not a valid request/) });
    }
  });

  it('refuses messages from web pages and other extensions', async () => {
    expect(await handle({ type: 'glossary/get' }, { url: 'https://evil.example/' })).toEqual({
      ok: false,
      error: expect.stringMatching(/did not come from this extension/),
    });
    expect((await handle({ type: 'glossary/get' }, { id: 'other' })).ok).toBe(false);
  });

  it('turns a failed write into an error reply', async () => {
    await handle({ type: 'highlights/add', highlight: highlight() }, fromArticleTab);
    const again = await handle({ type: 'highlights/add', highlight: highlight() }, fromArticleTab);
    expect(again).toEqual({ ok: false, error: expect.any(String) });
    const missing = await handle({ type: 'highlights/update', id: 'nope', changes: { note: 'x' } }, fromArticleTab);
    expect(missing.ok).toBe(false);
  });

  it('moves a removed highlight to "Recently deleted" and restores the stored record, not a copy sent back', async () => {
    await handle({ type: 'highlights/add', highlight: highlight({ note: 'kept' }) }, fromArticleTab);
    await handle({ type: 'highlights/remove', id: highlight().id }, fromArticleTab);
    expect(await db.trash.count()).toBe(1);
    expect(await handle({ type: 'highlights/restore', id: highlight().id }, fromArticleTab)).toMatchObject({ ok: true, value: { note: 'kept' } });
    expect(await db.highlights.get(highlight().id)).toMatchObject({ note: 'kept' });
    expect(await db.trash.count()).toBe(0);
  });

  it('names who made each change, so that context skips its echo', async () => {
    const tab = await handle({ type: 'client/origin' }, fromArticleTab);
    expect(tab).toEqual({ ok: true, value: 'tab:7:0' });
    await handle({ type: 'highlights/add', highlight: highlight() }, fromArticleTab);
    await handle({ type: 'highlights/update', id: highlight().id, changes: { note: 'x' } }, fromDesk);
    expect(origins).toEqual(['tab:7:0', `page:9:${EXT}notes.html`]);
  });

  it("binds a tab to the article its address shows; the desk reaches every article", async () => {
    const other = highlight({ id: '9b241101-e2bb-4255-8caf-4136c566a962', articleUrl: 'https://www.pf.org.tw/en/pfen/33-11787.html' });
    expect(await handle({ type: 'highlights/add', highlight: other }, fromArticleTab)).toEqual({ ok: false, error: expect.stringMatching(/^refused: this tab may only reach/) });
    expect(await handle({ type: 'highlights/add', highlight: other }, fromOtherTab)).toMatchObject({ ok: true });
    for (const request of [
      { type: 'highlights/list', articleUrl: other.articleUrl },
      { type: 'highlights/update', id: other.id, changes: { note: 'tampered' } },
      { type: 'highlights/remove', id: other.id },
      { type: 'highlights/orphans', articleUrl: other.articleUrl, ids: [other.id] },
      { type: 'terms/save', term: { ...makeTerm(), articleUrl: other.articleUrl } },
    ]) {
      expect(await handle(request, fromArticleTab)).toEqual({ ok: false, error: expect.stringMatching(/^refused: this tab may only reach/) });
    }
    expect(await db.highlights.get(other.id)).toStrictEqual(other);
    await handle({ type: 'highlights/remove', id: other.id }, fromDesk);
    expect(await handle({ type: 'highlights/restore', id: other.id }, fromArticleTab)).toMatchObject({ ok: false });
    expect(await handle({ type: 'highlights/restore', id: other.id }, fromDesk)).toMatchObject({ ok: true });
    expect(await handle({ type: 'highlights/list', articleUrl: other.articleUrl }, fromDesk)).toMatchObject({ ok: true, value: [{ id: other.id }] });
  });

  it('keeps the whole glossary, import, purging and saved-term removal to the extension pages', async () => {
    for (const request of [
      { type: 'glossary/get' },
      { type: 'backup/import', text: '{}' },
      { type: 'trash/purge', key: 'highlight:x' },
      { type: 'terms/remove', id: 'x' },
      { type: 'terms/restore', id: 'x' },
    ]) {
      expect(await handle(request, fromArticleTab)).toEqual({ ok: false, error: expect.stringMatching(/is for the notes desk/) });
    }
    expect(await handle({ type: 'terms/remove', id: 'x' }, fromDesk)).toEqual({ ok: true, value: null });
  });

  it('imports through the background and tells the open tabs of every article it touched', async () => {
    const text = exportW3cJson({ highlights: [highlight()], savedTerms: [] }, { exportedAt: new Date('2026-11-01T00:00:00Z'), newId: () => crypto.randomUUID() }).content;
    expect(await handle({ type: 'backup/import', text }, fromDesk)).toEqual({
      ok: true,
      value: { ok: true, added: { highlights: 1, savedTerms: 0 }, skipped: { highlights: 0, savedTerms: 0 } },
    });
    expect(announced).toEqual([ARTICLE]);
    expect(origins).toEqual([`page:9:${EXT}notes.html`]);
  });
});
