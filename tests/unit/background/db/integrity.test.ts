import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ProspectDb, SENTINEL_KEY } from '../../../../background/db/database';
import { checkIntegrity } from '../../../../background/db/integrity';

function ids(...values: string[]): () => string {
  return () => values.shift() ?? 'unexpected';
}

describe('checkIntegrity', () => {
  it('reports a first run, then intact while the sentinel stays', async () => {
    const db = new ProspectDb({ indexedDB: new IDBFactory(), IDBKeyRange, newId: ids('s1') });
    expect(await checkIntegrity(db, undefined)).toEqual({ status: 'first-run', sentinel: 's1' });
    expect(await checkIntegrity(db, 's1')).toEqual({ status: 'intact', sentinel: 's1' });
    db.close();
  });

  it('reports a wipe when the browser deleted the database and it was created afresh', async () => {
    const factory = new IDBFactory();
    const before = new ProspectDb({ indexedDB: factory, IDBKeyRange, newId: ids('original') });
    const { sentinel } = await checkIntegrity(before, undefined);
    await before.delete(); // what eviction or "clear site data" does
    const after = new ProspectDb({ indexedDB: factory, IDBKeyRange, newId: ids('recreated') });
    expect(await checkIntegrity(after, sentinel)).toEqual({ status: 'wiped', reason: 'sentinel-replaced', sentinel: 'recreated' });
    after.close();
  });

  it('reports a wipe when the sentinel vanished, and writes a new one', async () => {
    const db = new ProspectDb({ indexedDB: new IDBFactory(), IDBKeyRange, newId: ids('s1') });
    await db.open();
    await db.meta.clear();
    const report = await checkIntegrity(db, 's1', { newId: ids('s2'), now: () => new Date('2024-07-01T00:00:00Z') });
    expect(report).toEqual({ status: 'wiped', reason: 'sentinel-missing', sentinel: 's2' });
    expect(await db.meta.get(SENTINEL_KEY)).toEqual({ key: SENTINEL_KEY, value: 's2', created: '2024-07-01T00:00:00.000Z' });
    expect(await checkIntegrity(db, 's2')).toEqual({ status: 'intact', sentinel: 's2' });
    db.close();
  });
});
