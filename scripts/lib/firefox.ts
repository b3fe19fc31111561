import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { fixtureFor } from './site-fixtures';
import { HOST } from '../../utils/dom-names';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_BUILD = resolve(import.meta.dirname, '..', '..', process.env.PROSPECT_OUT_DIR ?? '.output', 'firefox-mv2');

/** Firefox ESR with the built extension installed as a temporary add-on; downloads go to `downloadDir` when given. */
export async function launchFirefoxWithExtension(options: { downloadDir?: string } = {}): Promise<Browser> {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(`Firefox was not found at ${FIREFOX_PATH}. Install Debian's firefox-esr or set FIREFOX_PATH.`);
  }
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${FIREFOX_BUILD}: run npm run build first.`);
  }
  // Saved without a dialog into that folder, where a test reads the file.
  const downloads = options.downloadDir
    ? { 'browser.download.folderList': 2, 'browser.download.dir': options.downloadDir, 'browser.download.useDownloadDir': true }
    : {};
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: true, extraPrefsFirefox: downloads });
  await browser.installExtension(FIREFOX_BUILD);
  return browser;
}

/** A tab whose pf.org.tw requests are answered from the fixtures, or from `extra` (path to page). */
export async function openSitePage(browser: Browser, url: string, extra: Record<string, string> = {}): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (!/^https?:\/\/(www\.)?pf\.org\.tw\//.test(request.url())) return void request.continue();
    const body = fixtureFor(request.url(), extra);
    void (body === null
      ? request.respond({ status: 404, contentType: 'text/plain', body: 'not found' })
      : request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body }));
  });
  await page.goto(url);
  return page;
}

/** The page an action opens (WebDriver BiDi may neither navigate to nor name extension pages). */
export async function pageOpenedBy(browser: Browser, action: () => Promise<unknown>): Promise<Page> {
  const before = new Set(await browser.pages());
  await action();
  const until = Date.now() + 10_000;
  for (;;) {
    const fresh = (await browser.pages()).find((p) => !before.has(p));
    if (fresh) return fresh;
    if (Date.now() > until) throw new Error('no page opened');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Waits for the marks (matching `selector`) and for the reader behind them: the first marks come
 * from the background before the card, the highlights and the bar have started; the bar is the last.
 */
export async function waitForReader(page: Page, selector = 'pr-term'): Promise<void> {
  await page.waitForSelector(selector, { timeout: 15_000 });
  await page.waitForSelector(HOST.readerBar, { timeout: 15_000 });
}

/**
 * Waits until `predicate`, run in the page, returns true (a boolean: an element comes back as no
 * value). It stands in for puppeteer's waitForFunction on extension pages, which builds the
 * predicate with Function(): the extension's content security policy blocks that in Firefox ESR 140.12.
 */
export async function waitInExtensionPage(page: Page, predicate: () => boolean, timeout = 20_000): Promise<void> {
  const until = Date.now() + timeout;
  while (!(await page.evaluate(predicate))) {
    if (Date.now() > until) throw new Error(`timed out after ${timeout} ms waiting for ${predicate.toString()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
