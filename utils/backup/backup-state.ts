import * as v from 'valibot';
import type { UiLocale } from '../i18n/strings';

/** Where the last backup's time and the weekly-backup choice are kept (`storage.local`). */
export const BACKUP_STATE_KEY = 'backup';

export interface BackupState {
  /** ISO 8601: when the last full JSON backup was written (by the reader or automatically). */
  last?: string;
  /** The reader turned on the weekly automatic backup (and granted the `downloads` permission). */
  auto: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** After this many days with highlights newer than the last backup, the desk suggests one. */
export const SUGGEST_AFTER_DAYS = 14;
export const AUTO_EVERY_DAYS = 7;

const StateSchema = v.object({
  last: v.optional(v.pipe(v.string(), v.isoTimestamp())),
  auto: v.optional(v.boolean(), false),
});

/** What storage holds, read defensively: anything else counts as no backup yet. */
export function readBackupState(stored: unknown): BackupState {
  const parsed = v.safeParse(StateSchema, stored);
  if (!parsed.success) return { auto: false };
  return parsed.output.last === undefined ? { auto: parsed.output.auto } : { last: parsed.output.last, auto: parsed.output.auto };
}

/** "never", "today", "yesterday", "12 days ago" (or in Chinese), for the desk and the popup. */
export function backupAge(state: BackupState, now: Date, locale: UiLocale): string | null {
  if (state.last === undefined) return null;
  const days = Math.max(0, Math.floor((now.getTime() - Date.parse(state.last)) / DAY_MS));
  return new Intl.RelativeTimeFormat(locale === 'zh' ? 'zh-TW' : 'en', { numeric: 'auto' }).format(-days, 'day');
}

/**
 * Whether the desk should suggest a backup: something was highlighted or edited since the last
 * one (or there has never been one), and that has gone unsaved for SUGGEST_AFTER_DAYS.
 */
export function suggestBackup(state: BackupState, changes: readonly { created: string; modified: string }[], now: Date): boolean {
  const last = state.last === undefined ? -Infinity : Date.parse(state.last);
  const unsaved = changes.map((c) => Math.max(Date.parse(c.created), Date.parse(c.modified))).filter((t) => t > last);
  if (unsaved.length === 0) return false;
  const since = state.last === undefined ? Math.min(...unsaved) : last;
  return now.getTime() - since >= SUGGEST_AFTER_DAYS * DAY_MS;
}

/** Whether the weekly automatic backup is due. */
export function autoBackupDue(state: BackupState, now: Date): boolean {
  if (!state.auto) return false;
  return state.last === undefined || now.getTime() - Date.parse(state.last) >= AUTO_EVERY_DAYS * DAY_MS;
}
