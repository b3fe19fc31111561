import { describe, expect, it } from 'vitest';
import { createQuoteMatcher, matchQuote } from '@/utils/anchoring/match-quote';

// Our own passages: one with a phrase that repeats in different surroundings, one unrelated.
const harbour =
  'The council met on Tuesday to discuss the harbour plan. After a long debate the council voted ' +
  'to delay the harbour plan until spring, when the budget would be clearer. Nobody on the council ' +
  'wanted to delay the harbour plan again, yet nobody wanted to pay for the harbour plan either.';
const orchard =
  'In the old orchard behind the mill, the apples ripened late every year, and the children ' +
  'waited under the branches with baskets that were always too small for the harvest.';

const found = (text: string, m: { start: number; end: number } | null) => (m ? text.slice(m.start, m.end) : null);
const nth = (text: string, needle: string, n: number) => {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(needle, at + 1);
  return at;
};

describe('matchQuote: exact matches', () => {
  it('finds an exact quote with a perfect score', () => {
    const m = matchQuote(orchard, 'ripened late');
    expect(found(orchard, m)).toBe('ripened late');
    expect(m!.start).toBe(orchard.indexOf('ripened late'));
    expect(m!.score).toBe(1);
  });

  it('finds quotes at the very start and the very end of the text', () => {
    expect(matchQuote(orchard, 'In the old')).toMatchObject({ start: 0, end: 10 });
    const end = matchQuote(orchard, 'the harvest.');
    expect(end).toMatchObject({ start: orchard.length - 12, end: orchard.length });
  });

  it('takes the stored position when the quote and its surroundings are still there', () => {
    const at = nth(harbour, 'the harbour plan', 2);
    const m = matchQuote(harbour, 'the harbour plan', {
      prefix: harbour.slice(at - 32, at),
      suffix: harbour.slice(at + 16, at + 48),
      hint: at,
    });
    expect(m).toEqual({ start: at, end: at + 16, score: 1 });
  });

  it('without context or position, takes the first of several equal occurrences', () => {
    expect(matchQuote(harbour, 'the harbour plan')!.start).toBe(harbour.indexOf('the harbour plan'));
  });

  it.each([
    // [prefix, suffix, which occurrence of "the harbour plan"]
    ['to discuss ', '', 0],
    ['voted to delay ', '', 1],
    ['', ' again, yet', 2],
    ['', ' either.', 3],
    ['wanted to delay ', ' again', 2],
  ] as const)('tells repeated quotes apart by exact context (prefix %j, suffix %j)', (prefix, suffix, n) => {
    const m = matchQuote(harbour, 'the harbour plan', { prefix, suffix });
    expect(m!.start).toBe(nth(harbour, 'the harbour plan', n));
  });

  it.each([
    ['to discus ', '', 0],
    ['voted to dealy ', '', 1],
    ['', ' agian, yet', 2],
    ['', ' ether.', 3],
  ] as const)('tells repeated quotes apart by approximate context (prefix %j, suffix %j)', (prefix, suffix, n) => {
    const m = matchQuote(harbour, 'the harbour plan', { prefix, suffix });
    expect(found(harbour, m)).toBe('the harbour plan');
    expect(m!.start).toBe(nth(harbour, 'the harbour plan', n));
  });

  it('uses the stored position to choose between occurrences with equal context', () => {
    for (let n = 0; n < 4; n++) {
      const at = nth(harbour, 'the harbour plan', n);
      // A position a little off, as after a small edit earlier in the page.
      expect(matchQuote(harbour, 'the harbour plan', { hint: at + 5 })!.start).toBe(at);
      expect(matchQuote(harbour, 'the harbr plan', { hint: at - 3 })!.start).toBe(at);
    }
  });

  it('matches when the stored prefix is longer than the text before the quote', () => {
    const m = matchQuote(orchard, 'the old orchard', { prefix: 'Once upon a time, In ' });
    expect(found(orchard, m)).toBe('the old orchard');
  });

  it('matches at the end of the text although a suffix was stored', () => {
    const text = 'a short closing line';
    const m = matchQuote(text, 'line', { suffix: ' that went on' });
    expect(found(text, m)).toBe('line');
  });
});

