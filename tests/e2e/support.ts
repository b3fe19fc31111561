import type { Page } from 'playwright-core';
import { waitForReader } from '../../scripts/lib/chromium';
import { expect } from 'vitest';
import { ax } from '../../scripts/lib/ax';

export const TERM = 'pr-term';
export const HL = 'pr-highlight';
const BODY = 'section.cp > div.container';

/** Waits until the content script has marked the article (or the timeout passes for pages it leaves alone). */
/** Waits for at least `min` marks and for the reader behind them (see waitForReader). */
export async function waitForMarks(page: Page, min = 1): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('pr-term').length >= n, min, { timeout: 15_000 });
  await waitForReader(page);
}

/** The article body's text as the fixture had it before any script ran. */
export async function originalBodyText(page: Page, html: string, selector: string): Promise<string> {
  return page.evaluate(
    ([source, sel]) => new DOMParser().parseFromString(source!, 'text/html').querySelector(sel!)?.textContent ?? '',
    [html, selector],
  );
}

/** Drags the mouse from just before the first character of `from` to just after the last of `to`. */
export async function dragSelect(page: Page, from: string, to: string = from): Promise<void> {
  const points = await page.evaluate(
    ([sel, a, b]) => {
      const root = document.querySelector(sel!)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      let text = '';
      const starts: number[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        starts.push(text.length);
        nodes.push(n as Text);
        text += (n as Text).data;
      }
      const charRect = (offset: number) => {
        let i = starts.length - 1;
        while (starts[i]! > offset) i--;
        const range = document.createRange();
        range.setStart(nodes[i]!, offset - starts[i]!);
        range.setEnd(nodes[i]!, offset - starts[i]! + 1);
        return range.getBoundingClientRect();
      };
      const start = text.indexOf(a!);
      const end = text.indexOf(b!, start) + b!.length - 1;
      if (start < 0 || end < start) throw new Error('phrase not found');
      const first = charRect(start);
      const last = charRect(end);
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    },
    [BODY, from, to],
  );
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move((points.x1 + points.x2) / 2, (points.y1 + points.y2) / 2, { steps: 4 });
  await page.mouse.move(points.x2, points.y2, { steps: 4 });
  await page.mouse.up();
}

export async function highlightPhrase(page: Page, from: string, to?: string, color?: string): Promise<string> {
  await scrollTo(page, from);
  const before = await highlightIds(page);
  await dragSelect(page, from, to);
  const button = color
    ? ax(page).getByRole('toolbar', { name: 'Highlight the selection' }).getByRole('button', { name: color, exact: true })
    : ax(page).getByRole('button', { name: 'Highlight', exact: true });
  await button.click();
  await expect.poll(async () => (await highlightIds(page)).length).toBe(before.length + 1);
  return (await highlightIds(page)).find((id) => !before.includes(id))!;
}

export async function scrollTo(page: Page, phrase: string): Promise<void> {
  await page.evaluate((p) => {
    const el = [...document.querySelectorAll('section.cp p')].find((e) => e.textContent!.includes(p));
    el?.scrollIntoView({ block: 'center' });
  }, phrase);
}

export async function highlightIds(page: Page): Promise<string[]> {
  return page.$$eval(HL, (els) => [...new Set(els.map((e) => e.getAttribute('data-highlight-id')!))]);
}

export async function highlightText(page: Page, id: string): Promise<string> {
  return page.$$eval(`${HL}[data-highlight-id="${id}"]`, (els) =>
    els.filter((e) => !e.parentElement?.closest(`pr-highlight[data-highlight-id="${e.getAttribute('data-highlight-id')}"]`)).map((e) => e.textContent).join(''),
  );
}

export async function openCard(page: Page, id: string) {
  const el = page.locator(`${HL}[data-highlight-id="${id}"]`).first();
  await el.scrollIntoViewIfNeeded();
  // Click the highlight's last character area, away from any term mark that may start it.
  await el.click({ position: { x: 4, y: 6 } });
  const card = ax(page).getByRole('dialog');
  await expect.poll(() => card.isVisible()).toBe(true);
  return card;
}

/** Pixels of a screenshot where blue stands above red by more than `margin`: our outlines and underlines, not black text on white. */
export function bluePixels(page: Page, png: Buffer, margin = 20): Promise<number> {
  return page.evaluate(
    async ([b64, over]) => {
      const image = new Image();
      image.src = `data:image/png;base64,${b64}`;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const g = canvas.getContext('2d')!;
      g.drawImage(image, 0, 0);
      const data = g.getImageData(0, 0, image.width, image.height).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 2]! - data[i]! > (over as number)) n++;
      return n;
    },
    [png.toString('base64'), margin] as const,
  );
}
