import { SENTINEL_KEY, type ProspectDb, type SentinelRecord } from './database';
import { guarded } from './store-error';

/**
 * - intact: the sentinel is the one the caller remembered.
 * - first-run: the caller remembered none (a new install); remember this one.
 * - wiped: the sentinel vanished (the tables were cleared) or was replaced (the browser deleted
 *   the database and it was created afresh); the saved highlights are gone. Tell the reader and
 *   offer to import a backup; remember the new sentinel.
 */
export type IntegrityReport =
  | { status: 'intact' | 'first-run'; sentinel: string }
  | { status: 'wiped'; reason: 'sentinel-missing' | 'sentinel-replaced'; sentinel: string };

export interface IntegrityOptions {
  newId?: () => string;
  now?: () => Date;
}

/**
 * Compares the database's sentinel with the one the caller remembered from an earlier check.
 * Keep `remembered` outside IndexedDB (e.g. extension storage): a database recreated after a
 * wipe gets a fresh sentinel, so only an outside memory can tell it from the original.
 */
export function checkIntegrity(
  db: ProspectDb,
  remembered: string | undefined,
  options: IntegrityOptions = {},
): Promise<IntegrityReport> {
  const newId = options.newId ?? (() => crypto.randomUUID());
  const now = options.now ?? (() => new Date());
  return guarded(() =>
    db.transaction('rw', db.meta, async (): Promise<IntegrityReport> => {
      const found = await db.meta.get(SENTINEL_KEY);
      if (!found) {
        const sentinel: SentinelRecord = { key: SENTINEL_KEY, value: newId(), created: now().toISOString() };
        await db.meta.put(sentinel);
        return { status: 'wiped', reason: 'sentinel-missing', sentinel: sentinel.value };
      }
      if (remembered === undefined) return { status: 'first-run', sentinel: found.value };
      if (remembered !== found.value) return { status: 'wiped', reason: 'sentinel-replaced', sentinel: found.value };
      return { status: 'intact', sentinel: found.value };
    }),
  );
}
