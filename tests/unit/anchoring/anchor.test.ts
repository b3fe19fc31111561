import { describe, expect, it } from 'vitest';
import { anchorAll, type Anchor, type StoredSelectors } from '@/utils/anchoring/anchor';
import { describeRange, type RangeSelectors } from '@/utils/anchoring/describe';
import { stripWhitespace } from '@/utils/anchoring/strip-whitespace';
import { buildTextIndex, offsetsToRange } from '@/utils/anchoring/text-offsets';
import { SEED_HTML, articleRoot, removeParagraph, replaceOnce, toSimplified } from './seed-article';

/**
 * Highlights made on the seed article. `marker` is a longer passage that holds the quote once and
 * says which occurrence is meant when the quote repeats; `from`/`to` span several elements.
 */
const SPECS = {
  pragmatic: { exact: '以國家利益為核心的「務實外交」' },
  meeting: { exact: '與時任日本首相的石破茂舉行會談' },
  typo: { exact: '這是韓國總統時隔九年的對中國是訪問' },
  thaad: { exact: '緩解雙方因部署薩德反導系統而惡化的關係' },
  // Also in the lead paragraph: this is the later occurrence.
  firstYear: { exact: '韓中關係全面恢復元年', marker: '李在明又定調 2026 年為「韓中關係全面恢復元年」' },
  // From the end of a paragraph through the heading after it.
  crossing: { from: '並建立雙方定期對話與協商機制。', to: '在中美博弈間尋求迴旋' },
  // Two characters found dozens of times in the article.
  china: { exact: '中國', marker: '目前外交相對孤立的中國' },
  closing: { exact: '不代表遠景基金會之政策與立場。' },
  lead: { exact: '李在明定調 2026 年為「韓中關係全面恢復元年」' },
} as const;
type Name = keyof typeof SPECS;
const NAMES = Object.keys(SPECS) as Name[];

const same = (s: string) => s;

/** Where each highlight lies in a text: [start, end). `fold` converts the specs to the page's script. */
function spanIn(text: string, name: Name, fold = same): [number, number] {
  const spec: { exact?: string; marker?: string; from?: string; to?: string } = SPECS[name];
  if (spec.from && spec.to) {
    const start = text.indexOf(fold(spec.from));
    return [start, text.indexOf(fold(spec.to), start) + spec.to.length];
  }
  const marker = fold(spec.marker ?? spec.exact!);
  const at = text.indexOf(marker);
  if (at === -1 || text.indexOf(marker, at + 1) !== -1) throw new Error(`marker for ${name} not unique`);
  const start = at + marker.indexOf(fold(spec.exact!));
  return [start, start + spec.exact!.length];
}

/** Makes the highlights on a page the way the extension does: a range, then its selectors. */
function highlight(html: string, fold = same): { text: string; stored: Record<Name, RangeSelectors> } {
  const root = articleRoot(html);
  const index = buildTextIndex(root);
  const stored = {} as Record<Name, RangeSelectors>;
  for (const name of NAMES) {
    const [start, end] = spanIn(index.text, name, fold);
    stored[name] = describeRange(root, offsetsToRange(index, start, end)!)!;
  }
  return { text: index.text, stored };
}

function anchorOn(html: string, stored: Record<Name, StoredSelectors>, normalize?: (s: string) => string) {
  const root = articleRoot(html);
  const index = buildTextIndex(root);
  const anchors = anchorAll(root, NAMES.map((n) => stored[n]), { index, normalize });
  const result = {} as Record<Name, { anchor: Anchor | null; text: string | null }>;
  NAMES.forEach((name, i) => {
    const anchor = anchors[i]!;
    const range = anchor && offsetsToRange(index, anchor.start, anchor.end);
    result[name] = { anchor, text: range ? range.toString() : null };
  });
  return { text: index.text, result };
}

const seed = highlight(SEED_HTML);

