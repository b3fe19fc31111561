/** What the PDF reader tests share: waiting for the page view, dragging across a page break, what the background stored. */
import type { Page } from 'playwright-core';

export async function waitForPages(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('.pdf-text-layer').length >= n && document.querySelector('.pdf-text-layer pr-term'), count, { timeout: 20_000 });
}

/** Drags from the middle of the last line of page `n` to the middle of the first line of page n + 1. */
export async function dragAcrossPageBreak(page: Page, n: number): Promise<void> {
  await page.$eval(`.pdf-page[data-page-number="${n + 1}"]`, (el) => window.scrollBy(0, el.getBoundingClientRect().top - window.innerHeight / 2));
  const points = await page.evaluate((p) => {
    const lines = (k: number) => [...document.querySelectorAll(`.pdf-page[data-page-number="${k}"] .pdf-text-layer > span`)].filter((s) => s.textContent!.trim().length > 3);
    const bodyLines = (k: number) => lines(k).filter((s) => s.getBoundingClientRect().height > 12);
    const last = bodyLines(p).at(-1)!.getBoundingClientRect();
    const first = bodyLines(p + 1)[0]!.getBoundingClientRect();
    return { x1: last.left + last.width / 2, y1: last.top + last.height / 2, x2: first.left + first.width / 2, y2: first.top + first.height / 2 };
  }, n);
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move((points.x1 + points.x2) / 2, (points.y1 + points.y2) / 2, { steps: 4 });
  await page.mouse.move(points.x2, points.y2, { steps: 4 });
  await page.mouse.up();
}

export async function highlightPages(page: Page, id: string): Promise<string[]> {
  return page.$$eval(`pr-highlight[data-highlight-id="${id}"]`, (els) => [
    ...new Set(els.map((e) => e.closest('.pdf-page')?.getAttribute('data-page-number') ?? '')),
  ]);
}

type Runtime = { runtime: { sendMessage(m: unknown): Promise<{ value: Record<string, unknown>[] }> } };

/** What the background has stored for a PDF, asked the way the reader page asks. */
export async function listHighlights(page: Page, articleUrl: string) {
  return page.evaluate(
    async (url) => (await (globalThis as unknown as { chrome: Runtime }).chrome.runtime.sendMessage({ type: 'highlights/list', articleUrl: url })).value,
    articleUrl,
  );
}
