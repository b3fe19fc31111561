/**
 * Figures for the targets in the issues, measured in Debian's Chromium: marking the seed article
 * and a page of 1 MB of article text (DOM marks and CSS Custom Highlights, against mark.js given the
 * same term list), hover to card,
 * the content script's size, the glossary's coverage, and the dictionary's sizes, lookups and hover coverage. Prints medians; asserts nothing.
 * Over 300 lines: one short section a figure, so every target's measure is found here; the heavier
 * harnesses are in scripts/lib/.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import preact from '@preact/preset-vite';
import { pdfFigures } from './lib/pdf-bench';
import { launchWithExtension, requireChromium, routeSite, CHROME_BUILD } from './lib/chromium';
import { bigPage, SEED_ARTICLE_URL } from './lib/site-fixtures';
import { glossaryPlugin } from './vite-glossary-plugin';
import { compileGlossarySources } from './glossary-sources';
import { matchIndexOf } from '../utils/glossary/match-index';
import { glossaryReport } from './lib/glossary-report';
import { LAZY_MARKING_CHARS } from '../content/marking/viewport-marking';
import { SCRIPT_DICTIONARY_FILES } from '../utils/chinese-script/dictionary';
import { notesFigures } from './lib/notes-bench';
import { dictionaryFigures } from './lib/dictionary-bench';
import { ax } from './lib/ax';
import { pageStartFigures } from './lib/page-start-bench';

const ROOT = resolve(import.meta.dirname, '..');
const BIG_URL = 'https://www.pf.org.tw/tw/pfch/34-19999.html';
const BODY = 'section.cp > div.container';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(2)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

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

async function timeMarking(page: Page, runs: number): Promise<{ ours: number[]; framed: number[]; scrolled: number[]; viewport: number[]; marks: number }> {
  return page.evaluate(
    async ([selector, n]) => {
      const body = document.querySelector(selector as string)!;
      const pristine = body.cloneNode(true);
      const w = window as unknown as {
        PrBench: { createBenchMarker(): { markNow(root: Node): number }; markViewport(root: Element): Promise<number> };
      };
      const marker = w.PrBench.createBenchMarker();
      // Resolves after the next frame has been drawn: style, layout and paint of what changed.
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const ours: number[] = [];
      const framed: number[] = [];
      const scrolled: number[] = [];
      const viewport: number[] = [];
      let marks = 0;
      const fresh = async () => {
        body.replaceChildren(...pristine.cloneNode(true).childNodes);
        window.scrollTo(0, 0);
        // A real page is laid out before the content script runs; lay this one out before timing too.
        void document.body.offsetHeight;
        await frame();
      };
      for (let i = 0; i < (n as number); i++) {
        await fresh();
        const t0 = performance.now();
        marks = marker.markNow(body);
        ours.push(performance.now() - t0);
        await frame();
        framed.push(performance.now() - t0);
        // One frame of scrolling the marked page: what the marks cost while the reader reads.
        const t1 = performance.now();
        window.scrollBy(0, 2000);
        await frame();
        scrolled.push(performance.now() - t1);
        await fresh();
        const t2 = performance.now();
        await w.PrBench.markViewport(body);
        viewport.push(performance.now() - t2);
      }
      return { ours, framed, scrolled, viewport, marks };
    },
    [BODY, runs] as const,
  );
}

/**
 * The content script's design for a very long article: the terms drawn as ranges in its term layer
 * (StaticRanges kept by text node), each run on a fresh copy of the body; whole, and in and near the
 * viewport first.
 */