describe('matchQuote: approximate matches', () => {
  it('finds the closest passage when the exact quote is gone', () => {
    const m = matchQuote(harbour, 'met on Tusday to discuss');
    expect(found(harbour, m)).toBe('met on Tuesday to discuss');
    expect(m!.score).toBeGreaterThan(0.5);
    expect(m!.score).toBeLessThan(1);
  });

  it('scores quotes lower the more they differ from the text', () => {
    const quotes = ['apples ripened late', 'apples ripend late', 'apple ripend lat', 'aples ripnd lte'];
    const scores = quotes.map((q) => matchQuote(orchard, q)!.score);
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThan(scores[i - 1]!);
  });

  it('scores prefixes lower the more they differ from the text before the match', () => {
    const prefixes = ['In the old orchard behind the ', 'In the old orchard behnd the ', 'In an old orchid behind a ', 'At some farm near a '];
    const scores = prefixes.map((prefix) => matchQuote(orchard, 'mill, the apples', { prefix })!.score);
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThan(scores[i - 1]!);
  });

  it('scores suffixes lower the more they differ from the text after the match', () => {
    const suffixes = [' ripened late every year', ' ripened lat every year', ' ripen late each year', ' fell in the autumn'];
    const scores = suffixes.map((suffix) => matchQuote(orchard, 'the apples', { suffix })!.score);
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThan(scores[i - 1]!);
  });

  it('prefers the edited passage at its old place over an exact copy in other surroundings', () => {
    const before = 'Intro text here. The minister visited Seoul in May to sign the accord. Later notes follow.';
    const at = before.indexOf('visited Seoul in May');
    const prefix = before.slice(at - 32, at);
    const suffix = before.slice(at + 20, at + 52);
    // The passage itself gained a comma; the same words appear in an unrelated list further on.
    const after =
      'Intro text here. The minister visited Seoul, in May to sign the accord. Later notes follow. ' +
      'Index of trips: visited Seoul in May (archive).';
    const m = matchQuote(after, 'visited Seoul in May', { prefix, suffix, hint: at });
    expect(found(after, m)).toBe('visited Seoul, in May');
    // With no position to go by, the exact copy is all there is to find.
    expect(found(after, matchQuote(after, 'visited Seoul in May', { prefix, suffix }))).toBe('visited Seoul in May');
  });

  it('returns null when nothing is close enough', () => {
    expect(matchQuote(harbour, orchard)).toBeNull();
    expect(matchQuote(harbour, 'quantum chromodynamics')).toBeNull();
  });

  it('rejects weak matches under minScore and accepts them over it', () => {
    const quote = 'the harbour plans';
    const m = matchQuote(harbour, quote, { prefix: 'zzzzzzzz', suffix: 'qqqqqqqq' });
    expect(m).not.toBeNull();
    expect(matchQuote(harbour, quote, { prefix: 'zzzzzzzz', suffix: 'qqqqqqqq' }, { minScore: m!.score + 0.01 })).toBeNull();
  });
});

