import { normalizeSettings, SETTINGS_MIGRATIONS, SETTINGS_VERSION, type Settings } from './settings';

/**
 * How the settings lie in storage.local, as @wxt-dev/storage keeps them (settings-storage.ts): the
 * value under `settings`, its version under `settings$` as `{ v }`. Content scripts read these keys
 * directly so they need not bundle the storage library; the background owns every write.
 */
export const SETTINGS_AREA_KEY = 'settings';
export const SETTINGS_META_KEY = `${SETTINGS_AREA_KEY}$`;

function storedVersion(meta: unknown): number {
  const v = typeof meta === 'object' && meta !== null ? (meta as { v?: unknown }).v : undefined;
  // @wxt-dev/storage reads a value without a version as version 1.
  return typeof v === 'number' && Number.isInteger(v) ? v : 1;
}

/**
 * The settings from what storage.local holds under those keys. A value stored before a migration
 * is migrated here in memory, the way the background's storage item will store it.
 */
export function settingsFromStorage(items: Record<string, unknown>): Settings {
  let value = items[SETTINGS_AREA_KEY];
  if (value == null) return normalizeSettings({});
  for (let version = storedVersion(items[SETTINGS_META_KEY]) + 1; version <= SETTINGS_VERSION; version++) {
    value = SETTINGS_MIGRATIONS[version]?.(value) ?? value;
  }
  return normalizeSettings(value);
}
