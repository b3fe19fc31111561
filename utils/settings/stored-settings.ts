import { normalizeSettings, SETTINGS_MIGRATIONS, SETTINGS_VERSION, type Settings } from './settings';

/**
 * How the settings lie in storage.local, as @wxt-dev/storage keeps them (settings-storage.ts): the
 * value under `settings`, its version under `settings$` as `{ v }`. Content scripts read these keys
 * directly so they need not bundle the storage library; the background owns every write.
 */
export const SETTINGS_AREA_KEY = 'settings';
export const SETTINGS_META_KEY = `${SETTINGS_AREA_KEY}$`;

/**
 * The migrations still to run, in order, as @wxt-dev/storage picks them: a value without a version
 * is version 1, and only an integer version runs any (its arithmetic on '2' or 1.5 reaches no
 * migration's number). Counted from the table, not the gap: a version of -1e9 must not cost a loop.
 */
function pendingVersions(meta: unknown): number[] {
  const stored = typeof meta === 'object' && meta !== null ? (meta as { v?: unknown }).v : undefined;
  const current = stored ?? 1;
  if (typeof current !== 'number' || !Number.isInteger(current)) return [];
  return Object.keys(SETTINGS_MIGRATIONS)
    .map(Number)
    .filter((version) => version > current && version <= SETTINGS_VERSION)
    .sort((a, b) => a - b);
}

/**
 * The settings from what storage.local holds under those keys. A value stored before a migration
 * is migrated here in memory, the way the background's storage item will store it.
 */
export function settingsFromStorage(items: Record<string, unknown>): Settings {
  let value = items[SETTINGS_AREA_KEY];
  if (value == null) return normalizeSettings({});
  for (const version of pendingVersions(items[SETTINGS_META_KEY])) {
    value = SETTINGS_MIGRATIONS[version]!(value);
  }
  return normalizeSettings(value);
}
