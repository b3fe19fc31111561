import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProspectDb } from '../../../../background/db/database';
import {
  addHighlight,
  findSameQuote,
  listByArticle,
  listHighlights,
  updateHighlight,
} from '../../../../background/db/highlight-store';
import { StoreError } from '../../../../background/db/store-error';
import { ARTICLE, ARTICLE_EN, freshDb, hostileHighlight, makeHighlight } from '../../records';

let db: ProspectDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

describe('highlight store', () => {
  it('adds a highlight and reads it back unchanged', async () => {
    const h = hostileHighlight();
    await addHighlight(db, h);
    expect(await db.highlights.get(h.id)).toStrictEqual(h);
  });

  it('refuses a second highlight with the same id as a typed duplicate error', async () => {
    const h = makeHighlight();
    await addHighlight(db, h);
    const error = await addHighlight(db, { ...h, note: 'other' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).kind).toBe('duplicate');
    expect((await db.highlights.get(h.id))?.note).toBe('');
  });

  it('updates note, tags and colour, stamps modified and keeps the rest', async () => {
    const h = makeHighlight();
    await addHighlight(db, h);
    const updated = await updateHighlight(db, h.id, { note: '重要', tags: ['a', 'b'], color: 'green' }, new Date('2024-06-01T12:00:00Z'));
    expect(updated).toStrictEqual({ ...h, note: '重要', tags: ['a', 'b'], color: 'green', modified: '2024-06-01T12:00:00.000Z' });
    expect(await db.highlights.get(h.id)).toStrictEqual(updated);
  });

  it('leaves fields given as undefined alone', async () => {
    const h = makeHighlight({ note: 'keep me' });
    await addHighlight(db, h);
    const updated = await updateHighlight(db, h.id, { note: undefined, color: 'blue' }, new Date('2024-06-01T12:00:00Z'));
    expect(updated.note).toBe('keep me');
    expect(updated.color).toBe('blue');
  });

  it('reports updating a missing highlight as not-found', async () => {
    await expect(updateHighlight(db, 'missing', { note: 'x' })).rejects.toMatchObject({ name: 'StoreError', kind: 'not-found' });
  });

  it('lists one article in reading order', async () => {
    const later = makeHighlight({ position: { type: 'TextPositionSelector', start: 500, end: 510 } });
    const earlier = makeHighlight({ position: { type: 'TextPositionSelector', start: 5, end: 10 } });
    const elsewhere = makeHighlight({ articleUrl: ARTICLE_EN });
    for (const h of [later, earlier, elsewhere]) await addHighlight(db, h);
    expect((await listByArticle(db, ARTICLE)).map((h) => h.id)).toEqual([earlier.id, later.id]);
  });

  it('filters by text in quote, note and tags, by colour, tag and article', async () => {
    const a = makeHighlight({ note: 'Deterrence matters', tags: ['security'], color: 'yellow', created: '2024-05-01T00:00:00Z' });
    const b = makeHighlight({ quote: { type: 'TextQuoteSelector', exact: '兩岸關係', prefix: '', suffix: '' }, tags: ['china'], color: 'blue', created: '2024-05-02T00:00:00Z' });
    const c = makeHighlight({ articleUrl: ARTICLE_EN, note: 'ＮＡＴＯ summit', tags: ['security'], color: 'blue', created: '2024-05-03T00:00:00+08:00' });
    for (const h of [a, b, c]) await addHighlight(db, h);
    const ids = async (filter: Parameters<typeof listHighlights>[1]) => (await listHighlights(db, filter)).map((h) => h.id);

    expect(await ids({})).toEqual([c.id, b.id, a.id]);
    expect(await ids({ text: 'DETERRENCE' })).toEqual([a.id]);
    expect(await ids({ text: '兩岸' })).toEqual([b.id]);
    expect(await ids({ text: 'nato' })).toEqual([c.id]); // full-width letters fold
    expect(await ids({ text: 'china' })).toEqual([b.id]); // a tag
    expect(await ids({ color: 'blue' })).toEqual([c.id, b.id]);
    expect(await ids({ tag: 'security' })).toEqual([c.id, a.id]);
    expect(await ids({ tag: 'security', color: 'blue' })).toEqual([c.id]);
    expect(await ids({ articleUrl: ARTICLE, color: 'blue' })).toEqual([b.id]);
    expect(await ids({ articleUrl: ARTICLE, text: 'summit' })).toEqual([]);
  });

  it('finds a highlight of the same passage through the version 2 index', async () => {
    const h = makeHighlight();
    await addHighlight(db, h);
    expect(await findSameQuote(db, h.articleUrl, h.quote.exact)).toStrictEqual(h);
    expect(await findSameQuote(db, ARTICLE_EN, h.quote.exact)).toBeUndefined();
  });

  it('turns a full disk into a StoreError of kind quota with a clear message', async () => {
    vi.spyOn(db.highlights, 'add').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const error = await addHighlight(db, makeHighlight()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).kind).toBe('quota');
    expect((error as StoreError).message).toMatch(/no storage space left/);
    expect((error as StoreError).cause).toBeInstanceOf(DOMException);
  });

  it('finds the quota error inside a Dexie error that wraps it', async () => {
    const wrapped = Object.assign(new Error('Transaction aborted'), {
      name: 'AbortError',
      inner: new DOMException('full', 'QuotaExceededError'),
    });
    vi.spyOn(db.highlights, 'put').mockRejectedValue(wrapped);
    const h = makeHighlight();
    await addHighlight(db, h);
    await expect(updateHighlight(db, h.id, { note: 'x' })).rejects.toMatchObject({ kind: 'quota' });
    expect((await db.highlights.get(h.id))?.note).toBe('');
  });

  it('reports a closed database as kind closed', async () => {
    db.close();
    await expect(listHighlights(db)).rejects.toMatchObject({ kind: 'closed' });
  });
});
