import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPageStorage, type PageStorageDeps } from '../../../../content/page-root/page-storage';
import { DEFAULT_BAR_STATE } from '../../../../content/reader-bar/bar-state';
import { updatePersonalGlossary } from '../../../../utils/glossary/personal-storage';
import { DEFAULT_SETTINGS, type Settings } from '../../../../utils/settings/settings';
import { defineSettingsItem, updateSettings } from '../../../../utils/settings/settings-storage';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function pageStorage(over: Partial<PageStorageDeps> = {}) {
  const errors: unknown[] = [];
  const storage = createPageStorage({
    local: fakeBrowser.storage.local,
    onChanged: fakeBrowser.storage.onChanged,
    // The background's door (services.ts) stores through the same item.
    updateSettings,
    onError: (error) => errors.push(error),
    ...over,
  });
  return { storage, errors };
}

describe("the page's storage (read here, written by the background)", () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the settings the background stored, and hears each change once', async () => {
    const { storage } = pageStorage();
    await updateSettings({ theme: 'dark' });
    expect(await storage.loadSettings()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    const seen: Settings[] = [];
    const unwatch = storage.watchSettings((settings) => seen.push(settings));
    await storage.updateSettings({ script: 'simplified' });
    await settle();
    expect(seen).toEqual([{ ...DEFAULT_SETTINGS, theme: 'dark', script: 'simplified' }]);
    // The same settings stored again, another key, another area: nothing to tell.
    await updateSettings({ script: 'simplified' });
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    await fakeBrowser.storage.sync.set({ settings: { theme: 'light' } });
    await settle();
    expect(seen).toHaveLength(1);
    unwatch();
    await updateSettings({ script: 'traditional' });
    await settle();
    expect(seen).toHaveLength(1);
  });

  it('hears the migrated settings when the background migrates a version 1 record', async () => {
    await fakeBrowser.storage.local.set({ settings: { glosses: true, fontSize: 13 } });
    const { storage } = pageStorage();
    const seen: Settings[] = [];
    storage.watchSettings((settings) => seen.push(settings));
    expect(await storage.loadSettings()).toMatchObject({ glossMode: 'ruby', cardFontSize: 13 });
    const migrated = await defineSettingsItem().getValue();
    await settle();
    expect(seen.at(-1)).toEqual(migrated);
    expect(await storage.loadSettings()).toEqual(migrated);
  });

  it("takes a value stored before its version for the current version (the storage item's first write)", async () => {
    const { storage } = pageStorage();
    const seen: Settings[] = [];
    storage.watchSettings((settings) => seen.push(settings));
    const chosen = { ...DEFAULT_SETTINGS, uiLanguage: 'zh', glossMode: 'after' } as const;
    await fakeBrowser.storage.local.set({ settings: chosen });
    await settle();
    // Read as version 1, this would have been migrated: 'language' and 'glosses' are missing, so 'auto' and 'off'.
    expect(seen).toEqual([chosen]);
    await fakeBrowser.storage.local.set({ settings$: { v: 2 } });
    await settle();
    expect(seen).toEqual([chosen]);
  });

  it('reports a failed read to onError, and keeps watching', async () => {
    await updateSettings({ theme: 'dark' });
    const get = vi.fn((keys: string[]) => fakeBrowser.storage.local.get(keys)).mockRejectedValueOnce(new Error('Extension context invalidated.'));
    const { storage, errors } = pageStorage({ local: { get, set: (items) => fakeBrowser.storage.local.set(items) } });
    const seen: Settings[] = [];
    storage.watchSettings((settings) => seen.push(settings));
    await fakeBrowser.storage.local.set({ settings$: { v: 2 } });
    await settle();
    expect(errors).toHaveLength(1);
    await fakeBrowser.storage.local.set({ settings$: { v: 2, note: 'again' } });
    await settle();
    expect(seen).toEqual([{ ...DEFAULT_SETTINGS, theme: 'dark' }]);
  });

  it("hears the reader's own glossary change without reading it", async () => {
    const { storage } = pageStorage();
    const heard = vi.fn();
    const unwatch = storage.watchPersonalGlossaryChanged(heard);
    await updatePersonalGlossary((current) => ({ ...current, hidden: ['thaad'] }));
    expect(heard).toHaveBeenCalledTimes(1);
    unwatch();
    await updatePersonalGlossary((current) => ({ ...current, hidden: [] }));
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it("keeps the bar's place, and reads a damaged one as the default", async () => {
    const { storage } = pageStorage();
    expect(await storage.barState.load()).toEqual(DEFAULT_BAR_STATE);
    await storage.barState.save({ position: { x: 40, y: 600 }, collapsed: true });
    expect(await storage.barState.load()).toEqual({ position: { x: 40, y: 600 }, collapsed: true });
    await fakeBrowser.storage.local.set({ readerBar: { position: { x: 'left' }, collapsed: true } });
    expect(await storage.barState.load()).toEqual(DEFAULT_BAR_STATE);
  });
});
