import { describe, expect, it } from 'vitest';
import { anchorAll, anchorAllYielding } from '@/utils/anchoring/anchor';
import { MAX_CONTEXT_COMPARED, matchQuote } from '@/utils/anchoring/match-quote';
import { buildTextIndex } from '@/utils/anchoring/text-offsets';
import { SEED_HTML, articleRoot } from './seed-article';

const root = articleRoot(SEED_HTML);
const text = buildTextIndex(root).text;
// Han characters in an order the article never has.
const junk = (n: number) => Array.from({ length: n }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 2000))).join('');

describe('bounded anchoring', () => {
  it('compares only the part of a long stored context nearest the quote', () => {
    const at = text.indexOf('務實外交');
    const prefix = text.slice(at - MAX_CONTEXT_COMPARED, at);
    const suffix = text.slice(at + 4, at + 4 + MAX_CONTEXT_COMPARED);
    const plain = matchQuote(text, '務實外交', { prefix, suffix, hint: 0 });
    // 2,000 characters of crafted context: far beyond what is compared, so it changes nothing.
    const crafted = matchQuote(text, '務實外交', { prefix: junk(2000) + prefix, suffix: suffix + junk(2000), hint: 0 });
    expect(crafted).toEqual(plain);
    expect(plain).toMatchObject({ start: at, end: at + 4 });
  });

  it('finishes a crafted record whose whole context is 2,000 unrelated characters (27 s before the cap)', () => {
    // A quote that occurs dozens of times, each occurrence scored against the crafted context.
    const found = matchQuote(text, '的', { prefix: junk(2000), suffix: junk(2000), hint: 5 });
    expect(found?.end).toBe((found?.start ?? 0) + 1);
  });
});

describe('anchorAllYielding', () => {
  const selectors = ['務實外交', '石破茂', '薩德反導系統', '不存在的一句話在這裡'].map((exact) => ({
    quote: { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' },
  }));

  it('finds what anchorAll finds, and pauses whenever a slice of time is used up', async () => {
    let clock = 0;
    let pauses = 0;
    const result = await anchorAllYielding(root, selectors, {
      sliceMs: 8,
      // Every quote takes 5 ms on this clock, so every second one ends a slice.
      now: () => (clock += 2.5),
      pause: async () => {
        pauses += 1;
      },
    });
    expect(result.anchors).toEqual(anchorAll(root, selectors));
    expect(result.anchors[3]).toBeNull();
    expect(result.text).toBe(text);
    expect(pauses).toBeGreaterThanOrEqual(1);
  });

  it('does not pause within a slice', async () => {
    let pauses = 0;
    await anchorAllYielding(root, selectors, { now: () => 0, pause: async () => void (pauses += 1) });
    expect(pauses).toBe(0);
  });
});