describe('matchQuote: reformatted and refolded text', () => {
  it('ignores changes of whitespace inside and around the quote', () => {
    const text = 'first paragraph.\n\n      <p> the   harbour\n   plan was\tdelayed';
    const m = matchQuote(text, 'the harbour plan was delayed', { prefix: 'first paragraph. ', hint: 18 });
    expect(found(text, m)).toBe('the   harbour\n   plan was\tdelayed');
    expect(m!.score).toBeGreaterThan(0.95);
  });

  it('finds a Han quote after a line break was added inside it', () => {
    const text = '這是韓國總統時隔九年的對中國\n        國是訪問，並建立';
    const m = matchQuote(text, '時隔九年的對中國國是訪問');
    expect(found(text, m)).toBe('時隔九年的對中國\n        國是訪問');
  });

  it('matches across scripts with a length-preserving fold', () => {
    const toSimplified: Record<string, string> = { 國: '国', 關: '关', 係: '系', 韓: '韩', 對: '对', 訪: '访', 問: '问', 總: '总', 統: '统' };
    const fold = (s: string) => s.replace(/[國關係韓對訪問總統]/g, (c) => toSimplified[c]!);
    const traditional = '韓中關係全面恢復元年，這是韓國總統的對中國是訪問。';
    const simplified = fold(traditional);
    const quote = '韓國總統的對中國是訪問';
    const m = matchQuote(simplified, quote, { prefix: '韓中關係全面恢復元年，這是', hint: 13 }, { normalize: fold });
    expect(found(simplified, m)).toBe('韩国总统的对中国是访问');
    expect(m!.score).toBe(1);
    // And the other way: a quote taken from the Simplified page, on the Traditional one.
    expect(found(traditional, matchQuote(traditional, fold(quote), {}, { normalize: fold }))).toBe(quote);
    // Without the fold, the two scripts differ in too many characters.
    expect(matchQuote(simplified, quote)).toBeNull();
  });

  it('ignores a fold that changes the length instead of misplacing offsets', () => {
    const m = matchQuote(orchard, 'the mill', {}, { normalize: (s) => s.replace(/l/g, 'LL') });
    expect(found(orchard, m)).toBe('the mill');
  });
});

describe('matchQuote: bad input', () => {
  it('returns null for an empty quote, an empty text or a quote of only whitespace', () => {
    expect(matchQuote('something', '')).toBeNull();
    expect(matchQuote('', 'something')).toBeNull();
    expect(matchQuote('some thing', ' \n\t')).toBeNull();
    expect(matchQuote('', '')).toBeNull();
  });

  it('treats context of the wrong types and impossible positions as absent', () => {
    const bad = { prefix: 42, suffix: null, hint: -7 } as unknown as Parameters<typeof matchQuote>[2];
    expect(found(orchard, matchQuote(orchard, 'the mill', bad))).toBe('the mill');
    for (const hint of [Number.NaN, 1e15, 2.5, Number.POSITIVE_INFINITY]) {
      expect(found(orchard, matchQuote(orchard, 'the mill', { hint }))).toBe('the mill');
    }
    expect(matchQuote(orchard, 7 as unknown as string)).toBeNull();
  });

  it('handles a quote longer than the text', () => {
    expect(matchQuote('short', orchard)).toBeNull();
  });

  it('searches a text of a million characters without failing', () => {
    let text = '';
    const words = ['alpha ', 'beta ', 'gamma ', 'delta ', 'epsilon '];
    for (let i = 0; text.length < 1_000_000; i++) text += words[(i * 7) % 5]! + words[(i * 3) % 5]!;
    expect(text.length).toBeGreaterThanOrEqual(1_000_000);
    expect(matchQuote(text, 'the harbour plan was delayed again')).toBeNull();
    const planted = text.slice(0, 600_000) + 'a unique needle sentence' + text.slice(600_000);
    const m = matchQuote(planted, 'a unique needl sentence', { hint: 600_010 });
    expect(found(planted, m)).toBe('a unique needle sentence');
    // A one-letter quote found everywhere: bounded work, still the occurrence at the position.
    const a = 'a'.repeat(1_000_000);
    expect(matchQuote(a, 'a', { hint: 777_777 })!.start).toBe(777_777);
    // Fuzzy matches of a tiny quote are looked for only near its position, which keeps this quick.
    expect(matchQuote(a, 'ab', { hint: 123 })).toMatchObject({ start: 123 });
    expect(matchQuote(a, 'ab')).toBeNull();
  });
});

describe('createQuoteMatcher', () => {
  it('answers many quotes against one text, each like matchQuote', () => {
    const match = createQuoteMatcher(harbour);
    for (const quote of ['council voted', 'the budget', 'nobody wanted', 'pay for']) {
      expect(match(quote)).toEqual(matchQuote(harbour, quote));
      expect(found(harbour, match(quote))).toBe(quote);
    }
  });
});
