import type { PersonalGlossary, ScriptTools } from '../../utils/glossary/personal-entry';
import type { CompiledEntry } from '../../utils/glossary/types';
import type { UiLocale } from '../../utils/i18n/strings';
import type { Settings } from '../../utils/settings/settings';

/** What the options page needs from its environment; entrypoints/options/main.tsx wires the real ones. */
export interface OptionsEnv {
  builtIn: readonly CompiledEntry[];
  tools: ScriptTools;
  locale: UiLocale;
  settings: Settings;
  glossary: PersonalGlossary;
  updateSettings(patch: Partial<Settings>): Promise<unknown>;
  updateGlossary(change: (current: PersonalGlossary) => PersonalGlossary): Promise<unknown>;
  /** Turns the reader off on another site (forgets it and gives back its permission). */
  removeSite(origin: string): Promise<unknown>;
  download(name: string, text: string, type: string): void;
}

/** The time and a fresh id that each glossary change records. */
export const optionsEnv = () => ({ now: new Date(), newId: () => crypto.randomUUID() });
