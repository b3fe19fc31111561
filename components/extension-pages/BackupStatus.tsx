import { backupAge, suggestBackup, type BackupState } from '../../utils/backup/backup-state';
import { t, tf, type UiLocale } from '../../utils/i18n/page-strings';

export interface BackupStatusProps {
  state: BackupState;
  changes: readonly { created: string; modified: string }[];
  locale: UiLocale;
  now: Date;
  onBackup: () => void;
}

/** When the last backup was made, a suggestion to make one when it is due, and what uninstalling does. */
export function BackupStatus({ state, changes, locale, now, onBackup }: BackupStatusProps) {
  const age = backupAge(state, now, locale);
  const due = suggestBackup(state, changes, now);
  return (
    <div class={`backup${due ? ' due' : ''}`}>
      <p class="last-backup">
        {age === null ? t(locale, 'notes.backupNever') : tf(locale, 'notes.backupLast', { age })}
        {state.auto && ` ${t(locale, 'notes.backupAuto')}`}
      </p>
      {due && (
        <p class="suggest" role="note">
          {t(locale, 'notes.backupSuggest')}{' '}
          <button type="button" onClick={onBackup}>
            {t(locale, 'notes.backupNow')}
          </button>
        </p>
      )}
      <p class="uninstall">{t(locale, 'notes.uninstall')}</p>
    </div>
  );
}