async function timeRanges(page: Page, runs: number) {
  return page.evaluate(
    async ([selector, n]) => {
      const body = document.querySelector(selector as string)!;
      const pristine = body.cloneNode(true);
      type RangeMarker = { markNow(): number; inSlices(): Promise<number>; viewportFirst(): Promise<number>; clear(): void };
      const w = window as unknown as { PrBench: { rangeMarker(root: Element): RangeMarker } };
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const out = { drawn: [] as number[], framed: [] as number[], scrolled: [] as number[], viewport: [] as number[], sliced: [] as number[], ranges: 0 };
      const fresh = async () => {
        body.replaceChildren(...pristine.cloneNode(true).childNodes);
        window.scrollTo(0, 0);
        void document.body.offsetHeight;
        await frame();
      };
      /** Milliseconds for one way of drawing, on a fresh copy of the body, its ranges taken away after. */
      const timeFresh = async (draw: (marker: RangeMarker) => Promise<unknown>) => {
        await fresh();
        const marker = w.PrBench.rangeMarker(body);
        const t = performance.now();
        await draw(marker);
        const took = performance.now() - t;
        marker.clear();
        return took;
      };
      for (let i = 0; i < (n as number); i++) {
        await fresh();
        const whole = w.PrBench.rangeMarker(body);
        const t0 = performance.now();
        out.ranges = whole.markNow();
        out.drawn.push(performance.now() - t0);
        await frame();
        out.framed.push(performance.now() - t0);
        const t1 = performance.now();
        window.scrollBy(0, 2000);
        await frame();
        out.scrolled.push(performance.now() - t1);
        whole.clear();
        out.viewport.push(await timeFresh((marker) => marker.viewportFirst()));
        out.sliced.push(await timeFresh((marker) => marker.inSlices()));
      }
      return out;
    },
    [BODY, runs] as const,
  );
}

/** The StaticRange design, on a freshly loaded page: each run on a fresh copy of its body, the ranges taken away after it. */
async function timeStaticHighlights(page: Page, runs: number, bundle: string) {
  await page.reload();
  await page.addScriptTag({ content: bundle });
  return page.evaluate(
    async ([selector, n]) => {
      const body = document.querySelector(selector as string)!;
      const pristine = body.cloneNode(true);
      const w = window as unknown as {
        PrBench: { staticHighlightAll(root: Element): { marks: number; collect: number; match: number; draw: number; clear(): void } };
      };
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const out = { drawn: [] as number[], framed: [] as number[], scrolled: [] as number[], replaced: [] as number[], parts: [] as string[], ranges: 0 };
      for (let i = 0; i < (n as number); i++) {
        body.replaceChildren(...pristine.cloneNode(true).childNodes);
        window.scrollTo(0, 0);
        void document.body.offsetHeight;
        await frame();
        const t0 = performance.now();
        const run = w.PrBench.staticHighlightAll(body);
        out.drawn.push(performance.now() - t0);
        await frame();
        out.framed.push(performance.now() - t0);
        const t1 = performance.now();
        window.scrollBy(0, 2000);
        await frame();
        out.scrolled.push(performance.now() - t1);
        // What live ranges made take minutes: the page replacing the article under the ranges.
        const t2 = performance.now();
        body.replaceChildren(...pristine.cloneNode(true).childNodes);
        out.replaced.push(performance.now() - t2);
        out.parts.push(`${run.collect.toFixed(0)}+${run.match.toFixed(0)}+${run.draw.toFixed(0)}`);
        out.ranges = run.marks;
        run.clear();
      }
      return out;
    },
    [BODY, runs] as const,
  );
}

/**
 * mark.js given the same term list, either as its array API (one DOM pass per term) or as one
 * alternation regex, longest first (one pass); the array API takes minutes on the 1 MB page.
 */
