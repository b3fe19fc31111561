import { describe, expect, it } from 'vitest';
import { anchorAll } from '../../../../utils/anchoring/anchor';
import { describeRange } from '../../../../utils/anchoring/describe';
import { buildTextIndex, offsetsToRange } from '../../../../utils/anchoring/text-offsets';
import { drawHighlights, highlightAt, undrawAll, undrawHighlight } from '../../../../content/highlights/draw';
import { compileGlossary } from '../../../../utils/glossary/compile';
import { createMatcher } from '../../../../utils/glossary/matcher';
import { createTermMarker } from '../../../../content/marking/term-marker';
import { createChineseTools } from '../../../../scripts/glossary-sources';
import { SAMPLE } from '../../glossary/sample-records';
import { htmlDocument } from '../../fixture-dom';
import { articleRoot, removeParagraph, replaceOnce, SEED_HTML, toSimplified } from '../../anchoring/seed-article';

const { index: glossary } = compileGlossary(SAMPLE, createChineseTools());
const marker = () => createTermMarker({ matcher: createMatcher(glossary), entryIds: glossary.entries.map((e) => e.id) });

/** The text a highlight covers, read from its outermost elements. */
function drawnText(root: Element, id: string): string {
  return [...root.querySelectorAll(`pr-highlight[data-highlight-id="${id}"]`)]
    .filter((el) => !el.parentElement?.closest(`pr-highlight[data-highlight-id="${id}"]`))
    .map((el) => el.textContent)
    .join('');
}

function draw(root: Element, id: string, phrase: string, color: 'yellow' | 'blue' = 'yellow') {
  const index = buildTextIndex(root);
  const start = index.text.indexOf(phrase);
  if (start < 0) throw new Error(`no ${phrase}`);
  return drawHighlights(index, [{ id, color, start, end: start + phrase.length }]);
}

describe('drawHighlights', () => {
  it('wraps exactly the text, across paragraphs, links and term marks, never around an element', () => {
    const doc = htmlDocument(
      '<div id="a"><p>First <a href="/x">linked words</a> end.</p>\n<p>Second <pr-term data-term-id="t">term</pr-term> here.</p></div>',
    );
    const root = doc.getElementById('a')!;
    const before = new XMLSerializer().serializeToString(root);
    const text = root.textContent;
    const drawn = draw(root, 'h1', 'words end.\nSecond te');
    expect(drawnText(root, 'h1').replace(/\n/g, '')).toBe('words end.Second te');
    expect(root.textContent).toBe(text);
    expect(drawn.get('h1')!.every((el) => el.children.length === 0)).toBe(true);
    // The link, the paragraphs and the term mark are where they were, each still whole.
    expect(root.querySelectorAll('p').length).toBe(2);
    expect(root.querySelector('a')!.textContent).toBe('linked words');
    expect(root.querySelector('pr-term')!.textContent).toBe('term');
    expect(root.querySelector('pr-term pr-highlight')!.textContent).toBe('te');
    // The whitespace between the paragraphs is layout, not text: not wrapped.
    expect([...root.children].every((c) => c.tagName === 'P')).toBe(true);

    undrawHighlight(root, 'h1');
    expect(root.textContent).toBe(text);
    expect(root.querySelectorAll('pr-highlight').length).toBe(0);
    root.normalize();
    expect(new XMLSerializer().serializeToString(root)).toBe(before);
  });

  it('nests overlapping highlights and removes either one without disturbing the other', () => {
    const doc = htmlDocument('<div id="a"><p>one two three four five</p></div>');
    const root = doc.getElementById('a')!;
    const index = buildTextIndex(root);
    drawHighlights(index, [
      { id: 'x', color: 'yellow', start: 4, end: 13 },
      { id: 'y', color: 'blue', start: 8, end: 18 },
    ]);
    expect(drawnText(root, 'x')).toBe('two three');
    expect(drawnText(root, 'y')).toBe('three four');
    undrawHighlight(root, 'x');
    expect(drawnText(root, 'y')).toBe('three four');
    expect(root.querySelector('pr-highlight')!.getAttribute('data-color')).toBe('blue');
    undrawAll(root);
    expect(root.textContent).toBe('one two three four five');
  });

  it('skips requests outside the text and never wraps script or style text', () => {
    const doc = htmlDocument('<div id="a"><p>abc</p><style>p{}</style><p>def</p></div>');
    const root = doc.getElementById('a')!;
    const index = buildTextIndex(root);
    const drawn = drawHighlights(index, [
      { id: 'out', color: 'yellow', start: 5, end: 99 },
      { id: 'all', color: 'yellow', start: 0, end: index.text.length },
    ]);
    expect(drawn.has('out')).toBe(false);
    expect(drawnText(root, 'all')).toBe('abcdef');
    expect(root.querySelector('style')!.textContent).toBe('p{}');
  });

  it('coexists with term marks either way round, and finds the highlight under a click', () => {
    const doc = htmlDocument('<div id="a"><p>北韓試射洲際彈道飛彈，北約關切。</p></div>');
    const root = doc.getElementById('a')!;
    // Highlight first, then the terms arrive: text inside a highlight is still marked.
    draw(root, 'h', '北韓試射洲際彈道飛彈');
    marker().markNow(root);
    const terms = [...root.querySelectorAll('pr-term')].map((t) => t.textContent);
    expect(terms).toContain('北韓');
    expect(terms).toContain('北約');
    expect(root.querySelector('pr-highlight pr-term')).not.toBeNull();
    expect(highlightAt(root.querySelector('pr-highlight pr-term')!.firstChild)?.getAttribute('data-highlight-id')).toBe('h');
    const text = root.textContent;
    undrawAll(root);
    expect(root.textContent).toBe(text);
    expect([...root.querySelectorAll('pr-term')].map((t) => t.textContent)).toEqual(terms);
  });
});

