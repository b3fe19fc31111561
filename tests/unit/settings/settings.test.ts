import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CATEGORIES } from '../../../utils/glossary/types';
import {
  applySettingsPatch,
  DEFAULT_SETTINGS,
  migrateSettingsV1,
  normalizeOrigin,
  normalizeSettings,
  resolveLocale,
  type Settings,
} from '../../../utils/settings/settings';
import { defineSettingsItem, loadSettings, SETTINGS_LOCK, updateSettings, watchSettings } from '../../../utils/settings/settings-storage';

const custom: Settings = {
  script: 'simplified',
  glossMode: 'after',
  glossLevel: 'categories',
  glossCategories: ['person', 'military'],
  hoverDelayMs: 400,
  cardFontSize: 18,
  theme: 'dark',
  allowedOrigins: ['https://news.example.com'],
  uiLanguage: 'zh',
  dictionary: false,
  dictionaryModifier: 'Alt',
};

describe('normalizeSettings', () => {
  it('gives the defaults for nothing, junk and arrays', () => {
    for (const raw of [undefined, null, 42, 'settings', [1, 2], {}]) {
      expect(normalizeSettings(raw)).toEqual(DEFAULT_SETTINGS);
    }
    expect(DEFAULT_SETTINGS.glossCategories).toEqual([...CATEGORIES]);
  });

  it('keeps every valid field', () => {
    expect(normalizeSettings(custom)).toEqual(custom);
  });

  it('replaces only the corrupted fields with defaults and drops unknown ones', () => {
    const stored = {
      ...custom,
      theme: 'purple',
      glossMode: 7,
      hoverDelayMs: Number.NaN,
      cardFontSize: '16',
      extra: '<script>',
    };
    expect(normalizeSettings(stored)).toEqual({
      ...custom,
      theme: DEFAULT_SETTINGS.theme,
      glossMode: DEFAULT_SETTINGS.glossMode,
      hoverDelayMs: DEFAULT_SETTINGS.hoverDelayMs,
      cardFontSize: DEFAULT_SETTINGS.cardFontSize,
    });
  });

  it('clamps numbers and cleans the lists', () => {
    const out = normalizeSettings({
      hoverDelayMs: 1e9,
      cardFontSize: 3.4,
      glossCategories: ['military', 'aliens', 'person', 'military', null],
      allowedOrigins: ['https://a.example/path?q=1', 'javascript:alert(1)', 'ftp://x.example', 5, 'https://a.example', 'http://user:pw@b.example'],
    });
    expect(out.hoverDelayMs).toBe(2000);
    expect(out.cardFontSize).toBe(12);
    expect(out.glossCategories).toEqual(['person', 'military']);
    expect(out.allowedOrigins).toEqual(['https://a.example']);
  });

  it('never shares the default lists with the caller', () => {
    const out = normalizeSettings({});
    out.allowedOrigins.push('https://x.example');
    expect(DEFAULT_SETTINGS.allowedOrigins).toEqual([]);
  });
});

describe('applySettingsPatch', () => {
  it('changes the patched fields and leaves the rest', () => {
    expect(applySettingsPatch(custom, { theme: 'light' })).toEqual({ ...custom, theme: 'light' });
  });

  it('ignores an invalid patch value instead of resetting the field', () => {
    expect(applySettingsPatch(custom, { theme: 'neon' as never, cardFontSize: 20 })).toEqual({ ...custom, cardFontSize: 20 });
  });
});

describe('resolveLocale', () => {
  it('follows the browser for auto and the reader otherwise', () => {
    expect(resolveLocale({ uiLanguage: 'auto' }, 'zh-TW')).toBe('zh');
    expect(resolveLocale({ uiLanguage: 'auto' }, 'zh-CN')).toBe('zh');
    expect(resolveLocale({ uiLanguage: 'auto' }, 'de')).toBe('en');
    expect(resolveLocale({ uiLanguage: 'auto' }, undefined)).toBe('en');
    expect(resolveLocale({ uiLanguage: 'en' }, 'zh-TW')).toBe('en');
    expect(resolveLocale({ uiLanguage: 'zh' }, 'en-US')).toBe('zh');
  });
});

