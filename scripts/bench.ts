/**
 * Figures for the targets in the issues, measured in Debian's Chromium: marking the seed article
 * and a page of 1 MB of article text (against mark.js given the same term list), hover to card,
 * the content script's size, and the glossary's coverage. Prints medians; asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { launchWithExtension, requireChromium, routeSite, CHROME_BUILD } from './lib/chromium';
import { readFixture, SEED_ARTICLE_URL } from './lib/site-fixtures';
import { glossaryPlugin } from './vite-glossary-plugin';
import { compileGlossarySources } from './glossary-sources';
import { glossaryReport } from './lib/glossary-report';

const ROOT = resolve(import.meta.dirname, '..');
const BIG_URL = 'https://www.pf.org.tw/tw/pfch/34-19999.html';
const BODY = 'section.cp > div.container';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(2)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** The seed article's body repeated until the page holds at least a million characters of article text. */
function bigPage(): { html: string; chars: number } {
  const seed = readFixture('pf-tw-article-34-12001.html');
  const match = seed.match(/(<section class="cp">\s*<div class="container">)([\s\S]*?)(<\/div>\s*<\/section>)/)!;
  const inner = match[2]!;
  const perCopy = inner.replace(/<[^>]+>/g, '').length;
  const copies = Math.ceil(1_000_000 / perCopy);
  return { html: seed.replace(inner, inner.repeat(copies)), chars: perCopy * copies };
}

async function pageBundle(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [glossaryPlugin()],
    build: {
      write: false,
      minify: true,
      lib: { entry: join(ROOT, 'scripts/lib/bench-page-entry.ts'), formats: ['iife'], name: 'PrBench' },
    },
  });
  const output = (Array.isArray(result) ? result[0]! : result) as { output: { code?: string }[] };
  return output.output[0]!.code!;
}

async function timeMarking(page: Page, runs: number): Promise<{ ours: number[]; marks: number }> {
  return page.evaluate(
    ([selector, n]) => {
      const body = document.querySelector(selector as string)!;
      const pristine = body.cloneNode(true);
      const w = window as unknown as { PrBench: { createBenchMarker(): { markNow(root: Node): number } } };
      const marker = w.PrBench.createBenchMarker();
      const ours: number[] = [];
      let marks = 0;
      for (let i = 0; i < (n as number); i++) {
        body.replaceChildren(...pristine.cloneNode(true).childNodes);
        const t0 = performance.now();
        marks = marker.markNow(body);
        ours.push(performance.now() - t0);
      }
      return { ours, marks };
    },
    [BODY, runs] as const,
  );
}

async function timeMarkJs(page: Page, runs: number): Promise<{ times: number[]; marks: number }> {
  return page.evaluate(
    async ([selector, n]) => {
      const body = document.querySelector(selector as string)!;
      const pristine = body.cloneNode(true);
      const w = window as unknown as {
        PrBench: { termList(): string[] };
        Mark: new (el: Element) => { mark(terms: string[], options: object): void };
      };
      const terms = w.PrBench.termList();
      const times: number[] = [];
      for (let i = 0; i < (n as number); i++) {
        body.replaceChildren(...pristine.cloneNode(true).childNodes);
        const t0 = performance.now();
        // mark.js recurses once per term and overflows the stack on the whole list: feed it in batches.
        const instance = new w.Mark(body);
        for (let b = 0; b < terms.length; b += 100) {
          await new Promise<void>((done) =>
            instance.mark(terms.slice(b, b + 100), { separateWordSearch: false, diacritics: false, done }),
          );
        }
        times.push(performance.now() - t0);
      }
      return { times, marks: body.querySelectorAll('mark').length };
    },
    [BODY, runs] as const,
  );
}

