import type { Table } from 'dexie';
import type { ProspectDb } from './database';
import { guarded } from './store-error';

/**
 * The highlights a tab could not find again in its article the last time it read it. Kept in
 * the `meta` table (no schema change) under `orphans:<article URL>`, so a notes page watching
 * the database with liveQuery sees a report as soon as it is stored.
 */
export interface OrphanRecord {
  key: `${typeof ORPHAN_KEY_PREFIX}${string}`;
  articleUrl: string;
  ids: string[];
  checked: string;
}

export const ORPHAN_KEY_PREFIX = 'orphans:';

function orphanTable(db: ProspectDb): Table<OrphanRecord, string> {
  return db.table<OrphanRecord, string>('meta');
}

/**
 * Replaces an article's list of orphans with the ids a tab reports (all that failed to attach on
 * its last reading; an empty list clears it). Ids that are not highlights of that article are
 * ignored, so a confused or stale tab cannot mark another article's highlights. Returns the ids kept.
 */
export function recordOrphans(db: ProspectDb, articleUrl: string, ids: readonly string[], now: Date = new Date()): Promise<string[]> {
  return guarded(() =>
    db.transaction('rw', db.highlights, db.meta, async () => {
      const found = await db.highlights.bulkGet([...new Set(ids)]);
      const kept = found.flatMap((h) => (h && h.articleUrl === articleUrl ? [h.id] : []));
      const key = `${ORPHAN_KEY_PREFIX}${articleUrl}` as const;
      if (kept.length === 0) await orphanTable(db).delete(key);
      else await orphanTable(db).put({ key, articleUrl, ids: kept, checked: now.toISOString() });
      return kept;
    }),
  );
}

/** Every highlight id reported as orphaned, across all articles. */
export function listOrphanIds(db: ProspectDb): Promise<Set<string>> {
  return guarded(async () => {
    const records = await orphanTable(db).where('key').startsWith(ORPHAN_KEY_PREFIX).toArray();
    return new Set(records.flatMap((r) => r.ids));
  });
}
