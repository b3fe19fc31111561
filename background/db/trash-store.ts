import type { Table } from 'dexie';
import type { Highlight, SavedTerm } from '../../utils/highlights/types';
import type { ProspectDb } from './database';
import { StoreError, guarded } from './store-error';

/** How long a deleted record waits in "Recently deleted" before it is deleted for good. */
export const TRASH_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export type TrashKind = 'highlight' | 'savedTerm';

interface TrashFields {
  /** `highlight:<id>` or `savedTerm:<id>`: a highlight and a saved term may carry the same id. */
  key: string;
  /** ISO 8601 (UTC), when it was deleted. */
  deleted: string;
  articleUrl: string;
}

/** A deleted record, kept whole so that restoring it brings back exactly what was stored. */
export type TrashRecord =
  | (TrashFields & { kind: 'highlight'; record: Highlight })
  | (TrashFields & { kind: 'savedTerm'; record: SavedTerm });

export function trashKey(kind: TrashKind, id: string): string {
  return `${kind}:${id}`;
}

type RecordOf<K extends TrashKind> = Extract<TrashRecord, { kind: K }>['record'];

function tableOf(db: ProspectDb, kind: TrashKind): Table<Highlight | SavedTerm, string> {
  return kind === 'highlight' ? db.highlights : db.savedTerms;
}

/** Moves a record to "Recently deleted" and returns it; undefined when it was already gone. */
function moveToTrash<K extends TrashKind>(db: ProspectDb, kind: K, id: string, now: Date): Promise<RecordOf<K> | undefined> {
  const table = tableOf(db, kind);
  return guarded(() =>
    db.transaction('rw', table, db.trash, async () => {
      const record = await table.get(id);
      if (!record) return undefined;
      await table.delete(id);
      await db.trash.put({ key: trashKey(kind, id), kind, deleted: now.toISOString(), articleUrl: record.articleUrl, record } as TrashRecord);
      return record as RecordOf<K>;
    }),
  );
}

/**
 * Puts a deleted record back exactly as it was stored. A StoreError 'not-found' when it is not in
 * "Recently deleted" (restored or purged meanwhile), 'duplicate' when its id was taken since.
 */
function restoreFromTrash<K extends TrashKind>(db: ProspectDb, kind: K, id: string): Promise<RecordOf<K>> {
  const table = tableOf(db, kind);
  return guarded(() =>
    db.transaction('rw', table, db.trash, async () => {
      const entry = await db.trash.get(trashKey(kind, id));
      if (entry?.kind !== kind) throw new StoreError('not-found', `deleted ${kind} ${id}`);
      await table.add(entry.record);
      await db.trash.delete(entry.key);
      return entry.record as RecordOf<K>;
    }),
  );
}

export const trashHighlight = (db: ProspectDb, id: string, now: Date = new Date()) => moveToTrash(db, 'highlight', id, now);
export const trashSavedTerm = (db: ProspectDb, id: string, now: Date = new Date()) => moveToTrash(db, 'savedTerm', id, now);
export const restoreHighlight = (db: ProspectDb, id: string) => restoreFromTrash(db, 'highlight', id);
export const restoreSavedTerm = (db: ProspectDb, id: string) => restoreFromTrash(db, 'savedTerm', id);

/** Deletes one record of "Recently deleted" for good; returns what it was, undefined if already gone. */
export function purgeTrashed(db: ProspectDb, key: string): Promise<TrashRecord | undefined> {
  return guarded(() =>
    db.transaction('rw', db.trash, async () => {
      const entry = await db.trash.get(key);
      if (entry) await db.trash.delete(key);
      return entry;
    }),
  );
}

/** Deletes for good what was deleted more than TRASH_DAYS ago; returns how many. */
export function purgeExpired(db: ProspectDb, now: Date = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - TRASH_DAYS * DAY_MS).toISOString();
  return guarded(() => db.trash.where('deleted').below(cutoff).delete());
}

/** "Recently deleted", most recently deleted first. */
export function listTrash(db: ProspectDb): Promise<TrashRecord[]> {
  return guarded(async () => (await db.trash.orderBy('deleted').reverse().toArray()));
}

/** The date a trashed record will be deleted for good. */
export function purgeDate(entry: Pick<TrashRecord, 'deleted'>): Date {
  return new Date(Date.parse(entry.deleted) + TRASH_DAYS * DAY_MS);
}