describe('anchoring then drawing the seed article', () => {
  const PHRASE = '這是韓國總統時隔九年的對中國是訪問';
  const made = (() => {
    const root = articleRoot(SEED_HTML);
    const index = buildTextIndex(root);
    const start = index.text.indexOf(PHRASE);
    return describeRange(root, offsetsToRange(index, start, start + PHRASE.length)!, index)!;
  })();

  function drawOn(html: string, normalize?: (t: string) => string) {
    const root = articleRoot(html);
    marker().markNow(root);
    const text = root.textContent;
    const index = buildTextIndex(root);
    const [anchor] = anchorAll(root, [made], { index, normalize });
    if (anchor) drawHighlights(index, [{ id: 'h', color: 'yellow', start: anchor.start, end: anchor.end }]);
    expect(root.textContent).toBe(text);
    return { root, anchored: !!anchor };
  }

  it('draws on the unchanged article, a paragraph inserted, the typo fixed and whitespace reflowed', () => {
    expect(drawnText(drawOn(SEED_HTML).root, 'h')).toBe(PHRASE);
    const inserted = replaceOnce(SEED_HTML, '<p class="lead">', '<p>新增的一段編者說明文字。</p><p class="lead">');
    expect(drawnText(drawOn(inserted).root, 'h')).toBe(PHRASE);
    expect(drawnText(drawOn(replaceOnce(SEED_HTML, '對中國是訪問', '對中國訪問')).root, 'h')).toBe('這是韓國總統時隔九年的對中國訪問');
    expect(drawnText(drawOn(replaceOnce(SEED_HTML, '時隔九年的', '時隔九年的\n        ')).root, 'h').replace(/\s/g, '')).toBe(PHRASE);
  });

  it('leaves an orphan undrawn when its paragraph was removed', () => {
    const removed = drawOn(removeParagraph(SEED_HTML, '因此，早在他訪問日美的同時'));
    expect(removed.anchored).toBe(false);
    expect(removed.root.querySelectorAll('pr-highlight').length).toBe(0);
  });

  it('draws on the Simplified rendering when text is folded', () => {
    const simplified = drawOn(toSimplified(SEED_HTML), toSimplified);
    expect(drawnText(simplified.root, 'h')).toBe(toSimplified(PHRASE));
  });
});
