import { describe, expect, it } from 'vitest';
import { compileGlossary } from '../../../../utils/glossary/compile';
import { createMatcher } from '../../../../utils/glossary/matcher';
import { createTermMarker } from '../../../../content/marking/term-marker';
import { markingBlocks, markNearViewport } from '../../../../content/marking/viewport-marking';
import { countTerms } from '../../../../content/marking/term-counts';
import { createChineseTools } from '../../../../scripts/glossary-sources';
import { SAMPLE } from '../../glossary/sample-records';
import { htmlDocument } from '../../fixture-dom';

const { index } = compileGlossary(SAMPLE, createChineseTools());
const matcher = createMatcher(index);
const PARAGRAPH = '北韓試射洲際彈道飛彈，北約表示關切。';

/** A stand-in for the browser's IntersectionObserver that lets the test decide what is in view. */
class FakeViewport {
  static instances: FakeViewport[] = [];
  observed = new Set<Element>();
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeViewport.instances.push(this);
  }
  observe(el: Element) {
    this.observed.add(el);
  }
  unobserve(el: Element) {
    this.observed.delete(el);
  }
  disconnect() {
    this.observed.clear();
  }
  show(visible: (el: Element) => boolean) {
    const entries = [...this.observed].map((target) => ({ target, isIntersecting: visible(target) }));
    this.callback(entries as unknown as IntersectionObserverEntry[], this as unknown as IntersectionObserver);
  }
}

function longArticle(paragraphs: number) {
  const doc = htmlDocument('<div id="a"></div>');
  const root = doc.getElementById('a')!;
  for (let i = 0; i < paragraphs; i++) root.append(Object.assign(doc.createElement('p'), { textContent: PARAGRAPH }));
  return root;
}

describe('markingBlocks', () => {
  it('splits a huge wrapper into its children and keeps loose text apart', () => {
    const root = longArticle(0);
    const wrapper = root.ownerDocument.createElement('div');
    for (let i = 0; i < 3000; i++) wrapper.append(Object.assign(root.ownerDocument.createElement('p'), { textContent: PARAGRAPH }));
    root.append('北約', wrapper);
    const { blocks, loose } = markingBlocks(root);
    expect(blocks.length).toBe(3000);
    expect(loose.map((n) => n.textContent)).toEqual(['北約']);
  });
});

describe('markNearViewport', () => {
  it('marks only the blocks near the viewport, and the rest as they come into view', async () => {
    const root = longArticle(100);
    const marker = createTermMarker({ matcher, entryIds: index.entries.map((e) => e.id) });
    FakeViewport.instances = [];
    const marking = markNearViewport({
      root,
      markNow: marker.markNow,
      IntersectionObserver: FakeViewport as unknown as typeof IntersectionObserver,
    });
    const viewport = FakeViewport.instances[0]!;
    const paragraphs = [...root.children];
    viewport.show((el) => paragraphs.indexOf(el) < 10);
    expect(await marking.ready).toBe(30);
    expect(root.querySelectorAll('pr-term').length).toBe(30);
    expect(paragraphs[50]!.querySelector('pr-term')).toBeNull();
    viewport.show((el) => paragraphs.indexOf(el) === 50);
    expect(paragraphs[50]!.querySelectorAll('pr-term').length).toBe(3);
    marking.stop();
    expect(viewport.observed.size).toBe(0);
  });

  it('lets what waits for the first marks go on when stopped before the viewport reported (a tab in the background)', async () => {
    const root = longArticle(5);
    const marker = createTermMarker({ matcher, entryIds: index.entries.map((e) => e.id) });
    const marking = markNearViewport({
      root,
      markNow: marker.markNow,
      IntersectionObserver: FakeViewport as unknown as typeof IntersectionObserver,
    });
    marking.stop();
    expect(await marking.ready).toBe(0);
  });
});

describe('countTerms', () => {
  it('counts every occurrence in the text, marked or not, by entry', async () => {
    const root = longArticle(40);
    const counts = await countTerms(root, matcher, () => Promise.resolve(), 0);
    const id = (i: number) => index.entries[i]!.id;
    expect(Object.fromEntries([...counts].map(([i, n]) => [id(i), n]))).toEqual({ 'korea-north': 40, icbm: 40, nato: 40 });
  });
});
