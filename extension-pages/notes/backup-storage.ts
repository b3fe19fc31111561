import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BACKUP_STATE_KEY, readBackupState, type BackupState } from '../../utils/backup/backup-state';

async function load(): Promise<BackupState> {
  return readBackupState((await browser.storage.local.get(BACKUP_STATE_KEY))[BACKUP_STATE_KEY]);
}

async function save(patch: Partial<BackupState>): Promise<void> {
  await browser.storage.local.set({ [BACKUP_STATE_KEY]: { ...(await load()), ...patch } });
}

/** Records a full JSON backup made now (an export from the desk). */
export function recordBackup(at: Date): Promise<void> {
  return save({ last: at.toISOString() });
}

export function setAutoBackup(auto: boolean): Promise<void> {
  return save({ auto });
}

/** The backup state, following changes (an export in another page, the weekly backup). */
export function useBackupState(): BackupState {
  const [state, setState] = useState<BackupState>({ auto: false });
  useEffect(() => {
    void load().then(setState);
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && BACKUP_STATE_KEY in changes) setState(readBackupState(changes[BACKUP_STATE_KEY]?.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return state;
}