/** Every named highlight anchors where `spanIn` finds it in the new text, with its quote. */
function expectSurvivors(
  after: ReturnType<typeof anchorOn>,
  names: readonly Name[],
  quoteOf: (name: Name) => string = (name) => seed.stored[name].quote.exact,
) {
  for (const name of names) {
    const { anchor, text } = after.result[name];
    expect(text, name).toBe(quoteOf(name));
    expect([anchor!.start, anchor!.end], name).toEqual(spanIn(after.text, name));
  }
}

describe('the seed article', () => {
  it('stores selectors measured against the article body', () => {
    const { stored, text } = seed;
    expect(stored.pragmatic.quote.exact).toBe('以國家利益為核心的「務實外交」');
    expect(stored.crossing.quote.exact).toBe('並建立雙方定期對話與協商機制。\n      在中美博弈間尋求迴旋');
    expect(stored.firstYear.position.start).toBe(text.lastIndexOf('韓中關係全面恢復元年'));
    expect(stored.china.quote.prefix.endsWith('目前外交相對孤立的')).toBe(true);
    expect(stored.closing.quote.suffix).toBe('\n    ');
  });

  it('anchors every highlight in place on the unchanged page, at full score', () => {
    const after = anchorOn(SEED_HTML, seed.stored);
    expectSurvivors(after, NAMES);
    for (const name of NAMES) {
      expect(after.result[name].anchor!.start, name).toBe(seed.stored[name].position.start);
      expect(after.result[name].anchor!.score, name).toBe(1);
    }
  });

  it('follows a typo fix inside one highlight and leaves the others exact', () => {
    const fixed = replaceOnce(SEED_HTML, '對中國是訪問', '對中國國是訪問');
    const after = anchorOn(fixed, seed.stored);
    expectSurvivors(after, NAMES.filter((n) => n !== 'typo'));
    expect(after.result.typo.text).toBe('這是韓國總統時隔九年的對中國國是訪問');
    expect(after.result.typo.anchor!.score).toBeGreaterThan(0.9);
    expect(after.result.typo.anchor!.score).toBeLessThan(1);
  });

  it('finds every highlight after a paragraph is inserted before them', () => {
    // The new paragraph repeats two of the quotes, to be told apart from the real ones.
    const inserted = replaceOnce(
      SEED_HTML,
      '<p>近幾年韓國政治',
      '<p>（編者補充）新政府稱今年為「韓中關係全面恢復元年」，並多次與中國官員會面。</p>\n      <p>近幾年韓國政治',
    );
    const after = anchorOn(inserted, seed.stored);
    expect(after.text.indexOf('韓中關係全面恢復元年')).toBeLessThan(after.text.indexOf('近幾年'));
    expectSurvivors(after, NAMES);
  });

  it('finds the rest after a paragraph before them is removed, and orphans its own highlight', () => {
    const removed = removeParagraph(SEED_HTML, '與強調歷史問題');
    const after = anchorOn(removed, seed.stored);
    expect(after.result.meeting.anchor).toBeNull();
    expectSurvivors(after, NAMES.filter((n) => n !== 'meeting'));
  });

  it("orphans the highlights of a removed paragraph that has no copy elsewhere", () => {
    const removed = removeParagraph(SEED_HTML, '因此，早在他訪問日美的同時');
    const after = anchorOn(removed, seed.stored);
    expect(after.result.typo.anchor).toBeNull();
    expect(after.result.thaad.anchor).toBeNull();
    expect(after.result.crossing.anchor).toBeNull();
    // The repeated phrase survives in the lead paragraph, so it moves there.
    expect(after.result.firstYear.text).toBe('韓中關係全面恢復元年');
    expect(after.result.firstYear.anchor!.start).toBe(after.text.indexOf('韓中關係全面恢復元年'));
    expectSurvivors(after, ['pragmatic', 'meeting', 'china', 'closing', 'lead']);
  });

  it('survives whitespace reflowed between and inside paragraphs', () => {
    let reflowed = SEED_HTML.replaceAll('\n      <p', '\n\n            <p').replaceAll('\n      <h3>', ' <h3>');
    reflowed = replaceOnce(reflowed, '石破茂舉行', '石破茂\n              舉行');
    reflowed = replaceOnce(reflowed, '中國是訪問', '中國是\n  訪問');
    reflowed = reflowed.replaceAll('</p>', '\n        </p>');
    const after = anchorOn(reflowed, seed.stored);
    const bare = (s: string | null) => (s === null ? null : stripWhitespace(s).text);
    for (const name of NAMES) {
      expect(bare(after.result[name].text), name).toBe(bare(seed.stored[name].quote.exact));
    }
    // Untouched quotes are found character for character; the touched ones keep the new layout.
    expectSurvivors(after, ['pragmatic', 'thaad', 'firstYear', 'china', 'lead']);
    expect(after.result.meeting.text).toBe('與時任日本首相的石破茂\n              舉行會談');
    expect(after.result.typo.text).toBe('這是韓國總統時隔九年的對中國是\n  訪問');
    expect(after.result.crossing.text).toBe('並建立雙方定期對話與協商機制。\n         在中美博弈間尋求迴旋');
    expect(after.result.closing.text).toBe(seed.stored.closing.quote.exact);
  });

  it('anchors highlights made on the Traditional page on the Simplified one, and back', () => {
    const simplifiedHtml = toSimplified(SEED_HTML);
    expect(simplifiedHtml.length).toBe(SEED_HTML.length);
    const after = anchorOn(simplifiedHtml, seed.stored, toSimplified);
    for (const name of NAMES) {
      expect(after.result[name].text, name).toBe(toSimplified(seed.stored[name].quote.exact));
      expect(after.result[name].anchor!.start, name).toBe(seed.stored[name].position.start);
      expect(after.result[name].anchor!.score, name).toBe(1);
    }
    // Without the fold, a quote with many Traditional-only characters is at best a weak match.
    const unfolded = anchorOn(simplifiedHtml, seed.stored);
    expect(unfolded.result.thaad.anchor?.score ?? 0).toBeLessThan(0.8);

    // Highlights made on the Simplified rendering, anchored on the Traditional page.
    const simplified = highlight(simplifiedHtml, toSimplified);
    expect(simplified.stored.thaad.quote.exact).toBe('缓解双方因部署萨德反导系统而恶化的关系');
    const back = anchorOn(SEED_HTML, simplified.stored, toSimplified);
    for (const name of NAMES) {
      expect(back.result[name].text, name).toBe(seed.stored[name].quote.exact);
      expect(back.result[name].anchor!.start, name).toBe(seed.stored[name].position.start);
    }
  });
});

