/** Refused before parsing: a backup of 200,000 long highlights is still far smaller. (UTF-16 units.) */
export const MAX_BACKUP_CHARS = 100 * 1024 * 1024;

export interface ImportCounts {
  highlights: number;
  savedTerms: number;
}

/** What importing a backup did: records added and skipped (already saved), or why nothing was imported. */
export type ImportResult = { ok: true; added: ImportCounts; skipped: ImportCounts } | { ok: false; error: string };
