import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { fixtureFor } from './site-fixtures';
import { HOST } from '../../utils/dom-names';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROME_BUILD = resolve(import.meta.dirname, '..', '..', process.env.PROSPECT_OUT_DIR ?? '.output', 'chrome-mv3');

export function requireChromium(): string {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM_PATH}. Install Debian's package (apt-get install chromium) ` +
        'or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
  return CHROMIUM_PATH;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  /** Extra pages served on www.pf.org.tw, by path; bytes are served as PDF files. */
  pages?: Record<string, string | Buffer>;
  locale?: string;
  /** A touch screen, for tapping. */
  hasTouch?: boolean;
}

/** Chromium with the built extension, its pf.org.tw requests answered from the fixtures. */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  if (!existsSync(join(CHROME_BUILD, 'manifest.json'))) {
    throw new Error(`No build at ${CHROME_BUILD}: run npm run build first.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'prospect-reader-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    headless: options.headless ?? true,
    executablePath: requireChromium(),
    locale: options.locale ?? 'en-US',
    viewport: { width: 1200, height: 900 },
    hasTouch: options.hasTouch ?? false,
    args: [
      `--disable-extensions-except=${CHROME_BUILD}`,
      `--load-extension=${CHROME_BUILD}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${options.locale ?? 'en-US'}`,
    ],
  });
  await routeSite(context, options.pages);
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return {
    context,
    extensionId: new URL(serviceWorker.url()).host,
    serviceWorker,
    close: () => context.close(),
  };
}

export async function routeSite(context: BrowserContext, pages: Record<string, string | Buffer> = {}): Promise<void> {
  await context.route(/^https?:\/\/(www\.)?pf\.org\.tw\//, async (route) => {
    const file = pages[new URL(route.request().url()).pathname];
    if (Buffer.isBuffer(file)) return route.fulfill({ status: 200, contentType: 'application/pdf', body: file });
    const texts = Object.fromEntries(Object.entries(pages).filter((e): e is [string, string] => typeof e[1] === 'string'));
    const body = fixtureFor(route.request().url(), texts);
    if (body === null) await route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
    else await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
}

/** Stops the extension's service worker, as the browser does after 30 s idle: the next message wakes it cold. */
export async function stopServiceWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/**
 * Waits for the marks and for the reader behind them: the first marks come from the background
 * before the card, the highlights and the bar have started, and the bar is the last of them.
 */
export async function waitForReader(page: Page, selector = 'pr-term'): Promise<void> {
  await page.waitForSelector(selector, { state: 'attached', timeout: 15_000 });
  await page.waitForSelector(HOST.readerBar, { state: 'attached', timeout: 15_000 });
}
