import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_NAME, ProspectDb, SCHEMA_V1, SENTINEL_KEY } from '../../../../background/db/database';
import { findSameQuote, listHighlights } from '../../../../background/db/highlight-store';
import { listSavedTerms } from '../../../../background/db/saved-term-store';
import { bareHighlight, hostileHighlight, makeHighlight, makeTerm } from '../../records';

const opened: Dexie[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function track<T extends Dexie>(db: T): T {
  opened.push(db);
  return db;
}

describe('ProspectDb', () => {
  it('is named prospect-reader and declares the shipped tables and indexes', async () => {
    const db = track(new ProspectDb({ indexedDB: new IDBFactory(), IDBKeyRange }));
    await db.open();
    expect(db.name).toBe(DB_NAME);
    expect(db.verno).toBe(3);
    const highlights = db.highlights.schema;
    expect(highlights.primKey.name).toBe('id');
    expect(highlights.indexes.map((i) => i.name).sort()).toEqual(
      ['[articleUrl+quote.exact]', 'articleUrl', 'color', 'created', 'modified', 'tags'].sort(),
    );
    expect(highlights.idxByName.tags?.multi).toBe(true);
    expect(db.savedTerms.schema.indexes.map((i) => i.name).sort()).toEqual(
      ['[termId+articleUrl]', 'articleUrl', 'created', 'termId'].sort(),
    );
    expect(db.meta.schema.primKey.name).toBe('key');
    expect(db.trash.schema.primKey.name).toBe('key');
    expect(db.trash.schema.indexes.map((i) => i.name).sort()).toEqual(['articleUrl', 'deleted', 'kind']);
  });

  it('writes a sentinel when the database is created, and only then', async () => {
    const factory = new IDBFactory();
    const ids = ['first', 'second'];
    const first = track(new ProspectDb({ indexedDB: factory, IDBKeyRange, newId: () => ids.shift() as string, now: () => new Date('2024-05-01T00:00:00Z') }));
    expect(await first.meta.get(SENTINEL_KEY)).toEqual({ key: SENTINEL_KEY, value: 'first', created: '2024-05-01T00:00:00.000Z' });
    first.close();
    const again = track(new ProspectDb({ indexedDB: factory, IDBKeyRange, newId: () => ids.shift() as string }));
    expect((await again.meta.get(SENTINEL_KEY))?.value).toBe('first');
  });

  it('keeps databases made with different factories apart', async () => {
    const a = track(new ProspectDb({ indexedDB: new IDBFactory(), IDBKeyRange }));
    const b = track(new ProspectDb({ indexedDB: new IDBFactory(), IDBKeyRange }));
    await a.highlights.add(makeHighlight());
    expect(await b.highlights.count()).toBe(0);
  });

  it('upgrades a version 1 database with every record intact and the new index usable', async () => {
    const factory = new IDBFactory();
    // The first release, as it shipped: version 1 only.
    const v1 = track(new Dexie(DB_NAME, { indexedDB: factory, IDBKeyRange }));
    v1.version(1).stores(SCHEMA_V1);
    const highlights = [
      makeHighlight({ note: 'a note', tags: ['taiwan', 'security'] }),
      hostileHighlight(),
      bareHighlight({ color: 'purple' }),
    ];
    const terms = [makeTerm(), makeTerm({ sentence: '另一句話。' })];
    await v1.table('highlights').bulkAdd(highlights);
    await v1.table('savedTerms').bulkAdd(terms);
    await v1.table('meta').add({ key: SENTINEL_KEY, value: 'from-v1', created: '2024-01-01T00:00:00.000Z' });
    expect(v1.verno).toBe(1);
    v1.close();

    const current = track(new ProspectDb({ indexedDB: factory, IDBKeyRange }));
    await current.open();
    expect(current.verno).toBe(3);
    expect(await current.trash.count()).toBe(0);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect((await current.highlights.toArray()).sort(byId)).toStrictEqual([...highlights].sort(byId));
    expect((await listSavedTerms(current)).sort(byId)).toStrictEqual([...terms].sort(byId));
    expect(await current.meta.get(SENTINEL_KEY)).toEqual({ key: SENTINEL_KEY, value: 'from-v1', created: '2024-01-01T00:00:00.000Z' });
    // The version 2 index covers records written before it existed.
    const hostile = highlights[1];
    expect(await findSameQuote(current, hostile!.articleUrl, hostile!.quote.exact)).toStrictEqual(hostile);
    expect(await listHighlights(current, { tag: 'security' })).toHaveLength(1);
  });
});
