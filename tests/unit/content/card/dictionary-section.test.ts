import { afterEach, describe, expect, it, vi } from 'vitest';
import { createReadingCards, type ReadingDictionary } from '../../../../content/card/reading-cards';
import { createChineseTools } from '../../../../scripts/glossary-sources';
import type { DictionaryEntry } from '../../../../utils/dictionary/types';
import { ATTR, HOST, TAG } from '../../../../utils/dom-names';
import { compileGlossary } from '../../../../utils/glossary/compile';
import { recordShadowRoots } from '../../fixture-dom';
import { heldLookup } from '../held-lookup';

const explain = { zh: '說明文字。', en: 'The curated explanation.' };
const { index } = compileGlossary(
  [
    { id: 'sanctions', zh: '制裁', pinyin: 'zhì cái', en: 'sanctions', enAliases: ['sanctions'], category: 'economy', region: 'global', explain },
    { id: 'summit', zh: '峰會', pinyin: 'fēng huì', en: 'summit', category: 'diplomacy', region: 'global', explain },
  ].map((value, i) => ({ origin: `t.yaml:${i}`, value })),
  createChineseTools(),
);
const entries = new Map(index.entries.map((e) => [e.id, e]));

const word = (trad: string, senses: string[]): DictionaryEntry => ({ trad, simp: trad, pinyin: 'zhì cái', senses, classifiers: [], variantOf: [] });
const SANCTIONS = word('制裁', ['to punish', 'to sanction (an offender)', 'sanctions', 'punishment']);

function page(after: string, ...terms: [id: string, text: string][]) {
  const article = document.createElement('article');
  for (const [id, text] of terms) {
    const mark = document.createElement(TAG.term);
    mark.setAttribute(ATTR.termId, id);
    mark.textContent = text;
    article.append(mark, after);
  }
  document.body.append(article);
  return { article, marks: [...article.querySelectorAll(TAG.term)] };
}

