import type { Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { launchWithExtension, requireChromium, routeSite } from './chromium';
import { SEED_ARTICLE_URL } from './site-fixtures';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** Time from DOMContentLoaded to the first term mark, as the page itself sees it. */
async function firstMarkAfterDcl(page: Page): Promise<number> {
  await page.goto(SEED_ARTICLE_URL);
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const w = window as unknown as { dcl?: number; firstMark?: number };
        const check = () => (w.firstMark !== undefined && w.dcl !== undefined ? resolve(w.firstMark - w.dcl) : setTimeout(check, 20));
        check();
      }),
  );
}

/** What a page script measures while it storms the article: how late a timer queued before the storm fires. */
async function stormLateness(page: Page, nodes: number): Promise<{ afterStorm: number; storm: number }> {
  await page.goto(SEED_ARTICLE_URL);
  await page.waitForSelector('pr-term', { state: 'attached' });
  return page.evaluate(async (n) => {
    const queued = performance.now();
    const fired = new Promise<number>((r) => setTimeout(() => r(performance.now() - queued), 0));
    const body = document.querySelector('section.cp > div.container')!;
    for (let i = 0; i < n; i++) {
      const p = document.createElement('p');
      p.textContent = i % 2 ? '北韓試射飛彈' : '美日同盟';
      body.append(p);
    }
    const storm = performance.now() - queued;
    return { afterStorm: (await fired) - storm, storm };
  }, nodes);
}

/** A page that takes every mark out as it appears: rounds of that fight and timer ticks in 3 s. */
async function fight(page: Page): Promise<{ rounds: number; ticks: number }> {
  await page.goto(SEED_ARTICLE_URL);
  await page.waitForSelector('pr-term');
  return page.evaluate(async () => {
    const body = document.querySelector('section.cp > div.container')!;
    let rounds = 0;
    const unmark = () => {
      const marks = body.querySelectorAll('pr-term');
      if (marks.length) rounds++;
      for (const mark of marks) mark.replaceWith(document.createTextNode(mark.textContent ?? ''));
    };
    new MutationObserver(unmark).observe(body, { childList: true, subtree: true });
    unmark();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 50);
    await new Promise((r) => setTimeout(r, 3000));
    clearInterval(timer);
    return { rounds, ticks };
  });
}

export async function pageStartFigures(): Promise<void> {
  const ext = await launchWithExtension();
  // tsx names arrow functions through a helper that only exists in Node; the page needs a stand-in.
  await ext.context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await ext.context.addInitScript(() => {
    const w = window as unknown as { dcl?: number; firstMark?: number };
    document.addEventListener('DOMContentLoaded', () => (w.dcl = performance.now()));
    new MutationObserver((_, observer) => {
      if (!document.querySelector('pr-term')) return;
      w.firstMark = performance.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await ext.context.newPage();
  const starts: number[] = [];
  for (let i = 0; i < 11; i++) starts.push(await firstMarkAfterDcl(page));
  const storms: { n: number; afterStorm: number; storm: number; baseline?: number }[] = [];
  for (const n of [20_000, 40_000]) storms.push({ n, ...(await stormLateness(page, n)) });
  const fought = await fight(page);
  await ext.close();
  // The same storms without the extension: what the page's own work and rendering cost.
  const plain = await chromium.launch({ headless: true, executablePath: requireChromium(), args: ['--no-sandbox', '--disable-gpu'] });
  const plainContext = await plain.newContext();
  await routeSite(plainContext);
  const plainPage = await plainContext.newPage();
  await plainPage.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  for (const s of storms) {
    await plainPage.addInitScript(() => addEventListener('DOMContentLoaded', () => document.body.append(document.createElement('pr-term'))));
    s.baseline = (await stormLateness(plainPage, s.n)).afterStorm;
  }
  await plain.close();
  console.log('\nPage start and hostile pages (targets: first marks within 50 ms of DOMContentLoaded; a timer queued before a storm fires within 100 ms)');
  console.log(`  seed article, first marks after DOMContentLoaded: ${ms(median(starts))} (median of ${starts.length}), worst ${ms(Math.max(...starts))}`);
  for (const s of storms) {
    console.log(`  ${s.n.toLocaleString('en')} nodes added in one task (${ms(s.storm)} of the page's own work): the timer fired ${ms(s.afterStorm)} after it; without the extension ${ms(s.baseline ?? NaN)}`);
  }
  console.log(`  a page that removes every mark as it appears, 3 s: ${fought.rounds} rounds of re-marking, ${fought.ticks} ticks of a 50 ms timer (60 expected)`);
}
