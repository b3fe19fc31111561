/** What the benchmark injects to time the 繁/简 switch: the content script's switch and dictionary reader. */
import { converterFromPayload } from '../../utils/chinese-script/dictionary';
import { createPageScript, type Script } from '../../content/chinese-script/page-script';

/** Builds the converter from a dictionary file's text and returns how long that took. */
export function loadDictionary(text: string): number {
  const start = performance.now();
  (globalThis as unknown as { prConvert: unknown }).prConvert = converterFromPayload(text);
  return performance.now() - start;
}

/** Times `runs` switches to Simplified and back on `selector`, checking the text comes back exactly. */
export async function timeSwitch(selector: string, runs: number): Promise<{ there: number[]; back: number[]; exact: boolean }> {
  const root = document.querySelector(selector)!;
  const original = root.textContent;
  const convert = (globalThis as unknown as { prConvert: ReturnType<typeof converterFromPayload> }).prConvert;
  const script = createPageScript({ getRoot: () => root, native: 'traditional', loadConverter: () => Promise.resolve(convert) });
  const there: number[] = [];
  const back: number[] = [];
  const time = async (target: Script, into: number[]) => {
    const start = performance.now();
    await script.show(target);
    into.push(performance.now() - start);
  };
  for (let i = 0; i < runs; i++) {
    await time('simplified', there);
    await time('traditional', back);
  }
  return { there, back, exact: root.textContent === original };
}
