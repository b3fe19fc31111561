import { normalizeSettings, SETTINGS_MIGRATIONS, SETTINGS_VERSION, type Settings } from './settings';

/**
 * How the settings lie in storage.local, as @wxt-dev/storage keeps them (settings-storage.ts): the
 * value under `settings`, its version under `settings$` as `{ v }`. Content scripts read these keys
 * directly so they need not bundle the storage library; the background owns every write.
 */
export const SETTINGS_AREA_KEY = 'settings';
export const SETTINGS_META_KEY = `${SETTINGS_AREA_KEY}$`;

/**
 * The versions still to migrate through, by @wxt-dev/storage's own arithmetic: a value without a
 * version is version 1, and a damaged one ('2', 1.5) runs no migration there, so none runs here.
 */
function pendingVersions(meta: unknown): unknown[] {
  const stored = typeof meta === 'object' && meta !== null ? (meta as { v?: unknown }).v : undefined;
  const current = (stored ?? 1) as number;
  return Array.from({ length: SETTINGS_VERSION - current }, (_, i) => current + i + 1);
}

/**
 * The settings from what storage.local holds under those keys. A value stored before a migration
 * is migrated here in memory, the way the background's storage item will store it.
 */
export function settingsFromStorage(items: Record<string, unknown>): Settings {
  let value = items[SETTINGS_AREA_KEY];
  if (value == null) return normalizeSettings({});
  for (const version of pendingVersions(items[SETTINGS_META_KEY])) {
    value = typeof version === 'number' ? (SETTINGS_MIGRATIONS[version]?.(value) ?? value) : value;
  }
  return normalizeSettings(value);
}