function open(lookup: ReadingDictionary['lookup'], enabled = true, pageLang: 'zh' | 'en' = 'zh', written = ['制裁', '峰會'], after = '，') {
  // jsdom has no CSS.escape; the ids here need no escaping.
  vi.stubGlobal('CSS', { escape: (id: string) => id });
  const roots = recordShadowRoots();
  const { article, marks } = page(after, ['sanctions', written[0]!], ['summit', written[1]!]);
  const cards = createReadingCards({
    doc: document,
    entries,
    articleRoot: () => article,
    locale: 'en',
    pageLang,
    cssText: '',
    article: () => ({ url: 'https://www.pf.org.tw/a', title: 'A' }),
    dictionary: { lookup, cssText: '', settings: { enabled, modifier: 'none', locale: 'en', hoverDelayMs: 0 } },
  });
  const card = () => {
    const host = document.querySelector(HOST.termCard);
    return host ? roots.get(host)!.querySelector('[role="tooltip"]') : null;
  };
  return { cards, marks, card };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe("a curated term's dictionary section", () => {
  it('follows the curated card, last, with the first senses and the attribution', async () => {
    const held = heldLookup((text) => ({ word: text, length: text.length, entries: [SANCTIONS] }));
    const { cards, marks, card } = open(held.lookup);
    cards.card.show(marks[0]!);
    // The curated card is drawn at once, before the dictionary answers.
    expect(card()!.textContent).toContain('The curated explanation.');
    expect(card()!.querySelector('[role="group"]')).toBeNull();
    await held.answerAll();
    const section = card()!.querySelector('[role="group"]')!;
    expect(section.getAttribute('aria-label')).toBe('In the dictionary');
    expect(card()!.lastElementChild).toBe(section);
    expect([...section.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['to punish', 'to sanction (an offender)', 'sanctions']);
    expect(section.textContent).toContain('All 4 senses');
    expect(section.textContent).toContain('From CC-CEDICT (CC BY-SA 4.0)');
    // The curated card above gives the same reading already.
    expect(section.textContent).not.toContain('zhì cái');
    expect(held.asked).toEqual(['制裁']);
    cards.destroy();
  });

  it('is left out when the dictionary has only a shorter word at the start', async () => {
    const held = heldLookup((text) => ({ word: text.slice(0, 1), length: 1, entries: [word(text.slice(0, 1), ['peak'])] }));
    const { cards, marks, card } = open(held.lookup);
    cards.card.show(marks[1]!);
    await held.answerAll();
    expect(card()!.textContent).toContain('summit');
    expect(card()!.querySelector('[role="group"]')).toBeNull();
    cards.destroy();
  });

  it('asks each word once, and does not put an answer on the card of another term', async () => {
    const held = heldLookup((text) => ({ word: text, length: text.length, entries: [word(text, [`the sense of ${text}`])] }));
    const { cards, marks, card } = open(held.lookup);
    cards.card.show(marks[0]!);
    cards.card.show(marks[1]!);
    await held.answerAll();
    expect(card()!.textContent).toContain('summit');
    expect(card()!.querySelector('[role="group"]')?.textContent).toContain('the sense of 峰會');
    // A reading that differs from the curated one (fēng huì) is shown.
    expect(card()!.querySelector('[role="group"]')?.textContent).toContain('zhì cái');
    expect(card()!.textContent).not.toContain('the sense of 制裁');
    cards.card.show(marks[0]!);
    await held.answerAll();
    expect(card()!.querySelector('[role="group"]')?.textContent).toContain('the sense of 制裁');
    expect(held.asked).toEqual(['制裁', '峰會']);
    cards.destroy();
  });

  it("looks up the term's Traditional form on an English page", async () => {
    const held = heldLookup((text) => ({ word: text, length: text.length, entries: [SANCTIONS] }));
    const { cards, marks, card } = open(held.lookup, true, 'en', ['sanctions', 'summit']);
    cards.card.show(marks[0]!);
    await held.answerAll();
    expect(held.asked).toEqual(['制裁']);
    expect(card()!.querySelector('[role="group"]')).not.toBeNull();
    cards.destroy();
  });

  it.each([
    ["the form the page writes when it is one of the entry's (after the switch to Simplified)", ['制裁', '峰会'], 1, '峰会'],
    ['the whole term when a mark holds only a part of it (a PDF line break)', ['制', '峰會'], 0, '制裁'],
  ])('asks for %s', async (_, written, mark, word) => {
    const held = heldLookup((text) => ({ word: text, length: text.length, entries: [SANCTIONS] }));
    const { cards, marks } = open(held.lookup, true, 'zh', written);
    cards.card.show(marks[mark]!);
    await held.answerAll();
    expect(held.asked).toEqual([word]);
    cards.destroy();
  });

  it('goes when the reader turns dictionary cards off', async () => {
    const held = heldLookup((text) => ({ word: text, length: text.length, entries: [SANCTIONS] }));
    const { cards, marks, card } = open(held.lookup);
    cards.card.show(marks[0]!);
    await held.answerAll();
    expect(card()!.querySelector('[role="group"]')).not.toBeNull();
    cards.dictionary!.update({ enabled: false });
    expect(card()!.textContent).toContain('The curated explanation.');
    expect(card()!.querySelector('[role="group"]')).toBeNull();
    cards.destroy();
  });

  it('is not drawn when its answer comes after the reader turned dictionary cards off', async () => {
    const held = heldLookup((text) => ({ word: text, length: text.length, entries: [SANCTIONS] }));
    const { cards, marks, card } = open(held.lookup);
    cards.card.show(marks[0]!);
    cards.dictionary!.update({ enabled: false });
    await held.answerAll();
    expect(card()!.textContent).toContain('The curated explanation.');
    expect(card()!.querySelector('[role="group"]')).toBeNull();
    cards.destroy();
  });

  it('is not asked for while the reader has dictionary cards off', async () => {
    const held = heldLookup(() => null);
    const { cards, marks, card } = open(held.lookup, false);
    cards.card.show(marks[0]!);
    await held.answerAll();
    expect(held.asked).toEqual([]);
    expect(card()!.textContent).toContain('sanctions');
    cards.destroy();
  });
});

describe('a curated term\'s "Followed by" line', () => {
  const MEASURES = word('措施', ['measure', 'step']);
  const answer = (text: string) =>
    text.startsWith('制裁')
      ? { word: '制裁', length: 2, entries: [SANCTIONS] }
      : text.startsWith('措施')
        ? { word: '措施', length: 2, entries: [MEASURES] }
        : text.startsWith('的')
          ? { word: '的', length: 1, entries: [word('的', ['of'])] }
          : null;
  const line = (card: Element | null) => card?.querySelector('[aria-label="Followed by"]') ?? null;

  it('gives the dictionary words after the mark, last, once they arrive, and stops at a particle', async () => {
    const held = heldLookup(answer);
    const { cards, marks, card } = open(held.lookup, true, 'zh', ['制裁', '峰會'], '措施的');
    cards.card.show(marks[0]!);
    expect(line(card())).toBeNull();
    await held.answerAll();
    await held.answerAll();
    const following = line(card())!;
    expect(card()!.lastElementChild).toBe(following);
    expect(following.querySelector('li')!.textContent).toBe('措施 zhì cái measure; step');
    // The text after the mark ends at the next mark.
    expect(held.asked).toEqual(['制裁', '措施的', '的']);
    cards.destroy();
  });

  it('goes when the reader turns dictionary cards off, and is not asked for while they are off', async () => {
    const held = heldLookup(answer);
    const { cards, marks, card } = open(held.lookup, true, 'zh', ['制裁', '峰會'], '措施');
    cards.card.show(marks[0]!);
    await held.answerAll();
    await held.answerAll();
    expect(line(card())).not.toBeNull();
    cards.dictionary!.update({ enabled: false });
    expect(line(card())).toBeNull();
    cards.card.hide();
    held.asked.length = 0;
    cards.card.show(marks[1]!);
    await held.answerAll();
    expect(held.asked).toEqual([]);
    expect(line(card())).toBeNull();
    cards.destroy();
  });
});