describe('normalizeOrigin', () => {
  it('accepts http(s) only and strips the path', () => {
    expect(normalizeOrigin('https://News.Example.com:8443/a/b#c')).toBe('https://news.example.com:8443');
    expect(normalizeOrigin('chrome://extensions')).toBeNull();
    expect(normalizeOrigin('not a url')).toBeNull();
  });
});

describe('migrateSettingsV1', () => {
  it('maps the first shape onto the current one', () => {
    expect(
      migrateSettingsV1({
        script: 'simplified',
        glosses: true,
        hoverDelayMs: 300,
        fontSize: 17,
        theme: 'dark',
        sites: ['https://news.example.com/2024/story.html'],
        language: 'en',
      }),
    ).toEqual({
      ...DEFAULT_SETTINGS,
      script: 'simplified',
      glossMode: 'ruby',
      hoverDelayMs: 300,
      cardFontSize: 17,
      theme: 'dark',
      allowedOrigins: ['https://news.example.com'],
      uiLanguage: 'en',
    });
  });

  it('turns junk into defaults without throwing', () => {
    expect(migrateSettingsV1('garbage')).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettingsV1({ glosses: 'yes', sites: 'https://a.example' })).toEqual(DEFAULT_SETTINGS);
  });
});

describe('settings storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the defaults when nothing is stored', async () => {
    expect(await defineSettingsItem().getValue()).toEqual(DEFAULT_SETTINGS);
  });

  it('migrates a stored version 1 record to version 2 when the item is defined', async () => {
    await fakeBrowser.storage.local.set({ settings: { glosses: true, fontSize: 40, language: 'zh' } });
    const item = defineSettingsItem();
    expect(await item.getValue()).toEqual({ ...DEFAULT_SETTINGS, glossMode: 'ruby', cardFontSize: 24, uiLanguage: 'zh' });
    expect(await item.getMeta()).toEqual({ v: 2 });
  });

  it('stores updates, validates them, and tells watchers', async () => {
    const seen: Settings[] = [];
    const unwatch = watchSettings((s) => seen.push(s));
    const stored = await updateSettings({ theme: 'dark', hoverDelayMs: -5 });
    expect(stored).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', hoverDelayMs: 0 });
    expect(await loadSettings()).toEqual(stored);
    await fakeBrowser.storage.local.set({ settings: { ...stored, theme: 'neon' } });
    expect(seen.at(-1)).toEqual({ ...stored, theme: 'system' });
    unwatch();
  });

  it('applies changes made at once one after the other, so neither undoes the other', async () => {
    await Promise.all([updateSettings({ theme: 'dark' }), updateSettings({ script: 'simplified' }), updateSettings({ hoverDelayMs: 400 })]);
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', script: 'simplified', hoverDelayMs: 400 });
  });

  it('goes on with the next change after a failed write', async () => {
    const set = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('quota'));
    const [first, second] = await Promise.allSettled([updateSettings({ theme: 'dark' }), updateSettings({ script: 'simplified' })]);
    expect(first.status).toBe('rejected');
    expect(second).toEqual({ status: 'fulfilled', value: { ...DEFAULT_SETTINGS, script: 'simplified' } });
    set.mockRestore();
  });

  it('takes the Web Lock that spans the extension contexts where there is one', async () => {
    const requested: string[] = [];
    let held = Promise.resolve();
    const locks = {
      request: (name: string, task: () => Promise<unknown>) => {
        requested.push(name);
        const run = held.then(task);
        held = run.then(() => undefined);
        return run;
      },
    };
    vi.stubGlobal('navigator', { locks });
    try {
      await Promise.all([updateSettings({ theme: 'dark' }), updateSettings({ script: 'simplified' })]);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(requested).toEqual([SETTINGS_LOCK, SETTINGS_LOCK]);
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', script: 'simplified' });
  });

  it('loses nothing else when one stored field is corrupted', async () => {
    await fakeBrowser.storage.local.set({ settings: { ...custom, allowedOrigins: 'oops' }, settings$: { v: 2 } });
    expect(await loadSettings()).toEqual({ ...custom, allowedOrigins: [] });
  });
});
