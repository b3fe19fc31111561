import { beforeEach, describe, expect, it } from 'vitest';
import { createRequestHandler } from '../../../background/request-handler';
import { createBackgroundHandlers } from '../../../background/services';
import { ProspectDb } from '../../../background/db/database';
import type { GlossaryIndex } from '../../../utils/glossary/types';
import type { Highlight } from '../../../utils/highlights/types';
import { makeHighlight } from '../records';

const index: GlossaryIndex = { version: 1, entries: [], patterns: [], fold: '' };
const fromExtension = { id: 'ext-id', url: 'https://www.pf.org.tw/tw/pfch/34-12001.html' };
const ARTICLE = 'https://www.pf.org.tw/tw/pfch/34-12001.html';

const highlight = (over: Partial<Highlight> = {}): Highlight =>
  makeHighlight({ id: '3b241101-e2bb-4255-8caf-4136c566a962', articleUrl: ARTICLE, ...over });

let announced: string[];
let handle: ReturnType<typeof createRequestHandler>;

beforeEach(() => {
  announced = [];
  const db = new ProspectDb({ name: `test-${crypto.randomUUID()}` });
  const handlers = createBackgroundHandlers({
    db,
    glossary: () => index,
    announce: async (url) => void announced.push(url),
    openNotes: async () => {},
    readExtensionFile: async (path) => `contents of ${path}`,
    dictionary: { lookup: () => Promise.reject(new Error('no dictionary in this test')) },
  });
  handle = createRequestHandler(handlers, 'ext-id');
});

describe('the background request handler', () => {
  it('answers a valid request from the extension', async () => {
    expect(await handle({ type: 'glossary/get' }, fromExtension)).toEqual({ ok: true, value: index });
  });

  it('stores, lists, edits and removes highlights, announcing each change', async () => {
    expect(await handle({ type: 'highlights/add', highlight: highlight() }, fromExtension)).toMatchObject({ ok: true });
    const edited = await handle(
      { type: 'highlights/update', id: highlight().id, changes: { note: '<b>not markup</b>', tags: ['外交'] } },
      fromExtension,
    );
    expect(edited).toMatchObject({ ok: true, value: { note: '<b>not markup</b>', tags: ['外交'] } });
    const listed = await handle({ type: 'highlights/list', articleUrl: ARTICLE }, fromExtension);
    expect(listed).toMatchObject({ ok: true, value: [{ id: highlight().id }] });
    const removed = await handle({ type: 'highlights/remove', id: highlight().id }, fromExtension);
    expect(removed).toMatchObject({ ok: true, value: { id: highlight().id } });
    expect(await handle({ type: 'highlights/list', articleUrl: ARTICLE }, fromExtension)).toEqual({ ok: true, value: [] });
    expect(announced).toEqual([ARTICLE, ARTICLE, ARTICLE]);
  });

  it('reads the 繁/简 dictionaries for the page, one direction at a time', async () => {
    expect(await handle({ type: 'script/dictionary', direction: 's2t' }, fromExtension)).toEqual({
      ok: true,
      value: 'contents of opencc/s2t.json',
    });
    expect((await handle({ type: 'script/dictionary', direction: '../secrets' }, fromExtension)).ok).toBe(false);
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
    ]) {
      const reply = await handle(message, fromExtension);
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
    await handle({ type: 'highlights/add', highlight: highlight() }, fromExtension);
    const again = await handle({ type: 'highlights/add', highlight: highlight() }, fromExtension);
    expect(again).toEqual({ ok: false, error: expect.any(String) });
    const missing = await handle({ type: 'highlights/update', id: 'nope', changes: { note: 'x' } }, fromExtension);
    expect(missing.ok).toBe(false);
  });
});
