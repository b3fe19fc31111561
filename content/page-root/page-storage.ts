import { barStateStore, type LocalArea } from '../reader-bar/bar-state';
import { PERSONAL_GLOSSARY_AREA_KEY } from '../../utils/glossary/types';
import { SETTINGS_VERSION, type ReadingSettingsPatch, type Settings } from '../../utils/settings/settings';
import { SETTINGS_AREA_KEY, SETTINGS_META_KEY, settingsFromStorage } from '../../utils/settings/stored-settings';

type Changes = Record<string, { newValue?: unknown }>;
type Listener = (changes: Changes, area: string) => unknown;

/** What the page takes from the browser for what it keeps: storage.local and its changes, and the background. */
export interface PageStorageDeps {
  local: LocalArea;
  onChanged: { addListener(fn: Listener): void; removeListener(fn: Listener): void };
  updateSettings: (patch: ReadingSettingsPatch) => Promise<Settings>;
  onError: (error: unknown) => void;
}

/**
 * The page's use of storage.local (reads, and the bar's own place), without the storage library the extension's pages use (it
 * would be the content script's largest dependency after Preact). Settings are read and watched
 * here and changed through the background, which owns their versioned item and its migrations.
 */
export function createPageStorage(deps: PageStorageDeps) {
  const loadSettings = async (): Promise<Settings> => settingsFromStorage(await deps.local.get([SETTINGS_AREA_KEY, SETTINGS_META_KEY]));

  function watchKey(key: string, onChange: (changes: Changes) => void): () => void {
    const listener: Listener = (changes, area) => {
      if (area === 'local' && key in changes) onChange(changes);
    };
    deps.onChanged.addListener(listener);
    return () => deps.onChanged.removeListener(listener);
  }

  return {
    loadSettings,
    updateSettings: deps.updateSettings,
    /** Calls `onChange` with the settings each time they are stored different; returns unwatch. */
    watchSettings(onChange: (settings: Settings) => void): () => void {
      let last = '';
      let stopped = false;
      let pending = Promise.resolve();
      const tell = (next: () => Settings | Promise<Settings>) => {
        // One queue, so a read for an earlier change never overtakes a later change.
        pending = pending
          .then(async () => {
            const settings = await next();
            if (stopped) return;
            const seen = JSON.stringify(settings);
            if (seen === last) return;
            last = seen;
            onChange(settings);
          })
          .catch(deps.onError);
      };
      const unwatchValue = watchKey(SETTINGS_AREA_KEY, (changes) => {
        // Every write stores a value of the current version; a version written apart from its value (the
        // storage item's own first write, before updateSettings wrote both at once) must not make it old.
        const meta = changes[SETTINGS_META_KEY]?.newValue ?? { v: SETTINGS_VERSION };
        tell(() => settingsFromStorage({ [SETTINGS_AREA_KEY]: changes[SETTINGS_AREA_KEY]!.newValue, [SETTINGS_META_KEY]: meta }));
      });
      // A version stored alone: read both again.
      const unwatchMeta = watchKey(SETTINGS_META_KEY, (changes) => {
        if (!(SETTINGS_AREA_KEY in changes)) tell(loadSettings);
      });
      return () => {
        stopped = true;
        unwatchValue();
        unwatchMeta();
      };
    },
    /** Calls `onChange` (without reading anything) whenever the personal glossary changes; returns unwatch. */
    watchPersonalGlossaryChanged: (onChange: () => void) => watchKey(PERSONAL_GLOSSARY_AREA_KEY, () => onChange()),
    barState: barStateStore(deps.local),
  };
}
