import { useState } from 'preact/hooks';
import { t, type UiLocale } from '../../utils/i18n/page-strings';
import { useBackupState } from '../../extension-pages/notes/backup-storage';

export interface BackupOptionsProps {
  locale: UiLocale;
  /** Asks the browser for the optional `downloads` permission (from the reader's click); resolves with the answer. */
  requestDownloads: () => Promise<boolean>;
  setAuto: (on: boolean) => Promise<void>;
}

/** The options page's backup section: the weekly automatic backup, and what uninstalling does. */
export function BackupOptions({ locale, requestDownloads, setAuto }: BackupOptionsProps) {
  const state = useBackupState();
  const [denied, setDenied] = useState(false);
  const change = async (on: boolean) => {
    setDenied(false);
    if (on && !(await requestDownloads())) {
      setDenied(true);
      return;
    }
    await setAuto(on);
  };
  return (
    <section aria-labelledby="backup-heading" class="backup-options">
      <h2 id="backup-heading">{t(locale, 'notes.backups')}</h2>
      <label>
        <input type="checkbox" checked={state.auto} onChange={(event) => void change(event.currentTarget.checked)} />{' '}
        {t(locale, 'notes.autoBackup')}
      </label>
      {denied && <p role="alert">{t(locale, 'notes.autoBackupDenied')}</p>}
      <p>{t(locale, 'notes.uninstall')}</p>
    </section>
  );
}
