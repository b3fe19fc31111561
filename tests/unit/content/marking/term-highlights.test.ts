import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { compileGlossary } from '../../../../utils/glossary/compile';
import { makePersonalEntry } from '../../../../utils/glossary/personal-entry';
import { mergePersonalGlossary } from '../../../../utils/glossary/personal-merge';
import { createMatcher } from '../../../../utils/glossary/matcher';
import { createTermMarker } from '../../../../content/marking/term-marker';
import { combineLayers, createTermHighlights } from '../../../../content/marking/term-highlights';
import type { RangePainter } from '../../../../content/marking/highlight-painters';
import { drawHighlights } from '../../../../content/highlights/draw';
import { buildTextIndex } from '../../../../utils/anchoring/text-offsets';
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
function recorder(): RangePainter & { ranges: Set<AbstractRange> } {
  const ranges = new Set<AbstractRange>();
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
    const { root, layer, marker } = setUp('<p id="a">他說韓中關係很好</p>');
    marker.markNow(root);
    drawHighlights(buildTextIndex(root), [{ id: 'h', color: 'yellow', start: 0, end: 2 }]);
    await settle();
    expect(root.querySelector('pr-highlight')!.textContent).toBe('他說');
    expect(layer.terms().map((t) => t.range.toString())).toEqual(['韓中關係']);
    expect(layer.countOf(mine.id)).toBe(1);
    const after = [...root.childNodes].find((n) => n.nodeType === 3 && n.textContent!.includes('關係')) as Text;
    expect(layer.termAt(after, after.data.indexOf('中'))?.id).toBe(mine.id);
  });

  it('takes every range away when cleared', () => {
    const { root, layer, marker, painter } = setUp('<p id="a">韓中關係</p>');
    marker.markNow(root);
    layer.clear();
    expect(layer.size()).toBe(0);
    expect(painter.ranges.size).toBe(0);
  });
});

/** A very long article's design: every term drawn as a range, the reader's own in a layer of their own. */
function setUpRanges(html: string) {
  const doc = htmlDocument(html);
  const matcher = createMatcher(index);
  const painter = recorder();
  const own = recorder();
  const pageTerms = createTermHighlights({ doc, painter, entryIds, rematch: (text) => matcher.match(text).filter((m) => !personal[m.entry]) });
  const personalTerms = createTermHighlights({ doc, painter: own, entryIds, rematch: (text) => matcher.match(text).filter((m) => personal[m.entry]) });
  const marker = createTermMarker({ matcher, entryIds, ranges: pageTerms, highlights: { layer: personalTerms, draws: (e) => personal[e]! } });
  const both = combineLayers(() => [personalTerms, pageTerms]);
  return { doc, root: doc.getElementById('a')!, pageTerms, personalTerms, both, marker, painter, own };
}
const drawnText = (layer: { terms(): { range: Range; id: string }[] }) => layer.terms().map((t) => [t.range.toString(), t.id]);

describe('every term drawn as a range (a very long article)', () => {
  it('makes no element, counts each term and finds it under a position, in document order across nodes', () => {
    const { root, pageTerms, both, marker, painter, own } = setUpRanges('<div id="a"><p>北韓試射飛彈。</p><p>北約談<b>北韓</b>與韓中關係</p></div>');
    const before = root.innerHTML;
    expect(marker.markNow(root)).toBe(5);
    expect(root.innerHTML).toBe(before);
    expect(painter.ranges.size).toBe(4);
    expect(own.ranges.size).toBe(1);
    expect(pageTerms.countOf('korea-north')).toBe(2);
    expect(pageTerms.countOf('nato')).toBe(1);
    expect(pageTerms.countOf('unknown-id')).toBe(0);
    expect(drawnText(both)).toEqual([
      ['北韓', 'korea-north'],
      ['飛彈', 'missile'],
      ['北約', 'nato'],
      ['北韓', 'korea-north'],
      ['韓中關係', mine.id],
    ]);
    const first = root.querySelector('p')!.firstChild as Text;
    expect(both.termAt(first, 1)?.id).toBe('korea-north');
    expect(both.termAt(first, 2)).toBeNull();
    expect(both.termAt(first, 4)?.id).toBe('missile');
  });

  it('takes the terms of removed text away, and keeps those of text the page only moved', async () => {
    const { root, pageTerms, marker, painter } = setUpRanges('<div id="a"><p>北韓試射飛彈。</p><p id="b">北約與北韓</p></div>');
    marker.markNow(root);
    const moved = root.querySelector('p')!;
    root.append(moved);
    root.querySelector('#b')!.remove();
    await settle();
    expect(drawnText(pageTerms)).toEqual([
      ['北韓', 'korea-north'],
      ['飛彈', 'missile'],
    ]);
    expect(pageTerms.countOf('korea-north')).toBe(1);
    expect(pageTerms.countOf('nato')).toBe(0);
    expect(painter.ranges.size).toBe(2);
    expect(pageTerms.size()).toBe(2);
  });

  it('finds the terms again on both sides of a reader\'s highlight that cuts their text node', async () => {
    const { root, pageTerms, marker, painter } = setUpRanges('<p id="a">北韓試射飛彈後北約開會</p>');
    marker.markNow(root);
    drawHighlights(buildTextIndex(root), [{ id: 'h', color: 'yellow', start: 2, end: 6 }]);
    await settle();
    expect(root.querySelector('pr-highlight')!.textContent).toBe('試射飛彈');
    expect(drawnText(pageTerms)).toEqual([
      ['北韓', 'korea-north'],
      ['飛彈', 'missile'],
      ['北約', 'nato'],
    ]);
    expect(painter.ranges.size).toBe(3);
    expect(pageTerms.countOf('korea-north')).toBe(1);
    const inside = root.querySelector('pr-highlight')!.firstChild as Text;
    expect(pageTerms.termAt(inside, 2)?.id).toBe('missile');
  });

  it('does not match text the page only adds: the marker does, in slices', async () => {
    const { doc, root, pageTerms, marker } = setUpRanges('<div id="a"><p>北韓</p></div>');
    marker.markNow(root);
    root.append(doc.createElement('p'));
    root.lastElementChild!.textContent = '北約';
    await settle();
    expect(drawnText(pageTerms)).toEqual([['北韓', 'korea-north']]);
  });

  it('matches text the 繁/简 switch rewrote, its count unchanged', async () => {
    const { root, pageTerms, marker } = setUpRanges('<p id="a">北韓試射飛彈</p>');
    marker.markNow(root);
    (root.firstChild as Text).data = '北韩试射飞弹';
    await settle();
    expect(drawnText(pageTerms)).toEqual([
      ['北韩', 'korea-north'],
      ['飞弹', 'missile'],
    ]);
    expect(pageTerms.countOf('missile')).toBe(1);
  });

  it('answers with the reader\'s own layer first where both hold a term', () => {
    const { doc, both, pageTerms, personalTerms } = setUpRanges('<p id="a">韓中關係</p>');
    const text = doc.getElementById('a')!.firstChild as Text;
    const nato = entryIds.indexOf('nato');
    const own = entryIds.indexOf(mine.id);
    pageTerms.add(text, [{ start: 0, end: 4, entry: nato }]);
    personalTerms.add(text, [{ start: 0, end: 4, entry: own }]);
    expect(both.termAt(text, 1)?.id).toBe(mine.id);
    expect(both.countOf('nato')).toBe(1);
    expect(both.size()).toBe(2);
  });
});
