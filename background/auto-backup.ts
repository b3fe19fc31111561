import { exportW3cJson } from '../utils/export/w3c-json';
import { autoBackupDue, BACKUP_STATE_KEY, readBackupState } from '../utils/backup/backup-state';
import type { ProspectDb } from './db/database';
import type { KeyValueStorage } from './db/integrity-status';

export interface AutoBackupDeps {
  db: ProspectDb;
  storage: KeyValueStorage;
  /** Writes the file to the downloads folder; null while the `downloads` permission is not granted. */
  download: ((file: { filename: string; content: string; mimeType: string }) => Promise<void>) | null;
  now?: () => Date;
  newId?: () => string;
}

/**
 * The weekly automatic backup: when the reader turned it on and a week has passed since the last
 * backup, writes the full W3C JSON backup and records the time. Returns whether it wrote one.
 */
export async function runAutoBackup({ db, storage, download, now = () => new Date(), newId = () => crypto.randomUUID() }: AutoBackupDeps): Promise<boolean> {
  const state = readBackupState((await storage.get(BACKUP_STATE_KEY))[BACKUP_STATE_KEY]);
  const at = now();
  if (!download || !autoBackupDue(state, at)) return false;
  const [highlights, savedTerms] = await Promise.all([db.highlights.toArray(), db.savedTerms.toArray()]);
  const file = exportW3cJson({ highlights, savedTerms }, { exportedAt: at, newId });
  await download({ filename: `prospect-reader/${file.filename}`, content: file.content, mimeType: file.mimeType });
  await storage.set({ [BACKUP_STATE_KEY]: { ...state, last: at.toISOString() } });
  return true;
}
