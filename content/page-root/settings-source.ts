import { resolveLocale, type ReadingSettingsPatch, type Settings } from '../../utils/settings/settings';
import { createListeners } from './listeners';
import type { UiLocale } from '../../utils/i18n/strings';

export interface SettingsSourceOptions {
  load: () => Promise<Settings>;
  update: (patch: ReadingSettingsPatch) => Promise<Settings>;
  /** Watches the stored settings; returns the unwatch. */
  watch: (onChange: (settings: Settings) => void) => () => void;
  browserLanguage: string;
  onError: (error: unknown) => void;
}

export interface SettingsSource {
  readonly current: Settings;
  /** The in-page UI's language, from the settings and the browser's. */
  readonly locale: UiLocale;
  readonly browserLanguage: string;
  /** A page changes only the reading fields; the background's door refuses the rest. */
  update(patch: ReadingSettingsPatch): Promise<Settings>;
  /** Called after every change, with the settings before it. */
  onChange(listener: (next: Settings, previous: Settings) => void): () => void;
  stop(): void;
}

/** The page's one view of the settings: read once, watched once, shared by every feature. */
export async function createSettingsSource(options: SettingsSourceOptions): Promise<SettingsSource> {
  let current = await options.load();
  const listeners = createListeners<[next: Settings, previous: Settings]>(options.onError);
  const unwatch = options.watch((next) => {
    const previous = current;
    current = next;
    listeners.tell(next, previous);
  });
  return {
    get current() {
      return current;
    },
    get locale() {
      return resolveLocale(current, options.browserLanguage);
    },
    browserLanguage: options.browserLanguage,
    update: options.update,
    onChange: listeners.add,
    stop() {
      listeners.clear();
      unwatch();
    },
  };
}
