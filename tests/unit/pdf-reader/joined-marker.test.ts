import { describe, expect, it } from 'vitest';
import { compileGlossary } from '../../../utils/glossary/compile';
import { createMatcher } from '../../../utils/glossary/matcher';
import { createJoinedMarker } from '../../../pdf-reader/marking/joined-marker';
import { createChineseTools } from '../../../scripts/glossary-sources';
import { SAMPLE } from '../glossary/sample-records';
import { htmlDocument } from '../fixture-dom';

const { index } = compileGlossary(SAMPLE, createChineseTools());
const marker = () =>
  createJoinedMarker({ matcher: createMatcher(index), entryIds: index.entries.map((e) => e.id), longestTerm: 12 });
const marks = (root: Element) => [...root.querySelectorAll('pr-term')].map((m) => [m.textContent, m.getAttribute('data-term-id')]);

describe('marking text cut into lines and pages', () => {
  it('marks a term that runs from one line into the next, a mark in each line', () => {
    const doc = htmlDocument('<div id="p1"><span>美國擔心北韓的洲際彈</span><br><span>道飛彈與川普</span></div>');
    const page = doc.getElementById('p1')!;
    expect(marker().markPart(page)).toBe(3);
    expect(marks(page)).toEqual([
      ['北韓', 'korea-north'],
      ['洲際彈', 'icbm'],
      ['道飛彈', 'icbm'],
      ['川普', 'trump'],
    ]);
    expect(page.textContent).toBe('美國擔心北韓的洲際彈道飛彈與川普');
  });

  it('marks a term cut by a page break when the next page arrives, leaving the marks before it alone', () => {
    const doc = htmlDocument('<div id="p1"><span>北韓之後實施限</span></div><div id="p2"><span>韓令與無核化</span></div>');
    const [one, two] = [doc.getElementById('p1')!, doc.getElementById('p2')!];
    const m = marker();
    expect(m.markPart(one)).toBe(1);
    expect(m.markPart(two, one)).toBe(2);
    expect(marks(doc.body)).toEqual([
      ['北韓', 'korea-north'],
      ['限', 'hallyu-ban'],
      ['韓令', 'hallyu-ban'],
      ['無核化', 'denuclearization'],
    ]);
  });

  it('puts a space between Latin lines, so words on two lines are not run together', () => {
    const doc = htmlDocument('<div id="p1"><span>the NATO</span><span>summit in Taipei</span></div>');
    const page = doc.getElementById('p1')!;
    marker().markPart(page);
    expect(marks(page)).toEqual([
      ['NATO', 'nato'],
      ['Taipei', 'taipei'],
    ]);
  });
});
