import type { Page } from 'playwright-core';

export const TERM = 'pr-term';

/** Waits until the content script has marked the article (or the timeout passes for pages it leaves alone). */
export async function waitForMarks(page: Page, min = 1): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('pr-term').length >= n, min, { timeout: 15_000 });
}

/** The article body's text as the fixture had it before any script ran. */
export async function originalBodyText(page: Page, html: string, selector: string): Promise<string> {
  return page.evaluate(
    ([source, sel]) => new DOMParser().parseFromString(source!, 'text/html').querySelector(sel!)?.textContent ?? '',
    [html, selector],
  );
}
