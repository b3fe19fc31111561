import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ProspectDb } from '../../../../background/db/database';
import { INTEGRITY_STATUS_KEY, runIntegrityCheck, SENTINEL_STORAGE_KEY } from '../../../../background/db/integrity-status';

function memoryStorage(initial: Record<string, unknown> = {}) {
  const data: Record<string, unknown> = { ...initial };
  return {
    data,
    get: async (key: string) => (key in data ? { [key]: data[key] } : {}),
    set: async (items: Record<string, unknown>) => {
      Object.assign(data, items);
    },
  };
}

const at = () => new Date('2026-03-01T10:00:00Z');

describe('runIntegrityCheck', () => {
  it('remembers the sentinel on first run and records no wipe; intact afterwards', async () => {
    const db = new ProspectDb({ indexedDB: new IDBFactory(), IDBKeyRange, newId: () => 's1' });
    const storage = memoryStorage();
    expect((await runIntegrityCheck(db, storage, at)).status).toBe('first-run');
    expect(storage.data).toEqual({ [SENTINEL_STORAGE_KEY]: 's1' });
    expect((await runIntegrityCheck(db, storage, at)).status).toBe('intact');
    expect(storage.data[INTEGRITY_STATUS_KEY]).toBeUndefined();
    db.close();
  });

  it('records a wipe for the notes page when the database was recreated, and keeps it on later checks', async () => {
    const factory = new IDBFactory();
    const storage = memoryStorage();
    const first = new ProspectDb({ indexedDB: factory, IDBKeyRange, newId: () => 'original' });
    await runIntegrityCheck(first, storage, at);
    await first.delete();
    const again = new ProspectDb({ indexedDB: factory, IDBKeyRange, newId: () => 'recreated' });
    expect((await runIntegrityCheck(again, storage, at)).status).toBe('wiped');
    const wiped = { status: 'wiped', reason: 'sentinel-replaced', detected: '2026-03-01T10:00:00.000Z' };
    expect(storage.data).toEqual({ [SENTINEL_STORAGE_KEY]: 'recreated', [INTEGRITY_STATUS_KEY]: wiped });
    expect((await runIntegrityCheck(again, storage, at)).status).toBe('intact');
    expect(storage.data[INTEGRITY_STATUS_KEY]).toEqual(wiped);
    again.close();
  });

  it('treats a damaged remembered value as none', async () => {
    const db = new ProspectDb({ indexedDB: new IDBFactory(), IDBKeyRange, newId: () => 's1' });
    const storage = memoryStorage({ [SENTINEL_STORAGE_KEY]: { hostile: true } });
    expect((await runIntegrityCheck(db, storage, at)).status).toBe('first-run');
    expect(storage.data[SENTINEL_STORAGE_KEY]).toBe('s1');
    db.close();
  });
});
