/**
 * The PDF reader's figures, in the built extension in Chromium: how soon the first page of a
 * 10-page PDF is visible, how soon each page's marks follow its text layer, and the memory a
 * 100-page PDF takes once read to the end.
 */
import { launchWithExtension } from './chromium';
import { articlePdf } from './pdf-fixtures';

const ms = (x: number) => `${x.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
/** One copy of the seed article prints on about four A5 pages. */
const PAGES_PER_COPY = 4;

interface ReaderTimes {
  pages: number;
  /** The reader page's own script has run (the extension page and pdf.js loaded). */
  pageLoaded: number;
  firstPainted: number;
  /** The first page's terms are marked (its text layer waits for the first picture and the matcher). */
  firstMarked: number;
  textToMarks: number[];
}

async function openAndTime(copies: number, path: string): Promise<{ times: ReaderTimes; heap: number; canvases: number }> {
  const pdf = await articlePdf(copies);
  const ext = await launchWithExtension({ pages: { [path]: pdf } });
  try {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/pdf-reader.html?pdf=${encodeURIComponent(`https://www.pf.org.tw${path}`)}`);
    await page.waitForFunction(() => {
      const count = Number(document.querySelector('.pdf-pages-count')?.textContent?.match(/\d+/)?.[0] ?? 0);
      return count > 0 && performance.getEntriesByName(`pdf-marked-${count}`).length > 0 && performance.getEntriesByName('pdf-painted-1').length > 0;
    }, undefined, { timeout: 300_000 });
    // No named functions inside: tsx would wrap them in a helper the page does not have.
    const times = await page.evaluate((): ReaderTimes => {
      const start = new Map(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]));
      const pages = document.querySelectorAll('.pdf-page').length;
      const textToMarks = Array.from({ length: pages }, (_, i) => start.get(`pdf-marked-${i + 1}`)! - start.get(`pdf-text-layer-${i + 1}`)!);
      const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      return {
        pages,
        pageLoaded: navigation!.domContentLoadedEventEnd,
        firstPainted: start.get('pdf-painted-1')!,
        firstMarked: start.get('pdf-marked-1')!,
        textToMarks,
      };
    });
    // Read to the end, as a reader scrolling through, then measure what stays.
    for (let i = 1; i <= times.pages; i += 3) {
      await page.$eval(`.pdf-page[data-page-number="${i}"]`, (el) => el.scrollIntoView());
      await page.waitForTimeout(50);
    }
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
    const canvases = await page.$$eval('.pdf-page canvas', (els) => els.length);
    return { times, heap, canvases };
  } finally {
    await ext.close();
  }
}

/** Each open of the 10-page PDF is a fresh browser; the machine is shared, so the median of several. */
const TEN_PAGE_RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function pdfFigures(): Promise<void> {
  const tens: ReaderTimes[] = [];
  for (let i = 0; i < TEN_PAGE_RUNS; i++) tens.push((await openAndTime(Math.ceil(10 / PAGES_PER_COPY), '/upload/bench-10.pdf')).times);
  const hundred = await openAndTime(Math.ceil(100 / PAGES_PER_COPY), '/upload/bench-100.pdf');
  const sorted = [...hundred.times.textToMarks].sort((a, b) => a - b);
  console.log('\nPDF reader (targets: first page visible within 1 s for a 10-page PDF; a page marked within 20 ms of its text layer)');
  const painted = tens.map((t) => t.firstPainted);
  console.log(
    `  ${tens[0]!.pages}-page PDF: first page painted ${ms(median(painted))} after the reader page started loading ` +
      `(median of ${TEN_PAGE_RUNS}, ${ms(Math.min(...painted))} to ${ms(Math.max(...painted))}; its scripts loaded at ` +
      `${ms(median(tens.map((t) => t.pageLoaded)))}; its terms marked at ${ms(median(tens.map((t) => t.firstMarked)))})`,
  );
  console.log(`  ${hundred.times.pages}-page PDF: first page painted ${ms(hundred.times.firstPainted)}`);
  console.log(
    `  text layer to marks, per page (${hundred.times.pages} pages): median ${ms(sorted[Math.floor(sorted.length / 2)]!)}, worst ${ms(sorted.at(-1)!)}`,
  );
  console.log(
    `  memory after reading all ${hundred.times.pages} pages: JS heap ${mb(hundred.heap)}; ${hundred.canvases} page pictures kept (only those near the viewport)`,
  );
}
