import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normalizeSettings, SETTINGS_VERSION } from '../../../utils/settings/settings';
import { defineSettingsItem, updateSettings } from '../../../utils/settings/settings-storage';
import { SETTINGS_AREA_KEY, SETTINGS_META_KEY, settingsFromStorage } from '../../../utils/settings/stored-settings';

// The content script reads the keys @wxt-dev/storage writes; these tests hold the two readers together.
const raw = () => fakeBrowser.storage.local.get([SETTINGS_AREA_KEY, SETTINGS_META_KEY]);
const V1 = { glosses: true, fontSize: 40, language: 'zh', sites: ['https://example.com/a/b'] };

describe('settings read straight from storage.local', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads what the storage item wrote, field for field', async () => {
    const stored = await updateSettings({ theme: 'dark', script: 'simplified', hoverDelayMs: 400, dictionaryModifier: 'Alt' });
    expect(await raw()).toMatchObject({ [SETTINGS_META_KEY]: { v: SETTINGS_VERSION } });
    expect(settingsFromStorage(await raw())).toEqual(stored);
  });

  it('reads the defaults when nothing is stored, and when the value is junk', async () => {
    expect(settingsFromStorage(await raw())).toEqual(DEFAULT_SETTINGS);
    expect(settingsFromStorage({ [SETTINGS_AREA_KEY]: 'junk', [SETTINGS_META_KEY]: { v: 2 } })).toEqual(DEFAULT_SETTINGS);
  });

  it('migrates a version 1 record in memory exactly as the storage item then stores it', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_AREA_KEY]: V1 });
    const beforeMigration = settingsFromStorage(await raw());
    expect(beforeMigration).toMatchObject({ glossMode: 'ruby', cardFontSize: 24, uiLanguage: 'zh', allowedOrigins: ['https://example.com'] });
    const migrated = await defineSettingsItem().getValue();
    expect(beforeMigration).toEqual(migrated);
    expect(settingsFromStorage(await raw())).toEqual(migrated);
  });

  it('reads a missing or damaged version record as the storage item does', async () => {
    for (const meta of [undefined, null, 'v2', { v: null }, { v: '2' }, { v: '1' }, { v: 1.5 }, { v: 0 }]) {
      fakeBrowser.reset();
      await fakeBrowser.storage.local.set({ [SETTINGS_AREA_KEY]: V1, [SETTINGS_META_KEY]: meta });
      const read = settingsFromStorage(await raw());
      expect(read, JSON.stringify(meta)).toEqual(normalizeSettings(await defineSettingsItem().getValue()));
    }
  });

  it('migrates a record of an absurdly old version once, without counting up to it', () => {
    const read = settingsFromStorage({ [SETTINGS_AREA_KEY]: V1, [SETTINGS_META_KEY]: { v: -1e12 } });
    expect(read).toMatchObject({ glossMode: 'ruby', cardFontSize: 24, uiLanguage: 'zh' });
  });

  it('does not migrate a current record again', () => {
    const current = { ...DEFAULT_SETTINGS, glossMode: 'after' };
    expect(settingsFromStorage({ [SETTINGS_AREA_KEY]: current, [SETTINGS_META_KEY]: { v: SETTINGS_VERSION } })).toEqual(current);
  });
});

describe('the first settings change of all', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores the value and its version in one write, so no reader sees one without the other', async () => {
    const seen: Record<string, unknown>[] = [];
    fakeBrowser.storage.onChanged.addListener((changes) => void seen.push(changes));
    await updateSettings({ glossMode: 'after', uiLanguage: 'zh' });
    expect(seen).toHaveLength(1);
    expect(Object.keys(seen[0]!).sort()).toEqual([SETTINGS_AREA_KEY, SETTINGS_META_KEY]);
    expect(settingsFromStorage(await raw())).toMatchObject({ glossMode: 'after', uiLanguage: 'zh' });
  });
});
