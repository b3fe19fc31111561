import type { ProspectDb } from './database';
import { checkIntegrity, type IntegrityReport } from './integrity';

/** Where the background remembers the database's sentinel (outside IndexedDB, see integrity.ts). */
export const SENTINEL_STORAGE_KEY = 'dbSentinel';
/**
 * Where a detected wipe is recorded for the notes page to show. It stays until that page clears
 * it, so a wipe noticed while no page was open is still reported later.
 */
export const INTEGRITY_STATUS_KEY = 'dbIntegrity';

export interface WipedStatus {
  status: 'wiped';
  reason: 'sentinel-missing' | 'sentinel-replaced';
  /** ISO 8601. */
  detected: string;
}

export interface KeyValueStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Checks the database against the remembered sentinel, remembers the current one, records a wipe. */
export async function runIntegrityCheck(
  db: ProspectDb,
  storage: KeyValueStorage,
  now: () => Date = () => new Date(),
): Promise<IntegrityReport> {
  const stored = (await storage.get(SENTINEL_STORAGE_KEY))[SENTINEL_STORAGE_KEY];
  const report = await checkIntegrity(db, typeof stored === 'string' ? stored : undefined);
  const items: Record<string, unknown> = { [SENTINEL_STORAGE_KEY]: report.sentinel };
  if (report.status === 'wiped') {
    const status: WipedStatus = { status: 'wiped', reason: report.reason, detected: now().toISOString() };
    items[INTEGRITY_STATUS_KEY] = status;
  }
  await storage.set(items);
  return report;
}