async function timeMarkJs(page: Page, runs: number, mode: 'array' | 'regexp'): Promise<{ times: number[]; marks: number }> {
  return page.evaluate(
    async ([selector, n, how]) => {
      const body = document.querySelector(selector as string)!;
      const pristine = body.cloneNode(true);
      const w = window as unknown as {
        PrBench: { termList(): string[] };
        Mark: new (el: Element) => {
          mark(terms: string[], options: object): void;
          markRegExp(re: RegExp, options: object): void;
        };
      };
      const terms = w.PrBench.termList().sort((a, b) => b.length - a.length);
      const escaped = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      const times: number[] = [];
      for (let i = 0; i < (n as number); i++) {
        body.replaceChildren(...pristine.cloneNode(true).childNodes);
        const t0 = performance.now();
        const instance = new w.Mark(body);
        if (how === 'regexp') {
          await new Promise<void>((done) => instance.markRegExp(new RegExp(escaped.join('|'), 'gi'), { done }));
        } else {
          // mark.js recurses once per term and overflows the stack on the whole list: feed it in batches.
          for (let b = 0; b < terms.length; b += 100) {
            await new Promise<void>((done) =>
              instance.mark(terms.slice(b, b + 100), { separateWordSearch: false, diacritics: false, done }),
            );
          }
        }
        times.push(performance.now() - t0);
      }
      return { times, marks: body.querySelectorAll('mark').length };
    },
    [BODY, runs, mode] as const,
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
  // tsx names arrow functions through a helper that only exists in Node; the page needs a stand-in.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await routeSite(context, { '/tw/pfch/34-19999.html': big.html });
  const rows: string[] = [];
  for (const [label, url, runs, modes] of [
    ['seed article', SEED_ARTICLE_URL, 31, [['array', 5], ['regexp', 5]]],
    [`1 MB page (${big.chars.toLocaleString('en')} characters)`, BIG_URL, 7, [['regexp', 1]]],
  ] as const) {
    const page = await context.newPage();
    page.on('crash', () => console.error(`  the page crashed while marking the ${label}`));
    await page.goto(url);
    await page.addScriptTag({ content: bundle });
    await page.addScriptTag({ content: markJs });
    // Each design starts from the page as served: the last run of the one before leaves its marks in the body.
    const reload = async () => {
      await page.reload();
      await page.addScriptTag({ content: bundle });
      await page.addScriptTag({ content: markJs });
    };
    const ours = await timeMarking(page, runs);
    const theirs = [];
    for (const [mode, markRuns] of modes) {
      await reload();
      theirs.push({ mode, markRuns, ...(await timeMarkJs(page, markRuns, mode)) });
    }
    await reload();
    const drawn = await timeRanges(page, runs);
    const statics = await timeStaticHighlights(page, runs, bundle);
    const parts = [
      `DOM marks, whole page at once ${ms(median(ours.ours))}, to the next frame ${ms(median(ours.framed))}, a scrolled frame ${ms(median(ours.scrolled))} (${ours.marks} marks, median of ${runs})`,
      `term ranges (the content script's design above ${LAZY_MARKING_CHARS.toLocaleString('en')} characters), whole page at once ${ms(median(drawn.drawn))}, ` +
        `to the next frame ${ms(median(drawn.framed))}, a scrolled frame ${ms(median(drawn.scrolled))}, in and near the viewport first ${ms(median(drawn.viewport))}, ` +
        `whole page in slices that yield (wall time, the page's turns included) ${ms(median(drawn.sliced))} (${drawn.ranges} ranges, median of ${runs})`,
    ];
    parts.push(
      `bare StaticRanges in one highlight (no index, no repair: the floor), whole page at once ${ms(median(statics.drawn))} (collect+match+draw, ms: ${statics.parts.join(', ')}), ` +
        `to the next frame ${ms(median(statics.framed))}, a scrolled frame ${ms(median(statics.scrolled))}, ` +
        `the page replacing the article under them ${ms(median(statics.replaced))} (${statics.ranges} ranges, median of ${runs})`,
    );
    if (url === BIG_URL) parts.push(`DOM marks in and near the viewport first (the design while glosses show): ${ms(median(ours.viewport))}`);
    for (const { mode, markRuns, times, marks } of theirs) {
      const ratio = (x: number[]) => (median(times) / median(x)).toFixed(1);
      parts.push(
        `mark.js ${mode === 'array' ? 'mark(terms)' : 'markRegExp(one alternation)'} ${ms(median(times))} ` +
          `(${marks} marks, median of ${markRuns}): DOM marks ${ratio(ours.ours)}x, term ranges ${ratio(drawn.drawn)}x, bare StaticRanges ${ratio(statics.drawn)}x`,
      );
    }
    rows.push(`${label}: ${parts.join('; ')}`);
    await page.close();
  }
  await browser.close();
  console.log('\nMarking (targets: seed < 5 ms, 1 MB < 150 ms, at least 5x faster than mark.js; ratios against the whole-page figure)');
  console.log(
    `  pages over ${LAZY_MARKING_CHARS.toLocaleString('en')} characters draw their terms as ranges (in and near the viewport first, the rest in slices at once), ` +
      'or, while inline glosses show, as marks near the viewport as the reader scrolls; shorter ones as marks at once',
  );
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
    (window as unknown as { watchCard: (root: ShadowRoot) => void }).watchCard = (root: ShadowRoot) =>
      new MutationObserver(() => {
        const card = root.querySelector<HTMLElement>('[role="tooltip"]');
        if (t0 && card?.style.visibility === 'visible') {
          w.hoverTimes.push(performance.now() - t0);
          t0 = 0;
        }
      }).observe(root, { subtree: true, childList: true, attributes: true });
  });
  const terms = page.locator('pr-term');
  // The card's root is closed: a first hover makes the card, whose own root the timing then watches.
  await terms.first().hover();
  const card = ax(page).getByRole('tooltip');
  await card.waitFor();
  await card.evaluate((el) => (window as unknown as { watchCard: (root: Node) => void }).watchCard(el.getRootNode()));
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

