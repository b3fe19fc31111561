/**
 * The dictionary's figures for `npm run bench`: its size in the package and in memory, a cold
 * service worker's first lookup, hover to card on unmarked words, and hover coverage.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { DICTIONARY_INDEX_FILE, DICTIONARY_SHARDS, shardFile } from '../../utils/dictionary/format';
import { createDictionary } from '../../utils/dictionary/lookup';
import { launchWithExtension, CHROME_BUILD, stopServiceWorker, waitForReader, type ExtensionBrowser } from './chromium';
import { SEED_ARTICLE_URL } from './site-fixtures';
import { dictionaryCoverageReport } from './dictionary-coverage';

const HOVER_DELAY = 180;
// Unmarked words of the seed article, one hover each.
const WORDS = ['擔憂', '協議', '緊張', '宣稱', '出口', '簽署', '採購', '鼓勵', '訪華', '突然', '暴漲', '特別'];

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** The heap the loaded shards keep (V8, in Node: the same engine as Chromium's service worker). */
function heapOfShards(files: Buffer[]): { bytes: number; loadMs: number } {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  const before = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const shards = files.map((gz) => createDictionary(gunzipSync(gz).toString('utf8')));
  const loadMs = performance.now() - t0;
  gc();
  const bytes = process.memoryUsage().heapUsed - before;
  shards.forEach((shard) => shard.lookup('協議'));
  return { bytes, loadMs };
}

async function setSettings(ext: ExtensionBrowser, patch: Record<string, unknown>): Promise<void> {
  await ext.serviceWorker.evaluate(async (p) => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, object>>; set(v: object): Promise<void> } } } }).chrome;
    const current = (await api.storage.local.get('settings')).settings ?? {};
    await api.storage.local.set({ settings: { ...current, ...p } });
  }, patch);
}

/** Where the page saw the pointer arrive, and when the lookup's outline appeared (drawn with the card, in the same task). */
async function timeHover(page: Page, word: string): Promise<number | null> {
  await page.mouse.move(2, 2);
  await page.waitForTimeout(450);
  const point = await page.evaluate((w) => {
    const walker = document.createTreeWalker(document.querySelector('section.cp')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n as Text).data.indexOf(w);
      if (i < 0 || n.parentElement!.closest('pr-term')) continue;
      n.parentElement!.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + 1);
      const box = range.getBoundingClientRect();
      const registry = (CSS as unknown as { highlights: Map<string, unknown> }).highlights;
      const w2 = window as unknown as { hoverArrived: number; outlined: Promise<number> };
      w2.hoverArrived = 0;
      let polling = false;
      // A message loop polls without the 4 ms clamp of nested timers, yielding to the content script between polls.
      w2.outlined = new Promise((resolve) => {
        setTimeout(() => resolve(-1), 4000);
        const channel = new MessageChannel();
        const until = performance.now() + 3000;
        channel.port1.onmessage = () => {
          if (registry.has('prospect-reader-lookup')) resolve(performance.now());
          else if (performance.now() > until) resolve(-1);
          else channel.port2.postMessage(0);
        };
        document.addEventListener('mousemove', () => {
          if (polling) return;
          polling = true;
          w2.hoverArrived = performance.now();
          channel.port2.postMessage(0);
        }, { capture: true, once: true });
      });
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }
    return null;
  }, word);
  if (!point) return null;
  await page.mouse.move(point.x, point.y);
  const elapsed = await page.evaluate(async () => {
    const w2 = window as unknown as { hoverArrived: number; outlined: Promise<number> };
    const at = await w2.outlined;
    return at < 0 ? null : at - w2.hoverArrived;
  });
  return elapsed;
}

export async function dictionaryFigures(): Promise<void> {
  const dir = join(CHROME_BUILD, 'dictionary');
  const onDisk = readdirSync(dir).reduce((sum, f) => sum + readFileSync(join(dir, f)).length, 0);
  const shards = Array.from({ length: DICTIONARY_SHARDS }, (_, i) => readFileSync(join(CHROME_BUILD, shardFile(i))));
  const unpacked = shards.map((gz) => gunzipSync(gz).length);
  const lines = shards.reduce((n, gz) => n + createDictionary(gunzipSync(gz).toString('utf8')).header.count, 0);
  const index = readFileSync(join(CHROME_BUILD, DICTIONARY_INDEX_FILE));
  const all = heapOfShards(shards);
  console.log('\nDictionary (CC-CEDICT; targets: package growth ≤ 6 MB, cold service worker first lookup < 150 ms, hover to card within 16.7 ms of the delay)');
  console.log(`  on disk and in the package: ${mb(onDisk)} gzipped in ${DICTIONARY_SHARDS} shards and an index of ${(index.length / 1024).toFixed(1)} kB (${mb(unpacked.reduce((a, b) => a + b, 0))} unpacked, ${lines.toLocaleString('en')} lines; a shard ${(median(shards.map((s) => s.length)) / 1024).toFixed(0)} kB gzipped, median)`);
  console.log(`  in memory (V8 heap, in Node): every shard loaded ${mb(all.bytes)}, ${(all.bytes / DICTIONARY_SHARDS / 1024).toFixed(0)} kB a shard on average (all unpacked in ${ms(all.loadMs)}); the background loads a shard the first time a word starting there is hovered`);

  const ext = await launchWithExtension();
  await ext.context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const page = await ext.context.newPage();
  await page.goto(SEED_ARTICLE_URL);
  await waitForReader(page);

  // Cold: the worker is stopped before each lookup; with no hover delay the outline waits only for the reply.
  await setSettings(ext, { hoverDelayMs: 0 });
  const cold: number[] = [];
  for (const word of WORDS.slice(0, 5)) {
    await stopServiceWorker(page);
    await page.waitForTimeout(300);
    const t = await timeHover(page, word);
    if (t !== null) cold.push(t);
  }
  await setSettings(ext, { hoverDelayMs: HOVER_DELAY });
  await page.waitForTimeout(200);
  const warm: number[] = [];
  for (const word of WORDS) {
    const t = await timeHover(page, word);
    if (t !== null) warm.push(t - HOVER_DELAY);
  }
  await ext.close();
  console.log(`  cold service worker, first lookup (wake, read and unpack the file, look up, reply, draw): median ${ms(median(cold))}, worst ${ms(Math.max(...cold))} (${cold.length} runs)`);
  console.log(`  hover to card on unmarked words: drawn ${ms(median(warm))} after the ${HOVER_DELAY} ms delay (median), worst ${ms(Math.max(...warm))} (${warm.length} of ${WORDS.length} words)`);
  console.log(await dictionaryCoverageReport(undefined, { listMissed: process.argv.includes('--missed') }));
}
