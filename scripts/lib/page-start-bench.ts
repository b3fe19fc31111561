import type { Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { launchWithExtension, requireChromium, routeSite, stopServiceWorker, waitForReader } from './chromium';
import { fightTheMarks, stormTheArticle } from './hostile-pages';
import { SEED_ARTICLE_URL } from './site-fixtures';
import { traceStormCpu, type StormCpu } from './main-thread-cpu';

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

/**
 * Storms the seed article once it is loaded, painted and quiet (and, with the extension, marked), so
 * both runs meet the storm at the same moment: before the first paint Chromium renders after the
 * page's timers, after it (as on a page being read) the rendering of what the storm added comes first.
 */
async function storm(page: Page, nodes: number, marked: boolean) {
  await page.goto(SEED_ARTICLE_URL, { waitUntil: 'load' });
  if (marked) await waitForReader(page);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 500)))));
  const { result, cpu } = await traceStormCpu(page, () => page.evaluate(stormTheArticle, { nodes, detached: false, settleMs: 0 }));
  return { ...result, cpu };
}

const cpuOf = (runs: StormCpu[]) =>
  `microtasks ${ms(median(runs.map((c) => c.microtasks)))}, style ${ms(median(runs.map((c) => c.style)))}, layout ${ms(median(runs.map((c) => c.layout)))}`;

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
  const coldStarts: number[] = [];
  for (let i = 0; i < 5; i++) {
    await stopServiceWorker(page);
    coldStarts.push(await firstMarkAfterDcl(page));
  }
  const storms: { n: number; afterStorm: number; storm: number; cpu: StormCpu; baseline?: number; baselineCpu?: StormCpu }[] = [];
  for (const n of [20_000, 40_000]) for (let run = 0; run < 5; run++) storms.push({ n, ...(await storm(page, n, true)) });
  await page.goto(SEED_ARTICLE_URL);
  await waitForReader(page);
  const fought = await page.evaluate(fightTheMarks, 3000);
  await ext.close();
  // The same storms without the extension: what the page's own work and rendering cost.
  const plain = await chromium.launch({ headless: true, executablePath: requireChromium(), args: ['--no-sandbox', '--disable-gpu'] });
  const plainContext = await plain.newContext({ viewport: { width: 1200, height: 900 } });
  await routeSite(plainContext);
  const plainPage = await plainContext.newPage();
  await plainPage.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  for (const s of storms) {
    const plainRun = await storm(plainPage, s.n, false);
    s.baseline = plainRun.afterStorm;
    s.baselineCpu = plainRun.cpu;
  }
  await plain.close();
  console.log('\nPage start and hostile pages (targets: first marks within 50 ms of DOMContentLoaded; a timer queued before a storm fires within 100 ms)');
  console.log(`  seed article, first marks after DOMContentLoaded: ${ms(median(starts))} (median of ${starts.length}), worst ${ms(Math.max(...starts))}`);
  console.log(`    with the service worker asleep before each load: ${ms(median(coldStarts))} (median of ${coldStarts.length}), worst ${ms(Math.max(...coldStarts))}`);
  for (const n of new Set(storms.map((s) => s.n))) {
    const runs = storms.filter((s) => s.n === n);
    const after = median(runs.map((s) => s.afterStorm));
    const plainAfter = median(runs.map((s) => s.baseline ?? NaN));
    console.log(
      `  ${n.toLocaleString('en')} nodes added in one task (${ms(median(runs.map((s) => s.storm)))} of the page's own work): the timer fired ` +
        `${ms(after)} after it; without the extension ${ms(plainAfter)} (the browser renders the new nodes first); ` +
        `added by the extension ${ms(after - plainAfter)} (medians of ${runs.length})`,
    );
    // Wall time on a shared machine swings by a hundred milliseconds; thread time is the code's own cost.
    console.log(`    main-thread CPU before the timer, with the extension: ${cpuOf(runs.map((s) => s.cpu))}; without: ${cpuOf(runs.map((s) => s.baselineCpu!))}`);
  }
  console.log(`  a page that removes every mark as it appears, 3 s: ${fought.rounds} rounds of re-marking, ${fought.ticks} ticks of a 50 ms timer (60 expected)`);
}
