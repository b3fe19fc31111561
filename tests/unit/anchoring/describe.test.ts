import { describe, expect, it } from 'vitest';
import { CONTEXT_LENGTH, describeRange } from '@/utils/anchoring/describe';
import { buildTextIndex, offsetsToRange } from '@/utils/anchoring/text-offsets';

function setup(html: string) {
  const doc = new DOMParser().parseFromString(`<main><div id="root">${html}</div><p id="out">outside</p></main>`, 'text/html');
  const root = doc.getElementById('root')!;
  const index = buildTextIndex(root);
  const span = (start: number, end: number) => offsetsToRange(index, start, end)!;
  return { doc, root, index, span };
}

describe('describeRange', () => {
  it('gives the quote with up to 32 characters either side and the offsets', () => {
    const text = 'The council met on Tuesday to discuss the harbour plan, and after a long debate voted to delay it.';
    const { root, span } = setup(`<p>${text}</p>`);
    const start = text.indexOf('the harbour plan');
    const selectors = describeRange(root, span(start, start + 16));
    expect(selectors).toEqual({
      quote: {
        type: 'TextQuoteSelector',
        exact: 'the harbour plan',
        prefix: text.slice(start - CONTEXT_LENGTH, start),
        suffix: text.slice(start + 16, start + 16 + CONTEXT_LENGTH),
      },
      position: { type: 'TextPositionSelector', start, end: start + 16 },
    });
    expect(selectors!.quote.prefix).toBe('uncil met on Tuesday to discuss ');
    expect(selectors!.quote.suffix).toBe(', and after a long debate voted ');
  });

  it('gives short context at the start and at the end of the text', () => {
    const { root, span, index } = setup('<b>lorem ipsum dolor amet yada yada</b>');
    expect(describeRange(root, span(0, 5))!.quote).toMatchObject({ exact: 'lorem', prefix: '', suffix: ' ipsum dolor amet yada yada' });
    const n = index.text.length;
    expect(describeRange(root, span(n - 4, n))!.quote).toMatchObject({ exact: 'yada', prefix: 'lorem ipsum dolor amet yada ', suffix: '' });
  });

  it('describes a range across elements with the text as the reader sees it', () => {
    const { root, doc } = setup('<p>To annotate or <i>not</i> to <u>anno</u>tate</p>');
    const range = doc.createRange();
    range.setStart(root.querySelector('i')!.firstChild!, 1);
    range.setEnd(root.querySelector('p')!.lastChild!, 2);
    const selectors = describeRange(root, range)!;
    expect(selectors.quote).toMatchObject({ exact: 'ot to annota', prefix: 'To annotate or n', suffix: 'te' });
    expect(selectors.position).toMatchObject({ start: 16, end: 28 });
  });

  it('measures against the root, not the whole document', () => {
    const { root, doc } = setup('<p>first</p><p>second</p>');
    const range = doc.createRange();
    range.selectNodeContents(root.lastChild!);
    expect(describeRange(root, range)!.position).toMatchObject({ start: 5, end: 11 });
  });

  it('keeps a character outside the BMP whole in the context', () => {
    // 31 ASCII letters then an astral character: cutting at 32 units would split it.
    const before = `${'x'.repeat(31)}😀`;
    const { root, span } = setup(`<p>${before}QUOTE${'😀'}${'y'.repeat(31)}</p>`);
    const quote = describeRange(root, span(before.length, before.length + 5))!.quote;
    expect(quote.exact).toBe('QUOTE');
    expect(quote.prefix).toBe(`${'x'.repeat(30)}😀`);
    expect(quote.suffix).toBe(`😀${'y'.repeat(30)}`);
  });

  it('rejects empty and whitespace-only ranges', () => {
    const { root, span } = setup('<p>one</p>\n   \u3000<p>two</p>');
    expect(describeRange(root, span(1, 1))).toBeNull();
    expect(describeRange(root, span(3, 8))).toBeNull();
    expect(describeRange(root, span(2, 9))!.quote.exact).toBe('e\n   \u3000t');
  });

  it('rejects ranges that reach outside the root', () => {
    const { root, doc } = setup('<p>inside</p>');
    const range = doc.createRange();
    range.setStart(root.querySelector('p')!.firstChild!, 2);
    range.setEnd(doc.getElementById('out')!.firstChild!, 3);
    expect(describeRange(root, range)).toBeNull();
    range.selectNodeContents(doc.getElementById('out')!);
    expect(describeRange(root, range)).toBeNull();
  });

  it('uses a given index for the same root and ignores one built for another', () => {
    const { root, span, doc } = setup('<p>alpha beta</p>');
    const other = doc.createElement('div');
    other.textContent = 'something else entirely';
    const selectors = describeRange(root, span(6, 10), buildTextIndex(other));
    expect(selectors!.quote.exact).toBe('beta');
    expect(describeRange(root, span(6, 10), buildTextIndex(root))).toEqual(selectors);
  });
});
