import type { WxtBrowser } from 'wxt/browser';
import { isFoundationOrigin } from './foundation';
import { normalizeOrigin } from '../settings/settings';
import { loadSettings, updateSettings } from '../settings/settings-storage';

/** The id under which the content script is registered for the reader's other sites. */
export const OTHER_SITES_SCRIPT_ID = 'prospect-reader-other-sites';
/** Where WXT puts the content script in the build. */
export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';
/** The context-menu item's id (the highlight item has its own). */
export const READ_HERE_MENU_ID = 'prospect-reader-read-here';

/** The parts of the extension API this module uses (`browser` from 'wxt/browser'). */
export type SiteApis = Pick<WxtBrowser, 'permissions' | 'scripting'>;

export type EnableResult =
  /** `remembered`: the reader granted the site, so it runs there from now on; otherwise only in this tab, this time. */
  | { ok: true; origin: string; remembered: boolean }
  | { ok: false; reason: 'unsupported-page' | 'failed'; error?: string };

export const originPattern = (origin: string) => `${origin}/*`;

/**
 * Turns Prospect Reader on for the tab's site, at the reader's request (popup button or the
 * "Read with Prospect Reader" context-menu item). Call it straight from the click handler: the
 * browser asks the reader for the site's permission, and only a user action may ask. Granted:
 * the origin is remembered in settings and the content script registered there; refused: it
 * still runs once in this tab (activeTab). The foundation's own site needs none of this.
 */
export async function enableOnTab(apis: SiteApis, tab: { id?: number; url?: string }): Promise<EnableResult> {
  const origin = tab.url ? normalizeOrigin(tab.url) : null;
  if (tab.id === undefined || !origin || isFoundationOrigin(origin)) return { ok: false, reason: 'unsupported-page' };
  try {
    const granted = await apis.permissions.request({ origins: [originPattern(origin)] });
    if (granted) {
      const settings = await loadSettings();
      const origins = [...new Set([...settings.allowedOrigins, origin])];
      await updateSettings({ allowedOrigins: origins });
      await syncRegisteredScripts(apis, origins);
    }
    await apis.scripting.executeScript({ target: { tabId: tab.id }, files: [CONTENT_SCRIPT_FILE] });
    return { ok: true, origin, remembered: granted };
  } catch (error) {
    return { ok: false, reason: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
}

/** Forgets a site: out of settings, its permission given back, the content script no longer registered there. */
export async function disableSite(apis: SiteApis, origin: string): Promise<void> {
  const settings = await loadSettings();
  const origins = settings.allowedOrigins.filter((o) => o !== origin);
  await updateSettings({ allowedOrigins: origins });
  await syncRegisteredScripts(apis, origins);
  await apis.permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
}

/** Makes the registered content script cover exactly `origins` (none: unregistered). */
export async function syncRegisteredScripts(apis: SiteApis, origins: readonly string[]): Promise<void> {
  const existing = await apis.scripting.getRegisteredContentScripts({ ids: [OTHER_SITES_SCRIPT_ID] });
  if (existing.length) await apis.scripting.unregisterContentScripts({ ids: [OTHER_SITES_SCRIPT_ID] });
  if (!origins.length) return;
  await apis.scripting.registerContentScripts([
    { id: OTHER_SITES_SCRIPT_ID, matches: origins.map(originPattern), js: [CONTENT_SCRIPT_FILE], runAt: 'document_idle' },
  ]);
}
