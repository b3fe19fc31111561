import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createWordCursor, wordStep } from '../../../../content/card/word-cursor';
import type { TextPoint } from '../../../../content/dictionary/text-at-point';
import { TAG } from '../../../../utils/dom-names';

/** A longest match over a few words, as the dictionary answers: the range of the word starting at the point. */
const WORDS = ['擔憂', '協議', '很多', '人', '𠀋𠀋'];
function fakeOpenAt(opened: string[]) {
  return async (point: TextPoint): Promise<Range | null> => {
    const rest = point.node.data.slice(point.offset);
    const word = WORDS.filter((w) => rest.startsWith(w)).sort((a, b) => b.length - a.length)[0];
    if (!word) return null;
    opened.push(word);
    const range = document.createRange();
    range.setStart(point.node, point.offset);
    range.setEnd(point.node, point.offset + word.length);
    return range;
  };
}

function article(html: string): HTMLElement {
  const el = document.createElement('article');
  // Test markup of our own, not page text.
  el.append(...new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body.childNodes);
  document.body.append(el);
  return el;
}

// jsdom lays nothing out and has no scrolling.
beforeAll(() => {
  Element.prototype.scrollIntoView ??= () => undefined;
});
afterEach(() => document.body.replaceChildren());

describe('the keyboard word cursor', () => {
  it('opens the words between the marks in order, skipping what no word starts at, and goes back over them', async () => {
    const root = article(`<p>擔憂x<${TAG.term}>薩德</${TAG.term}>協議</p><p>很多人</p>`);
    const opened: string[] = [];
    const cursor = createWordCursor({ doc: document, articleRoot: () => root, enabled: () => true, openAt: fakeOpenAt(opened), close: () => undefined });
    const said = async (step: 1 | -1) => (await cursor.move(step))?.toString() ?? null;
    expect(await said(1)).toBe('擔憂');
    // The mark's 薩德 is the glossary's: never offered to the dictionary.
    expect(await said(1)).toBe('協議');
    expect(await said(1)).toBe('很多');
    expect(await said(1)).toBe('人');
    expect(await said(1)).toBeNull();
    expect(await said(-1)).toBe('很多');
    expect(await said(-1)).toBe('協議');
    expect(await said(-1)).toBe('擔憂');
    expect(await said(1)).toBe('協議');
    expect(opened).not.toContain('薩德');
    cursor.destroy();
  });

  it('steps over a character outside the basic plane whole, and does nothing with dictionary cards off', async () => {
    const root = article('<p>𠀋𠀋協議</p>');
    const opened: string[] = [];
    let on = false;
    const cursor = createWordCursor({ doc: document, articleRoot: () => root, enabled: () => on, openAt: fakeOpenAt(opened), close: () => undefined });
    expect(await cursor.move(1)).toBeNull();
    expect(opened).toEqual([]);
    on = true;
    expect((await cursor.move(1))?.toString()).toBe('𠀋𠀋');
    expect((await cursor.move(1))?.toString()).toBe('協議');
    cursor.destroy();
  });

  it('steps on Alt+Shift+. and Alt+Shift+, from the reader\'s own keys only', async () => {
    const root = article('<p>擔憂</p><input>');
    const opened: string[] = [];
    const cursor = createWordCursor({ doc: document, articleRoot: () => root, enabled: () => true, openAt: fakeOpenAt(opened), close: () => undefined });
    const keys = { key: '>', code: 'Period', altKey: true, shiftKey: true, bubbles: true };
    expect(wordStep(new KeyboardEvent('keydown', keys))).toBe(1);
    expect(wordStep(new KeyboardEvent('keydown', { ...keys, code: 'Comma' }))).toBe(-1);
    expect(wordStep(new KeyboardEvent('keydown', { ...keys, ctrlKey: true }))).toBe(0);
    // A page script's synthetic key press (untrusted) moves nothing.
    document.dispatchEvent(new KeyboardEvent('keydown', keys));
    await Promise.resolve();
    expect(opened).toEqual([]);
    cursor.destroy();
  });
});
