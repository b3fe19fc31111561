import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import {
  applySettingsPatch,
  DEFAULT_SETTINGS,
  normalizeSettings,
  SETTINGS_MIGRATIONS,
  SETTINGS_VERSION,
  type Settings,
} from './settings';
import { SETTINGS_AREA_KEY, SETTINGS_META_KEY } from './stored-settings';

/** The storage key; WXT keeps the version beside it under `settings$`. */
export const SETTINGS_KEY = `local:${SETTINGS_AREA_KEY}` as const;

/**
 * Defines the versioned storage item. Defining it runs pending migrations (WXT does this
 * in whichever context defines it first); exported for tests, which define it afresh.
 */
export function defineSettingsItem() {
  return storage.defineItem<Settings>(SETTINGS_KEY, {
    version: SETTINGS_VERSION,
    fallback: DEFAULT_SETTINGS,
    migrations: SETTINGS_MIGRATIONS,
  });
}

let item: ReturnType<typeof defineSettingsItem> | null = null;
const settingsItem = () => (item ??= defineSettingsItem());

/** The reader's settings, validated: a corrupted field reads as its default, the rest are kept. */
export async function loadSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem().getValue());
}

/** The Web Lock every extension context takes to change the settings. */
export const SETTINGS_LOCK = 'prospect-reader-settings';

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs one read-modify-write of the settings at a time. Two changes at once (the reader bar's
 * through the background and the options page's) would each start from the old settings, and the
 * later write would undo the other's field. The Web Lock spans the extension's contexts; where
 * there is none (Node tests) a queue serves the one context there is.
 */
async function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) return await locks.request(SETTINGS_LOCK, task);
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Changes some settings and stores them; invalid values in `patch` are ignored (the field keeps
 * its value). Every open tab and extension page hears it through watchSettings.
 * Returns the settings as stored.
 */
export function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  return oneAtATime(async () => {
    const next = applySettingsPatch(await loadSettings(), patch);
    // Value and version in one write: the item's own first write stores them apart, and a page that
    // reads storage between the two (page-storage.ts) would take the new value for version 1.
    await browser.storage.local.set({ [SETTINGS_AREA_KEY]: next, [SETTINGS_META_KEY]: { v: SETTINGS_VERSION } });
    return next;
  });
}

/** Calls `onChange` with the validated settings whenever any context changes them; returns unwatch. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem().watch((value) => onChange(normalizeSettings(value)));
}
