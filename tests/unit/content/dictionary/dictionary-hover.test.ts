import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDictionaryHover, type DictionaryHoverOptions } from '../../../../content/dictionary/dictionary-hover';
import type { DictionaryEntry } from '../../../../utils/dictionary/types';
import { HOST, TAG } from '../../../../utils/dom-names';
import { recordShadowRoots } from '../../fixture-dom';
import { heldLookup } from '../held-lookup';
import { layOut } from '../lay-out';

// jsdom makes no trusted event; the real-browser dictionary tests use the real mouse and keyboard.
vi.mock('../../../../content/ui/trusted', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../../content/ui/trusted')>()),
  trustedOnly: <E extends Event>(listener: (event: E) => void) => listener,
  guardRoot: () => undefined,
}));

const AGREEMENT: DictionaryEntry = { trad: '協議', simp: '协议', pinyin: 'xié yì', senses: ['agreement'], classifiers: [], variantOf: [] };

// What each test set up, taken away after it (a hover listens on the document).
const cleanUp: (() => void)[] = [];

function setUp(options: Partial<DictionaryHoverOptions> = {}) {
  const roots = recordShadowRoots();
  const paragraph = document.createElement('p');
  paragraph.textContent = '雙方簽署協議。';
  document.body.append(paragraph);
  const text = paragraph.firstChild as Text;
  cleanUp.push(layOut(text).undo);
  const held = heldLookup((asked) => (asked.startsWith('協議') ? { word: '協議', length: 2, entries: [AGREEMENT] } : null));
  const hover = createDictionaryHover({
    doc: document,
    enabled: true,
    modifier: 'none',
    locale: 'en',
    hoverDelayMs: 0,
    lookup: held.lookup,
    cssText: '',
    articleRoot: () => paragraph,
    article: () => ({ url: 'https://www.pf.org.tw/a', title: 'A' }),
    ...options,
  });
  cleanUp.push(() => hover.destroy());
  const card = () => {
    const host = document.querySelector(HOST.dictionary);
    return host ? (roots.get(host)!.querySelector('[role="tooltip"]') ?? null) : null;
  };
  const AT = text.data.indexOf('協');
  return { hover, held, card, paragraph, text, point: { node: text, offset: AT }, AT };
}

afterEach(() => {
  for (const undo of cleanUp.splice(0).reverse()) undo();
  document.getSelection()?.removeAllRanges();
  document.body.replaceChildren();
});

describe('the modifier key pressed over a word', () => {
  const shift = (target: EventTarget) => target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Shift', shiftKey: true, bubbles: true }));
  const move = (x: number, buttons = 0) => document.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: 20, buttons, bubbles: true }));

  it('looks the word up, as the pointer resting there with the key held does', () => {
    const { held, AT } = setUp({ modifier: 'Shift' });
    move(AT);
    expect(held.asked).toEqual([]);
    shift(document.body);
    expect(held.asked).toEqual(['協議。']);
  });

  it.each([
    [
      'the reader is writing in a field of the page',
      () => {
        const field = document.createElement('textarea');
        document.body.append(field);
        field.focus();
        return field;
      },
    ],
    [
      "a highlight's card has the keyboard (its note is being written)",
      () => {
        const host = document.createElement(HOST.highlights);
        host.tabIndex = 0;
        document.body.append(host);
        host.focus();
        return host;
      },
    ],
    [
      'the reader has a selection',
      () => {
        document.getSelection()!.selectAllChildren(document.querySelector('p')!);
        return document.body;
      },
    ],
    [
      'a button is held down',
      () => {
        move(document.querySelector('p')!.textContent!.indexOf('協'), 1);
        return document.body;
      },
    ],
  ])('looks nothing up while %s', (_, prepare) => {
    const { held, AT } = setUp({ modifier: 'Shift' });
    move(AT);
    shift(prepare());
    expect(held.asked).toEqual([]);
  });
});