/** Anchoring and drawing 1,000 highlights on the seed article; one highlight from the command to drawn and stored. */
async function highlightFigures(): Promise<void> {
  const built = await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [preact()],
    build: {
      write: false,
      minify: true,
      lib: { entry: join(ROOT, 'scripts/lib/bench-highlights-entry.ts'), formats: ['iife'], name: 'PrHighlights' },
    },
  });
  const bundle = ((Array.isArray(built) ? built[0]! : built) as { output: { code?: string }[] }).output[0]!.code!;
  const browser = await chromium.launch({ headless: true, executablePath: requireChromium(), args: ['--no-sandbox', '--disable-gpu'] });
  const context = await browser.newContext();
  await routeSite(context);
  const page = await context.newPage();
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await page.goto(SEED_ARTICLE_URL);
  await page.addScriptTag({ content: bundle });
  const drawing = await page.evaluate((sel) => {
    type Api = {
      makeSelectors(b: Element, n: number): unknown;
      anchorAndDraw(b: Element, s: unknown): { ms: number; drawn: number };
      anchorCrafted(b: Element): number;
    };
    const api = (window as unknown as { PrHighlights: Api }).PrHighlights;
    const body = document.querySelector(sel)!;
    const selectors = api.makeSelectors(body, 1000);
    const runs = Array.from({ length: 11 }, () => api.anchorAndDraw(body, selectors));
    return { times: runs.map((r) => r.ms), drawn: runs[0]!.drawn, crafted: api.anchorCrafted(body) };
  }, BODY);

  await page.evaluate(() =>
    (window as unknown as { PrHighlights: { startSession(): Promise<unknown> } }).PrHighlights.startSession().then((s) => {
      (window as unknown as { benchSession: unknown }).benchSession = s;
    }),
  );
  const createTimes: number[] = [];
  const paragraphs = await page.locator(`${BODY} > p`).count();
  for (let i = 1; i < Math.min(paragraphs, 10); i++) {
    const p = page.locator(`${BODY} > p`).nth(i);
    await p.scrollIntoViewIfNeeded();
    await p.evaluate((el) => {
      const text = [...el.childNodes].find((n) => n.nodeType === 3 && (n as Text).data.length > 12) as Text;
      getSelection()!.setBaseAndExtent(text, 2, text, 12);
    });
    createTimes.push(
      await page.evaluate(() => (window as unknown as { benchSession: { create(): Promise<number> } }).benchSession.create()),
    );
  }
  await browser.close();
  console.log('\nHighlights (targets: anchor and draw 1,000 under 100 ms; one from click to drawn and stored under 50 ms)');
  console.log(`  anchor + draw ${drawing.drawn} highlights on the seed article: ${ms(median(drawing.times))} (median of ${drawing.times.length})`);
  // Before the context was capped (match-quote.ts, MAX_CONTEXT_COMPARED) this took 27 s.
  console.log(`  anchor one crafted record (2,000-character prefix and suffix, a quote found dozens of times): ${ms(drawing.crafted)}`);
  console.log(
    `  create one (highlight the selection to drawn and stored in Dexie, the store the background runs; no message hop): ${ms(median(createTimes))} (median of ${createTimes.length})`,
  );
}