/** A small deterministic generator, so the many-highlights test is the same on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('anchorAll with many highlights', () => {
  const root = articleRoot(SEED_HTML);
  const index = buildTextIndex(root);
  const random = prng(34_12001);
  const stored: RangeSelectors[] = [];
  while (stored.length < 1000) {
    const start = Math.floor(random() * (index.text.length - 2));
    const end = Math.min(index.text.length, start + 1 + Math.floor(random() * 60));
    const selectors = describeRange(root, offsetsToRange(index, start, end)!);
    if (selectors) stored.push(selectors);
  }

  it('anchors a thousand highlights on the unchanged article, each at its own place', () => {
    const anchors = anchorAll(root, stored, { index });
    expect(anchors).toHaveLength(1000);
    anchors.forEach((anchor, i) => {
      expect(anchor).toEqual({ start: stored[i]!.position.start, end: stored[i]!.position.end, score: 1 });
    });
  });

  it('anchors them all again after a paragraph was inserted at the top', () => {
    const inserted = replaceOnce(SEED_HTML, '<p class="lead">', '<p>一段新的開頭。</p><p class="lead">');
    const newRoot = articleRoot(inserted);
    const anchors = anchorAll(newRoot, stored);
    const text = buildTextIndex(newRoot).text;
    const shift = '一段新的開頭。'.length;
    const insertedAt = index.text.indexOf('李在明定調');
    let checked = 0;
    anchors.forEach((anchor, i) => {
      const { quote, position } = stored[i]!;
      expect(anchor, quote.exact).not.toBeNull();
      // A highlight that the new paragraph landed inside now covers it too; the rest are intact.
      if (position.start < insertedAt && position.end > insertedAt) return;
      checked++;
      expect(text.slice(anchor!.start, anchor!.end)).toBe(quote.exact);
      // Quotes of real length land on their own passage, not on an equal one elsewhere.
      if (stripWhitespace(quote.exact).text.length >= 8) {
        expect(anchor!.start).toBe(position.start + (position.start >= insertedAt ? shift : 0));
      }
    });
    expect(checked).toBeGreaterThan(950);
  });
});

describe('anchorAll with bad input', () => {
  const root = articleRoot(SEED_HTML);
  const good = seed.stored.thaad;

  it('gives null for each damaged record and still anchors the good ones', () => {
    const records: unknown[] = [
      null,
      undefined,
      42,
      'a string',
      {},
      { quote: null },
      { quote: { type: 'TextQuoteSelector' } },
      { quote: { type: 'TextQuoteSelector', exact: 7, prefix: '', suffix: '' } },
      { quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' } },
      { quote: { type: 'TextQuoteSelector', exact: ' \n  ', prefix: '', suffix: '' } },
      { quote: { ...good.quote, type: 'TextPositionSelector' } },
      { quote: { ...good.quote, exact: 'nothing like this appears in the article at all' } },
      good,
    ];
    const anchors = anchorAll(root, records as StoredSelectors[]);
    expect(anchors.slice(0, -1)).toEqual(Array(records.length - 1).fill(null));
    expect(anchors.at(-1)).toEqual({ start: good.position.start, end: good.position.end, score: 1 });
  });

  it('ignores positions and context of the wrong types, negative or huge, and uses the quote', () => {
    const positions: unknown[] = [
      { type: 'TextPositionSelector', start: -5, end: -1 },
      { type: 'TextPositionSelector', start: 1e12, end: 1e12 + 19 },
      { type: 'TextPositionSelector', start: Number.NaN, end: 3 },
      { type: 'TextPositionSelector', start: '12', end: '30' },
      { type: 'TextPositionSelector', start: 2.5, end: 8 },
      { type: 'Wrong', start: 0, end: 19 },
      null,
      'nowhere',
    ];
    const records = positions.map((position) => ({
      quote: { ...good.quote, prefix: 12, suffix: ['x'] },
      position,
    }));
    const anchors = anchorAll(root, records as unknown as StoredSelectors[]);
    for (const anchor of anchors) expect(anchor).toMatchObject({ start: good.position.start, end: good.position.end });
  });

  it('returns an empty list for a list that is not an array', () => {
    expect(anchorAll(root, null as unknown as StoredSelectors[])).toEqual([]);
    expect(anchorAll(root, {} as unknown as StoredSelectors[])).toEqual([]);
  });

  it('anchors on a root with a million characters of text, or returns null', () => {
    const doc = root.ownerDocument;
    const big = doc.createElement('div');
    const chunk = '長篇文字測試，'.repeat(100);
    for (let i = 0; i < 1430; i++) {
      const p = doc.createElement('p');
      p.textContent = i === 1000 ? `${chunk}獨一無二的句子在這裡` : chunk;
      big.appendChild(p);
    }
    const index = buildTextIndex(big);
    expect(index.text.length).toBeGreaterThan(1_000_000);
    const at = index.text.indexOf('獨一無二的句子在這裡');
    const stored = describeRange(big, offsetsToRange(index, at, at + 10)!)!;
    const anchors = anchorAll(big, [stored, { quote: { ...stored.quote, exact: 'not in this text at all, really' } }], { index });
    expect(anchors[0]).toEqual({ start: at, end: at + 10, score: 1 });
    expect(anchors[1]).toBeNull();
  });

  it('returns null for every highlight on an empty root', () => {
    const empty = root.ownerDocument.createElement('div');
    expect(anchorAll(empty, [good, seed.stored.china])).toEqual([null, null]);
  });
});
