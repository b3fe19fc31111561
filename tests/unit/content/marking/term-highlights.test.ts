import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { compileGlossary } from '../../../../utils/glossary/compile';
import { makePersonalEntry } from '../../../../utils/glossary/personal-entry';
import { mergePersonalGlossary } from '../../../../utils/glossary/personal-merge';
import { createMatcher } from '../../../../utils/glossary/matcher';
import { createTermMarker } from '../../../../content/marking/term-marker';
import { createTermHighlights } from '../../../../content/marking/term-highlights';
import type { RangePainter } from '../../../../content/marking/highlight-painters';
import { SAMPLE } from '../../glossary/sample-records';
import { htmlDocument } from '../../fixture-dom';

const tools = {
  toSimplified: OpenCC.Converter({ from: 'tw', to: 'cn' }),
  toTraditional: OpenCC.Converter({ from: 'cn', to: 'tw' }),
};
const builtIn = compileGlossary(SAMPLE, { ...tools, readings: () => [], pinyin: () => [] }).index;
const mine = makePersonalEntry({ term: '韓中關係', english: 'Korea–China relations' }, tools, new Date('2026-02-01'), () => 'a');
const index = mergePersonalGlossary(builtIn, { entries: [mine], hidden: [] });
const entryIds = index.entries.map((e) => e.id);
const personal = index.entries.map((e) => e.personal === true);

/** What was painted, in the order painted; jsdom has no layout, so the ranges themselves are the record. */
function recorder(): RangePainter & { ranges: Set<Range> } {
  const ranges = new Set<Range>();
  return { ranges, add: (r) => void ranges.add(r), delete: (r) => void ranges.delete(r), clear: () => ranges.clear() };
}

function setUp(html: string) {
  const doc = htmlDocument(html);
  const matcher = createMatcher(index);
  const painter = recorder();
  const layer = createTermHighlights({ doc, painter, entryIds, rematch: (text) => matcher.match(text).filter((m) => personal[m.entry]) });
  const marker = createTermMarker({ matcher, entryIds, highlights: { layer, draws: (e) => personal[e]! } });
  return { doc, root: doc.getElementById('a')!, layer, marker, painter };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the reader\'s own entries, drawn as ranges', () => {
  it('puts no element or attribute of theirs in the page, beside the built-in marks', () => {
    const { root, layer, marker, painter } = setUp('<p id="a">北韓與韓中關係，北約與韓中關係。</p>');
    const before = root.textContent;
    marker.markNow(root);
    expect(root.textContent).toBe(before);
    expect([...root.querySelectorAll('pr-term')].map((m) => m.getAttribute('data-term-id'))).toEqual(['korea-north', 'nato']);
    expect(root.innerHTML).not.toContain('personal');
    expect(layer.terms().map((t) => [t.range.toString(), t.id])).toEqual([
      ['韓中關係', mine.id],
      ['韓中關係', mine.id],
    ]);
    expect(painter.ranges.size).toBe(2);
    expect(layer.countOf(mine.id)).toBe(2);
    // Marking the same text again draws nothing twice.
    marker.markNow(root);
    expect(layer.size()).toBe(2);
  });

  it('finds the term under a position of its text, and nothing beside it', () => {
    const { root, layer, marker } = setUp('<p id="a">韓中關係</p>');
    marker.markNow(root);
    const text = root.firstChild as Text;
    expect(layer.termAt(text, 0)?.id).toBe(mine.id);
    expect(layer.termAt(text, 3)?.id).toBe(mine.id);
    expect(layer.termAt(text, 4)).toBeNull();
  });

  it('draws the term again where the 繁/简 switch rewrote its text', async () => {
    const { root, layer, marker } = setUp('<p id="a">北韓與韓中關係</p>');
    marker.markNow(root);
    const text = [...root.childNodes].find((n) => n.nodeType === 3 && n.textContent!.includes('關係')) as Text;
    text.data = text.data.replace('韓中關係', '韩中关系');
    await settle();
    expect(layer.terms().map((t) => t.range.toString())).toEqual(['韩中关系']);
  });

  it('draws the term again after a reader\'s highlight wraps its text', async () => {
    const { doc, root, layer, marker } = setUp('<p id="a">他說韓中關係很好</p>');
    marker.markNow(root);
    const text = root.firstChild as Text;
    const wrap = doc.createElement('pr-highlight');
    text.replaceWith(wrap);
    wrap.append(text);
    await settle();
    expect(layer.terms().map((t) => t.range.toString())).toEqual(['韓中關係']);
    expect(layer.termAt(wrap.firstChild as Text, 2)?.id).toBe(mine.id);
  });

  it('takes every range away when cleared', () => {
    const { root, layer, marker, painter } = setUp('<p id="a">韓中關係</p>');
    marker.markNow(root);
    layer.clear();
    expect(layer.size()).toBe(0);
    expect(painter.ranges.size).toBe(0);
  });
});
