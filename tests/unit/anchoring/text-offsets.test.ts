import { describe, expect, it } from 'vitest';
import { buildTextIndex, offsetOfPoint, offsetsToRange, rangeToOffsets } from '@/utils/anchoring/text-offsets';

function rootOf(html: string): HTMLElement {
  const doc = new DOMParser().parseFromString(`<div id="root">${html}</div>`, 'text/html');
  return doc.getElementById('root')!;
}

describe('buildTextIndex', () => {
  it("concatenates the root's text exactly as textContent does", () => {
    const root = rootOf('<p>Hello <b>bold <i>deep</i></b><!-- not text --> end</p>\n<p>二 段</p>');
    const index = buildTextIndex(root);
    expect(index.text).toBe(root.textContent);
    expect(index.text).toBe('Hello bold deep end\n二 段');
    expect(index.starts).toEqual([0, 6, 11, 15, 19, 20]);
  });

  it('leaves empty text nodes out', () => {
    const root = rootOf('<b>ab</b>');
    root.insertBefore(root.ownerDocument.createTextNode(''), root.firstChild);
    root.appendChild(root.ownerDocument.createTextNode(''));
    const index = buildTextIndex(root);
    expect(index.nodes).toHaveLength(1);
    expect(index.text).toBe('ab');
  });

  it('gives an empty text for a root without text', () => {
    const index = buildTextIndex(rootOf('<img><br>'));
    expect(index.text).toBe('');
    expect(index.nodes).toHaveLength(0);
  });
});

describe('offsetsToRange', () => {
  const root = rootOf('<b>lorem <i>ipsum</i> dolor <u>amet</u> yada</b>');
  const index = buildTextIndex(root);

  it('selects the same characters as the text slice, within one node and across elements', () => {
    const cases: [number, number][] = [
      [0, 5],
      [6, 11],
      [12, 20],
      [0, index.text.length],
      [3, 24],
    ];
    for (const [start, end] of cases) {
      const range = offsetsToRange(index, start, end)!;
      expect(range.toString()).toBe(index.text.slice(start, end));
    }
  });

  it('puts a start on a node boundary into the later node and an end into the earlier one', () => {
    // "lorem " | "ipsum" | " dolor " ...: [6, 11) is exactly the <i> element's text.
    const range = offsetsToRange(index, 6, 11)!;
    expect(range.startContainer).toBe(root.querySelector('i')!.firstChild);
    expect(range.startOffset).toBe(0);
    expect(range.endContainer).toBe(root.querySelector('i')!.firstChild);
    expect(range.endOffset).toBe(5);
  });

  it('makes collapsed ranges at the start, inside and at the end', () => {
    for (const at of [0, 8, index.text.length]) {
      const range = offsetsToRange(index, at, at)!;
      expect(range.collapsed).toBe(true);
      expect(rangeToOffsets(index, range)).toEqual({ start: at, end: at });
    }
  });

  it('rejects offsets that are negative, reversed, past the end or not integers', () => {
    expect(offsetsToRange(index, -1, 3)).toBeNull();
    expect(offsetsToRange(index, 5, 4)).toBeNull();
    expect(offsetsToRange(index, 0, index.text.length + 1)).toBeNull();
    expect(offsetsToRange(index, 1.5, 3)).toBeNull();
    expect(offsetsToRange(index, Number.NaN, 3)).toBeNull();
    expect(offsetsToRange(index, 0, Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('handles a root with no text', () => {
    const empty = buildTextIndex(rootOf(''));
    expect(offsetsToRange(empty, 0, 0)?.collapsed).toBe(true);
    expect(offsetsToRange(empty, 0, 1)).toBeNull();
  });

  it('keeps characters outside the Basic Multilingual Plane as two units', () => {
    const astral = buildTextIndex(rootOf('<p>a😀b</p><p>𠮷野家</p>'));
    expect(astral.text.length).toBe(8);
    expect(offsetsToRange(astral, 1, 3)!.toString()).toBe('😀');
    expect(offsetsToRange(astral, 4, 6)!.toString()).toBe('𠮷');
  });
});

describe('rangeToOffsets', () => {
  const root = rootOf('<p>one <em>two</em></p><!--c--><p>three</p>');
  const index = buildTextIndex(root);
  const doc = root.ownerDocument;

  it('measures ranges set in text nodes', () => {
    const range = doc.createRange();
    range.setStart(root.querySelector('em')!.firstChild!, 1);
    range.setEnd(root.lastChild!.firstChild!, 2);
    expect(rangeToOffsets(index, range)).toEqual({ start: 5, end: 9 });
    expect(index.text.slice(5, 9)).toBe('woth');
  });

  it('measures ranges set between elements, and inside a comment', () => {
    const range = doc.createRange();
    range.setStart(root, 1); // before the comment, after the first paragraph
    range.setEnd(root, 3); // after the last paragraph
    expect(rangeToOffsets(index, range)).toEqual({ start: 7, end: 12 });
    range.setStart(root.childNodes[1]!, 1); // inside the comment's data
    expect(rangeToOffsets(index, range)!.start).toBe(7);
    range.setStart(root.querySelector('p')!, 0);
    expect(rangeToOffsets(index, range)!.start).toBe(0);
  });

  it('agrees with offsetsToRange in both directions for every span', () => {
    const n = index.text.length;
    for (let start = 0; start <= n; start++) {
      for (let end = start; end <= n; end++) {
        expect(rangeToOffsets(index, offsetsToRange(index, start, end)!)).toEqual({ start, end });
      }
    }
  });

  it('returns null for ranges reaching outside the root', () => {
    const outside = doc.createElement('p');
    outside.textContent = 'elsewhere';
    doc.body.appendChild(outside);
    const range = doc.createRange();
    range.setStart(root.firstChild!.firstChild!, 0);
    range.setEnd(outside.firstChild!, 3);
    expect(rangeToOffsets(index, range)).toBeNull();
    expect(offsetOfPoint(index, outside.firstChild!, 0)).toBeNull();
  });

  it('clamps a point offset past its container instead of throwing', () => {
    expect(offsetOfPoint(index, root, 99)).toBe(index.text.length);
    expect(offsetOfPoint(index, root.querySelector('em')!.firstChild!, 99)).toBe(7);
  });
});