function sizeFigures(): void {
  const script = readFileSync(join(CHROME_BUILD, 'content-scripts/content.js'));
  const { index } = compileGlossarySources();
  const data = Buffer.from(JSON.stringify(index));
  console.log('\nSizes (target: content script under 60 kB gzipped, glossary data apart)');
  console.log(`  content script JavaScript: ${kb(script.length)} minified, ${kb(gzipSync(script).length)} gzipped`);
  console.log(`  whole glossary index (the background's): ${kb(data.length)}, ${kb(gzipSync(data).length)} gzipped`);
  const match = Buffer.from(JSON.stringify(matchIndexOf(index)));
  console.log(`  match index (what a page gets before marking): ${kb(match.length)}, ${kb(gzipSync(match).length)} gzipped`);
  const details = Buffer.from(JSON.stringify(index.entries));
  console.log(`  card details of every entry (a page asks only for the terms it found): ${kb(details.length)}, ${kb(gzipSync(details).length)} gzipped`);
}

/** The 繁/简 switch on the seed article and the 1 MB page, after its dictionary has loaded; and the dictionaries' sizes. */
/**
 * One highlight made as a reader makes it, in the built extension: from the press on the toolbar's
 * Highlight button to the highlight drawn and confirmed stored by the background (its unsaved mark gone).
 */
async function clickToStoredFigures(): Promise<void> {
  const ext = await launchWithExtension();
  await ext.context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const page = await ext.context.newPage();
  await page.goto(SEED_ARTICLE_URL);
  await page.waitForSelector('pr-term');
  const paragraphs = await page.locator('section.cp > div.container > p').count();
  const times: number[] = [];
  for (let i = 1; i < Math.min(paragraphs, 10); i++) {
    const p = page.locator('section.cp > div.container > p').nth(i);
    await p.scrollIntoViewIfNeeded();
    const box = (await p.boundingBox())!;
    await page.mouse.move(box.x + 4, box.y + 12);
    await page.mouse.down();
    await page.mouse.move(box.x + Math.min(box.width - 8, 240), box.y + 12, { steps: 5 });
    await page.mouse.up();
    const button = ax(page).getByRole('button', { name: 'Highlight', exact: true });
    await button.waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { stored?: Promise<number> };
      w.stored = new Promise((resolve) => {
        let t0 = 0;
        const before = document.querySelectorAll('pr-highlight').length;
        document.addEventListener('pointerdown', () => (t0 = performance.now()), { capture: true, once: true });
        const check = () => {
          const drawn = document.querySelectorAll('pr-highlight').length > before;
          if (t0 && drawn && !document.querySelector('pr-highlight[data-unsaved]')) {
            observer.disconnect();
            resolve(performance.now() - t0);
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-unsaved'] });
      });
    });
    await button.click();
    times.push(await page.evaluate(() => (window as unknown as { stored: Promise<number> }).stored));
  }
  await ext.close();
  console.log(
    `  create one in the extension, press on Highlight to drawn and stored by the background: ${ms(median(times))} (median of ${times.length})`,
  );
}

