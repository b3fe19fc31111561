/**
 * What the highlight benchmark injects into the seed article: anchoring and drawing, and a
 * highlight session whose background is the real store on a Dexie database in the page.
 */
import { anchorAll } from '../../utils/anchoring/anchor';
import { describeRange } from '../../utils/anchoring/describe';
import { buildTextIndex, offsetsToRange } from '../../utils/anchoring/text-offsets';
import { startHighlightSession } from '../../content/highlight-session';
import { ProspectDb } from '../../background/db/database';
import { addHighlight, listByArticle } from '../../background/db/highlight-store';
import { drawHighlights, undrawAll } from '../../content/highlights/draw';
import type { Highlight } from '../../utils/highlights/types';
import type { Request } from '../../utils/messaging/to-background';
import { detectArticle } from '../../content/detection/detect-article';

/** Selectors of `count` passages of 4 to 40 characters spread over the body (a fixed pseudo-random sequence). */
export function makeSelectors(body: Element, count: number) {
  const index = buildTextIndex(body);
  let seed = 7;
  const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const out = [];
  while (out.length < count) {
    const start = Math.floor(next() * (index.text.length - 50));
    const selectors = describeRange(body, offsetsToRange(index, start, start + 4 + Math.floor(next() * 36))!, index);
    if (selectors) out.push(selectors);
  }
  return out;
}

/**
 * Milliseconds to anchor one crafted record: a quote found dozens of times in the article, with
 * 2,000 unrelated characters of prefix and of suffix (the worst an import can store).
 */
export function anchorCrafted(body: Element): number {
  const junk = Array.from({ length: 2000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 2000))).join('');
  const t0 = performance.now();
  anchorAll(body, [{ quote: { type: 'TextQuoteSelector', exact: '的', prefix: junk, suffix: junk }, position: { type: 'TextPositionSelector', start: 5, end: 6 } }]);
  return performance.now() - t0;
}

/** Milliseconds to anchor all the selectors and draw them, and how many were drawn; the page is restored after. */
export function anchorAndDraw(body: Element, selectors: ReturnType<typeof makeSelectors>): { ms: number; drawn: number } {
  const t0 = performance.now();
  const index = buildTextIndex(body);
  const anchors = anchorAll(body, selectors, { index });
  const requests = anchors.flatMap((a, i) => (a ? [{ id: `b${i}`, color: 'yellow' as const, start: a.start, end: a.end }] : []));
  const drawn = drawHighlights(index, requests);
  const ms = performance.now() - t0;
  undrawAll(body);
  body.normalize();
  return { ms, drawn: drawn.size };
}

/** A session on this page, and a timer: from highlighting the current selection to drawn and stored. */
export async function startSession(): Promise<{ create: () => Promise<number> }> {
  const article = detectArticle(document, location.href)!;
  const db = new ProspectDb({ name: `bench-${Date.now()}` });
  let onStored: ((h: Highlight) => void) | null = null;
  const send = async (request: Request): Promise<unknown> => {
    if (request.type === 'highlights/add') return addHighlight(db, request.highlight);
    if (request.type === 'highlights/list') return listByArticle(db, request.articleUrl);
    return null;
  };
  const session = startHighlightSession({
    doc: document,
    article: () => article,
    locale: 'en',
    uiCss: '',
    quietly: (fn) => fn(),
    send: send as never,
    writeClipboard: async () => undefined,
    selectionDelayMs: 0,
    onStored: (h) => onStored?.(h),
  });
  await session.ready;
  return {
    create: () =>
      new Promise<number>((resolve) => {
        const since = performance.now();
        onStored = () => resolve(performance.now() - since);
        void session.highlightSelection();
      }),
  };
}