describe('a lookup whose text changed before the answer came', () => {
  it.each([
    [
      'rewritten in place (the 繁/简 switch)',
      (text: Text) => {
        text.data = '双方签署协议。';
      },
    ],
    [
      'split by marking (a term wrapped in a mark)',
      (text: Text) => {
        const term = text.splitText(text.data.indexOf('協'));
        term.splitText(2);
        const mark = document.createElement(TAG.term);
        term.replaceWith(mark);
        mark.append(term);
      },
    ],
    ['taken out of the page', (text: Text) => text.remove()],
  ])('shows no card when the text was %s', async (_, change) => {
    const { hover, held, card, text, point } = setUp();
    const opened = hover.openAt(point);
    change(text);
    await held.answerAll();
    await expect(opened).resolves.toBeNull();
    expect(card()).toBeNull();
  });

  it('still shows the card when the text is as it was', async () => {
    const { hover, held, card, point } = setUp();
    const opened = hover.openAt(point);
    await held.answerAll();
    expect((await opened)?.toString()).toBe('協議');
    expect(card()!.textContent).toContain('agreement');
  });
});

describe("the dictionary card's Save term", () => {
  it('says how the save went when the same word was shown again while it was saving', async () => {
    let finish = () => {};
    const saveTerm = () => new Promise<{ added: boolean }>((resolve) => (finish = () => resolve({ added: true })));
    const { hover, held, card, point } = setUp({ saveTerm });
    const open = async () => {
      const opened = hover.openAt(point);
      await held.answerAll();
      await opened;
    };
    const button = () => card()!.querySelector<HTMLButtonElement>('.save button')!;
    await open();
    button().click();
    expect(button().disabled).toBe(true);
    await open();
    finish();
    await new Promise((r) => setTimeout(r, 0));
    expect(button().disabled).toBe(false);
    expect(card()!.querySelector('.save [role="status"]')!.textContent).toBe('Saved');
  });
});

describe('the dictionary card\'s "Followed by" line', () => {
  const SIGN: DictionaryEntry = { trad: '簽署', simp: '签署', pinyin: 'qiān shǔ', senses: ['to sign (an agreement)'], classifiers: [], variantOf: [] };
  const answer = (asked: string) =>
    asked.startsWith('簽署') ? { word: '簽署', length: 2, entries: [SIGN] } : asked.startsWith('協議') ? { word: '協議', length: 2, entries: [AGREEMENT] } : null;

  const nextTask = () => new Promise((r) => setTimeout(r, 0));

  it('asks for the words after the outlined one once its card is up, and gives them when they arrive', async () => {
    const held = heldLookup(answer);
    const { hover, card, text } = setUp({ lookup: held.lookup });
    const opened = hover.openAt({ node: text, offset: text.data.indexOf('簽') });
    await held.answerAll();
    expect(await opened).not.toBeNull();
    expect(card()!.textContent).toContain('to sign (an agreement)');
    expect(held.asked).toEqual(['簽署協議。']);
    await nextTask();
    expect(card()!.querySelector('[aria-label="Followed by"]')).toBeNull();
    await held.answerAll();
    const line = card()!.querySelector('[aria-label="Followed by"]')!;
    expect(line.querySelector('li')!.textContent).toBe('協議 xié yì agreement');
    // The text ends at the full stop: nothing is asked past it.
    expect(held.asked).toEqual(['簽署協議。', '協議。']);
  });

  it('is not shown for a word the reader has moved on from', async () => {
    const held = heldLookup(answer);
    const { hover, card, text } = setUp({ lookup: held.lookup });
    const first = hover.openAt({ node: text, offset: text.data.indexOf('簽') });
    await held.answerAll();
    await first;
    await nextTask();
    expect(held.asked).toEqual(['簽署協議。', '協議。']);
    const second = hover.openAt({ node: text, offset: text.data.indexOf('協') });
    await held.answerAll();
    await second;
    await held.answerAll();
    expect(card()!.textContent).toContain('agreement');
    expect(card()!.querySelector('[aria-label="Followed by"]')).toBeNull();
  });
});
