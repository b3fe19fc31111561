import { beforeEach, describe, expect, it } from 'vitest';
import { ProspectDb } from '../../../background/db/database';
import { listOrphanIds } from '../../../background/db/orphan-store';
import { matchIndexOf } from '../../../utils/glossary/match-index';
import type { GlossaryIndex } from '../../../utils/glossary/types';
import { createRequestHandler } from '../../../background/request-handler';
import { createGlossaryService } from '../../../background/glossary-service';
import { EMPTY_PERSONAL_GLOSSARY } from '../../../utils/glossary/personal-storage';
import { createBackgroundHandlers } from '../../../background/services';
import { ARTICLE, ARTICLE_EN, makeHighlight } from '../records';

const index: GlossaryIndex = { version: 1, entries: [], patterns: [], fold: '' };
const fromExtension = { id: 'ext-id', url: 'chrome-extension://ext-id/notes.html' };

let db: ProspectDb;
let handle: ReturnType<typeof createRequestHandler>;

beforeEach(() => {
  db = new ProspectDb({ name: `test-${crypto.randomUUID()}` });
  handle = createRequestHandler(
    createBackgroundHandlers({
      db,
      glossary: createGlossaryService({ loadBuiltIn: async () => index, loadBuiltInMatch: async () => matchIndexOf(index), loadPersonal: async () => EMPTY_PERSONAL_GLOSSARY }),
      announce: async () => {},
      openNotes: async () => {},
      openPdf: async () => {},
      readExtensionFile: async (path) => `contents of ${path}`,
      dictionary: { lookup: () => Promise.reject(new Error('no dictionary in this test')) },
      updateSettings: () => Promise.reject(new Error('no settings in this test')),
    }),
    'ext-id',
    'chrome-extension://ext-id/',
  );
});

describe('highlights/orphans', () => {
  it("records the ids a tab could not attach, keeping only that article's highlights", async () => {
    const lost = makeHighlight();
    const attached = makeHighlight({ position: { type: 'TextPositionSelector', start: 300, end: 306 } });
    const elsewhere = makeHighlight({ articleUrl: ARTICLE_EN });
    await db.highlights.bulkAdd([lost, attached, elsewhere]);

    const reply = await handle(
      { type: 'highlights/orphans', articleUrl: ARTICLE, ids: [lost.id, elsewhere.id, 'not-a-highlight'] },
      fromExtension,
    );
    expect(reply).toEqual({ ok: true, value: [lost.id] });
    expect(await listOrphanIds(db)).toEqual(new Set([lost.id]));
  });

  it('replaces the previous report for the article, and an empty report clears it', async () => {
    const a = makeHighlight();
    const b = makeHighlight({ quote: { type: 'TextQuoteSelector', exact: '務實外交', prefix: '', suffix: '' } });
    const other = makeHighlight({ articleUrl: ARTICLE_EN });
    await db.highlights.bulkAdd([a, b, other]);
    await handle({ type: 'highlights/orphans', articleUrl: ARTICLE, ids: [a.id] }, fromExtension);
    await handle({ type: 'highlights/orphans', articleUrl: ARTICLE_EN, ids: [other.id] }, fromExtension);
    await handle({ type: 'highlights/orphans', articleUrl: ARTICLE, ids: [b.id] }, fromExtension);
    expect(await listOrphanIds(db)).toEqual(new Set([b.id, other.id]));
    await handle({ type: 'highlights/orphans', articleUrl: ARTICLE, ids: [] }, fromExtension);
    expect(await listOrphanIds(db)).toEqual(new Set([other.id]));
  });

  it('refuses malformed reports and leaves the record as it was', async () => {
    const a = makeHighlight();
    await db.highlights.add(a);
    await handle({ type: 'highlights/orphans', articleUrl: ARTICLE, ids: [a.id] }, fromExtension);
    for (const message of [
      { type: 'highlights/orphans', articleUrl: 'javascript:alert(1)', ids: [] },
      { type: 'highlights/orphans', articleUrl: ARTICLE, ids: [''] },
      { type: 'highlights/orphans', articleUrl: ARTICLE, ids: 'all' },
      { type: 'highlights/orphans', articleUrl: ARTICLE },
    ]) {
      expect(await handle(message, fromExtension)).toEqual({ ok: false, error: expect.stringMatching(/^refused/) });
    }
    expect(await listOrphanIds(db)).toEqual(new Set([a.id]));
  });
});
