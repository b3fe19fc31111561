import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  CONTENT_SCRIPT_FILE,
  disableSite,
  enableOnTab,
  OTHER_SITES_SCRIPT_ID,
  type SiteApis,
} from '../../../utils/site/allow-site';
import { loadSettings } from '../../../utils/settings/settings-storage';

interface Registered {
  id: string;
  matches?: string[];
  js?: string[];
}

/** The permission prompt and the scripting API, recorded: the browser's side of the exchange. */
function browserApis(answer: boolean) {
  const granted = new Set<string>();
  let registered: Registered[] = [];
  const injected: number[] = [];
  const apis = {
    permissions: {
      request: async ({ origins }: { origins: string[] }) => {
        if (answer) origins.forEach((o) => granted.add(o));
        return answer;
      },
      remove: async ({ origins }: { origins: string[] }) => {
        origins.forEach((o) => granted.delete(o));
        return true;
      },
    },
    scripting: {
      executeScript: async ({ target }: { target: { tabId: number } }) => {
        injected.push(target.tabId);
        return [];
      },
      getRegisteredContentScripts: async ({ ids }: { ids: string[] }) => registered.filter((r) => ids.includes(r.id)),
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
        registered = registered.filter((r) => !ids.includes(r.id));
      },
      registerContentScripts: async (scripts: Registered[]) => {
        registered.push(...scripts);
      },
    },
  } as unknown as SiteApis;
  return { apis, granted, injected, registered: () => registered };
}

describe('reading another site on request', () => {
  beforeEach(() => fakeBrowser.reset());

  it('remembers a site the reader allows, registers the content script there and runs it in the tab', async () => {
    const b = browserApis(true);
    const result = await enableOnTab(b.apis, { id: 7, url: 'https://news.example.com/2026/02/korea.html?x=1' });
    expect(result).toEqual({ ok: true, origin: 'https://news.example.com', remembered: true });
    expect((await loadSettings()).allowedOrigins).toEqual(['https://news.example.com']);
    expect(b.registered()).toEqual([
      expect.objectContaining({ id: OTHER_SITES_SCRIPT_ID, matches: ['https://news.example.com/*'], js: [CONTENT_SCRIPT_FILE] }),
    ]);
    expect(b.injected).toEqual([7]);
  });

  it('runs once in the tab, remembering nothing, when the reader refuses the permission', async () => {
    const b = browserApis(false);
    const result = await enableOnTab(b.apis, { id: 3, url: 'https://news.example.com/a' });
    expect(result).toEqual({ ok: true, origin: 'https://news.example.com', remembered: false });
    expect((await loadSettings()).allowedOrigins).toEqual([]);
    expect(b.registered()).toEqual([]);
    expect(b.injected).toEqual([3]);
  });

  it('does nothing on the foundation, on browser pages or without a tab', async () => {
    const b = browserApis(true);
    for (const tab of [{ id: 1, url: 'https://www.pf.org.tw/tw/pfch/34-12001.html' }, { id: 1, url: 'chrome://settings' }, { url: 'https://a.example' }]) {
      expect(await enableOnTab(b.apis, tab)).toEqual({ ok: false, reason: 'unsupported-page' });
    }
    expect(b.injected).toEqual([]);
  });

  it('says so when the browser fails, and forgets a site completely', async () => {
    const b = browserApis(true);
    await enableOnTab(b.apis, { id: 1, url: 'https://one.example/x' });
    await enableOnTab(b.apis, { id: 2, url: 'https://two.example/y' });
    expect(b.registered()[0]!.matches).toEqual(['https://one.example/*', 'https://two.example/*']);
    await disableSite(b.apis, 'https://one.example');
    expect((await loadSettings()).allowedOrigins).toEqual(['https://two.example']);
    expect(b.registered()[0]!.matches).toEqual(['https://two.example/*']);
    expect(b.granted.has('https://one.example/*')).toBe(false);

    const broken = browserApis(true);
    (broken.apis.scripting as unknown as { executeScript: () => Promise<never> }).executeScript = () =>
      Promise.reject(new Error('Cannot access contents of the page'));
    expect(await enableOnTab(broken.apis, { id: 9, url: 'https://three.example/' })).toEqual({
      ok: false,
      reason: 'failed',
      error: 'Cannot access contents of the page',
    });
  });
});
