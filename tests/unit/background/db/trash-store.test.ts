import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProspectDb } from '../../../../background/db/database';
import {
  TRASH_DAYS,
  listTrash,
  purgeDate,
  purgeExpired,
  purgeTrashed,
  restoreHighlight,
  restoreSavedTerm,
  trashHighlight,
  trashKey,
  trashSavedTerm,
} from '../../../../background/db/trash-store';
import { freshDb, hostileHighlight, makeHighlight, makeTerm } from '../../records';

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-12-01T12:00:00Z');

let db: ProspectDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

describe('"Recently deleted"', () => {
  it('keeps a deleted highlight whole and restores the stored record exactly', async () => {
    const h = hostileHighlight({ note: 'a note', tags: ['台海', 'x'] });
    await db.highlights.add(h);
    expect(await trashHighlight(db, h.id, NOW)).toStrictEqual(h);
    expect(await db.highlights.count()).toBe(0);
    expect(await listTrash(db)).toStrictEqual([
      { key: trashKey('highlight', h.id), kind: 'highlight', deleted: NOW.toISOString(), articleUrl: h.articleUrl, record: h },
    ]);
    expect(await trashHighlight(db, h.id, NOW)).toBeUndefined();

    expect(await restoreHighlight(db, h.id)).toStrictEqual(h);
    expect(await db.highlights.get(h.id)).toStrictEqual(h);
    expect(await db.trash.count()).toBe(0);
  });

  it('restores a saved term exactly, and keeps a term and a highlight of the same id apart', async () => {
    const term = makeTerm({ id: 'shared-id' });
    const h = makeHighlight({ id: 'shared-id' });
    await db.savedTerms.add(term);
    await db.highlights.add(h);
    await trashSavedTerm(db, term.id, NOW);
    await trashHighlight(db, h.id, NOW);
    expect(await db.trash.count()).toBe(2);
    expect(await restoreSavedTerm(db, 'shared-id')).toStrictEqual(term);
    expect(await db.savedTerms.get('shared-id')).toStrictEqual(term);
    expect(await db.highlights.count()).toBe(0);
  });

  it('refuses to restore what is gone, or over a record saved since under the same id', async () => {
    await expect(restoreHighlight(db, 'never-deleted')).rejects.toMatchObject({ kind: 'not-found' });
    const h = makeHighlight();
    await db.highlights.add(h);
    await trashHighlight(db, h.id, NOW);
    const since = { ...h, note: 'saved since' };
    await db.highlights.add(since);
    await expect(restoreHighlight(db, h.id)).rejects.toMatchObject({ kind: 'duplicate' });
    expect(await db.highlights.get(h.id)).toStrictEqual(since);
    expect(await db.trash.count()).toBe(1);
  });

  it('deletes one record for good', async () => {
    const h = makeHighlight();
    await db.highlights.add(h);
    await trashHighlight(db, h.id, NOW);
    expect((await purgeTrashed(db, trashKey('highlight', h.id)))?.record).toStrictEqual(h);
    expect(await db.trash.count()).toBe(0);
    expect(await purgeTrashed(db, trashKey('highlight', h.id))).toBeUndefined();
  });

  it(`deletes for good only what was deleted more than ${TRASH_DAYS} days ago`, async () => {
    const old = makeHighlight();
    const recent = makeHighlight();
    await db.highlights.bulkAdd([old, recent]);
    await trashHighlight(db, old.id, new Date(NOW.getTime() - (TRASH_DAYS * DAY + 1)));
    await trashHighlight(db, recent.id, new Date(NOW.getTime() - (TRASH_DAYS * DAY - 60_000)));
    expect(await purgeExpired(db, NOW)).toBe(1);
    expect((await listTrash(db)).map((e) => e.record.id)).toEqual([recent.id]);
    const [entry] = await listTrash(db);
    expect(purgeDate(entry!).getTime()).toBe(NOW.getTime() + 60_000);
  });
});