async function scriptSwitchFigures(): Promise<void> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: { entry: join(ROOT, 'scripts/lib/bench-script-entry.ts'), formats: ['iife'], name: 'PrScript' },
    },
  });
  const bundle = ((Array.isArray(result) ? result[0]! : result) as { output: { code?: string }[] }).output[0]!.code!;
  const t2s = readFileSync(join(CHROME_BUILD, SCRIPT_DICTIONARY_FILES.t2s));
  const s2t = readFileSync(join(CHROME_BUILD, SCRIPT_DICTIONARY_FILES.s2t));
  const big = bigPage();
  const browser = await chromium.launch({ headless: true, executablePath: requireChromium(), args: ['--no-sandbox', '--disable-gpu'] });
  const context = await browser.newContext();
  await routeSite(context, { '/tw/pfch/34-19999.html': big.html });
  const rows: string[] = [];
  let loads = '';
  for (const [label, url, runs] of [
    ['seed article', SEED_ARTICLE_URL, 21],
    [`1 MB page (${big.chars.toLocaleString('en')} characters)`, BIG_URL, 3],
  ] as const) {
    const page = await context.newPage();
    await page.goto(url);
    await page.addScriptTag({ content: bundle });
    type Api = { PrScript: { loadDictionary(text: string): number; timeSwitch(s: string, n: number): Promise<{ there: number[]; back: number[]; exact: boolean }> } };
    const loadT2s = await page.evaluate((text) => (window as unknown as Api).PrScript.loadDictionary(text), t2s.toString('utf8'));
    if (!loads) {
      const loadS2t = await page.evaluate((text) => (window as unknown as Api).PrScript.loadDictionary(text), s2t.toString('utf8'));
      await page.evaluate((text) => (window as unknown as Api).PrScript.loadDictionary(text), t2s.toString('utf8'));
      loads = `dictionary parse + build: Traditional→Simplified ${ms(loadT2s)}, Simplified→Traditional ${ms(loadS2t)}`;
    }
    const { there, back, exact } = await page.evaluate(
      ([sel, n]) => (window as unknown as Api).PrScript.timeSwitch(sel as string, n as number),
      [BODY, runs] as const,
    );
    rows.push(`${label}: to Simplified ${ms(median(there))}, back to Traditional ${ms(median(back))} (median of ${runs})${exact ? '' : ' — TEXT NOT RESTORED'}`);
    await page.close();
  }
  await browser.close();
  console.log('\n繁/简 switch (target: seed article < 30 ms once the dictionary is loaded)');
  for (const row of rows) console.log(`  ${row}`);
  console.log(`  ${loads}`);
  console.log(
    `  lazily loaded dictionaries: Traditional→Simplified ${kb(t2s.length)} (${kb(gzipSync(t2s).length)} gzipped), ` +
      `Simplified→Traditional ${kb(s2t.length)} (${kb(gzipSync(s2t).length)} gzipped)`,
  );
}

const SECTIONS: Record<string, () => void | Promise<void>> = {
  glossary: () => console.log(glossaryReport()),
  sizes: sizeFigures,
  'page-start': pageStartFigures,
  marking: markingFigures,
  hover: hoverFigures,
  dictionary: dictionaryFigures,
  highlights: highlightFigures,
  'click-to-stored': clickToStoredFigures,
  'script-switch': scriptSwitchFigures,
  notes: notesFigures,
  pdf: pdfFigures,
};

/** `npm run bench -- marking hover` runs only the named sections, in the usual order; `--missed` lists the held-out terms missed. */
async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const unknown = wanted.filter((name) => !(name in SECTIONS));
  if (unknown.length) throw new Error(`unknown bench section ${unknown.join(', ')}; known: ${Object.keys(SECTIONS).join(', ')}`);
  requireChromium();
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  for (const [name, run] of Object.entries(SECTIONS)) {
    if (wanted.length === 0 || wanted.includes(name)) await run();
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