async function markingFigures(): Promise<void> {
  const bundle = await pageBundle();
  const markJs = readFileSync(join(ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');
  const big = bigPage();
  const browser = await chromium.launch({
    headless: true,
    executablePath: requireChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const context = await browser.newContext();
  await routeSite(context, { '/tw/pfch/34-19999.html': big.html });
  const rows: string[] = [];
  for (const [label, url, runs, markRuns] of [
    ['seed article', SEED_ARTICLE_URL, 31, 5],
    [`1 MB page (${big.chars.toLocaleString('en')} characters)`, BIG_URL, 7, 1],
  ] as const) {
    const page = await context.newPage();
    await page.goto(url);
    await page.addScriptTag({ content: bundle });
    await page.addScriptTag({ content: markJs });
    const ours = await timeMarking(page, runs);
    const theirs = await timeMarkJs(page, markRuns);
    const ratio = median(theirs.times) / median(ours.ours);
    rows.push(
      `${label}: Prospect Reader ${ms(median(ours.ours))} (${ours.marks} marks, median of ${runs}); ` +
        `mark.js ${ms(median(theirs.times))} (${theirs.marks} marks, median of ${markRuns}); ${ratio.toFixed(1)}x faster`,
    );
    await page.close();
  }
  await browser.close();
  console.log('\nMarking (targets: seed < 5 ms, 1 MB < 150 ms, at least 5x faster than mark.js)');
  for (const row of rows) console.log(`  ${row}`);
}

async function hoverFigures(): Promise<void> {
  const HOVER_DELAY = 180;
  const ext = await launchWithExtension();
  // tsx names arrow functions through a helper that only exists in Node; the page needs a stand-in.
  await ext.context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const page = await ext.context.newPage();
  await page.goto(SEED_ARTICLE_URL);
  await page.waitForSelector('pr-term');
  await page.evaluate(() => {
    const w = window as unknown as { hoverTimes: number[] };
    w.hoverTimes = [];
    let t0 = 0;
    document.addEventListener('mouseover', (e) => {
      if ((e.target as Element).closest?.('pr-term')) t0 = performance.now();
    }, true);
    const watch = (root: ShadowRoot) =>
      new MutationObserver(() => {
        const card = root.querySelector<HTMLElement>('[role="tooltip"]');
        if (t0 && card?.style.visibility === 'visible') {
          w.hoverTimes.push(performance.now() - t0);
          t0 = 0;
        }
      }).observe(root, { subtree: true, childList: true, attributes: true });
    new MutationObserver(() => {
      const host = document.querySelector('prospect-reader-card');
      if (host?.shadowRoot && !(host as unknown as { watched?: boolean }).watched) {
        (host as unknown as { watched?: boolean }).watched = true;
        watch(host.shadowRoot);
      }
    }).observe(document.body, { childList: true });
  });
  const terms = page.locator('pr-term');
  const count = Math.min(await terms.count(), 15);
  for (let i = 0; i < count; i++) {
    const box = await terms.nth(i).boundingBox();
    if (!box) continue;
    await page.mouse.move(2, 2);
    await page.waitForTimeout(400);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(HOVER_DELAY + 150);
  }
  const times = await page.evaluate(() => (window as unknown as { hoverTimes: number[] }).hoverTimes);
  await ext.close();
  const after = times.map((t) => t - HOVER_DELAY);
  console.log(`\nHover to card (target: drawn within one frame, 16.7 ms, of the ${HOVER_DELAY} ms hover delay ending)`);
  console.log(`  ${times.length} hovers: card placed and visible ${ms(median(after))} after the delay (median), worst ${ms(Math.max(...after))}`);
}

function sizeFigures(): void {
  const script = readFileSync(join(CHROME_BUILD, 'content-scripts/content.js'));
  const { index } = compileGlossarySources();
  const data = Buffer.from(JSON.stringify(index));
  console.log('\nSizes (target: content script under 60 kB gzipped, glossary data apart)');
  console.log(`  content script JavaScript: ${kb(script.length)} minified, ${kb(gzipSync(script).length)} gzipped`);
  console.log(`  glossary index (served by the background): ${kb(data.length)}, ${kb(gzipSync(data).length)} gzipped`);
}

async function main(): Promise<void> {
  requireChromium();
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(glossaryReport());
  sizeFigures();
  await markingFigures();
  await hoverFigures();
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
