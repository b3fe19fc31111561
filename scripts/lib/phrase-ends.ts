export interface PhraseEnds {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * Runs in the page (pass it to `page.evaluate` of Playwright or Puppeteer): scrolls the article
 * paragraph holding `phrase` into view and returns the points just inside its first and last
 * characters, where a reader starts and ends a drag to select it. Self-contained on purpose.
 */
export function phraseEnds(phrase: string): PhraseEnds {
  const p = [...document.querySelectorAll('section.cp p')].find((e) => e.textContent!.includes(phrase))!;
  p.scrollIntoView({ block: 'center' });
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const start = p.textContent!.indexOf(phrase);
  let at = 0;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (at <= start && start < at + n.length) range.setStart(n, start - at);
    if (at < start + phrase.length && start + phrase.length <= at + n.length) range.setEnd(n, start + phrase.length - at);
    at += n.length;
  }
  const rects = range.getClientRects();
  const first = rects[0]!;
  const last = rects[rects.length - 1]!;
  return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
}
