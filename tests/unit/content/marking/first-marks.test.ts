import { describe, expect, it } from 'vitest';
import { createGlossaryService } from '../../../../background/glossary-service';
import { markFirstScreen } from '../../../../content/marking/first-marks';
import { createTermMarker } from '../../../../content/marking/term-marker';
import type { TermHighlights } from '../../../../content/marking/term-highlights';
import { compileGlossary } from '../../../../utils/glossary/compile';
import { matchIndexOf } from '../../../../utils/glossary/match-index';
import { matcherOf, type TermMatch } from '../../../../utils/glossary/matcher';
import { makePersonalEntry, type PersonalGlossary } from '../../../../utils/glossary/personal-entry';
import { createChineseTools } from '../../../../scripts/glossary-sources';
import { SAMPLE } from '../../glossary/sample-records';
import { fixtureDocument, htmlDocument } from '../../fixture-dom';

const tools = createChineseTools();
const builtIn = compileGlossary(SAMPLE, tools).index;
const builtInMatch = matchIndexOf(builtIn);
const serviceWith = (personal: PersonalGlossary) => createGlossaryService({ loadBuiltIn: async () => builtIn, loadBuiltInMatch: async () => builtInMatch, loadPersonal: async () => personal });
const noPersonal = serviceWith({ entries: [], hidden: [] });
const seedBody = () => fixtureDocument('pf-tw-article-34-12001.html').querySelector('section.cp > div.container')!;

/** The page's own marker over the same glossary, as the reader builds it. */
function pageMarker(match = builtInMatch, markedBefore?: WeakMap<Text, string>, layer?: TermHighlights) {
  const personal = match.ids.map((id) => id.startsWith('personal-'));
  return createTermMarker({
    matcher: matcherOf(match),
    entryIds: match.ids,
    ...(markedBefore ? { markedBefore } : {}),
    ...(layer ? { highlights: { layer, draws: (entry: number) => personal[entry]! } } : {}),
  });
}

describe('markFirstScreen', () => {
  it("marks the seed article from the background's matches exactly as the page's own marker does, which then adds nothing", async () => {
    const early = seedBody();
    const markedEarly = new WeakMap<Text, string>();
    const { count, ids } = await markFirstScreen({ root: early, ownNodes: markedEarly, matchTexts: (texts) => noPersonal.firstMarks(texts) });
    const reference = seedBody();
    expect(count).toBe(pageMarker().markNow(reference));
    expect(count).toBeGreaterThan(15);
    expect(early.innerHTML).toBe(reference.innerHTML);
    expect(new Set(ids)).toEqual(new Set([...reference.querySelectorAll('pr-term')].map((m) => m.getAttribute('data-term-id'))));
    expect(pageMarker(builtInMatch, markedEarly).markNow(early)).toBe(0);
    expect(early.innerHTML).toBe(reference.innerHTML);
  });

  it('leaves text the page changed while the answer was on its way to the page’s own marker', async () => {
    const doc = htmlDocument('<div id="a"><p id="one">北韓試射飛彈</p><p id="two">南韓也有飛彈</p></div>');
    const root = doc.getElementById('a')!;
    const markedEarly = new WeakMap<Text, string>();
    const { count } = await markFirstScreen({
      root,
      ownNodes: markedEarly,
      matchTexts: async (texts) => {
        const answer = await noPersonal.firstMarks(texts);
        doc.getElementById('two')!.firstChild!.textContent = '南韓沒有洲際彈道飛彈';
        return answer;
      },
    });
    expect(count).toBe(doc.getElementById('one')!.querySelectorAll('pr-term').length);
    expect(doc.getElementById('two')!.querySelectorAll('pr-term')).toHaveLength(0);
    pageMarker(builtInMatch, markedEarly).markNow(root);
    expect([...doc.getElementById('two')!.querySelectorAll('pr-term')].map((m) => m.getAttribute('data-term-id'))).toContain('icbm');
  });

  it("never puts the reader's own entries in the page: the page's marker draws them in the text marked early", async () => {
    const own = makePersonalEntry({ term: '试射', english: 'test launch' }, tools, new Date('2026-02-01T00:00:00Z'), () => 'personal-1');
    const service = serviceWith({ entries: [own], hidden: [] });
    const doc = htmlDocument('<div id="a"><p>北韓試射飛彈</p></div>');
    const root = doc.getElementById('a')!;
    const markedEarly = new WeakMap<Text, string>();
    const { ids } = await markFirstScreen({ root, ownNodes: markedEarly, matchTexts: (texts) => service.firstMarks(texts) });
    expect(ids).not.toContain(own.id);
    expect(root.innerHTML).not.toContain('personal-');
    const before = root.innerHTML;
    const drawn: [string, TermMatch[]][] = [];
    const layer = { add: (node: Text, matches: readonly TermMatch[]) => (drawn.push([node.data, [...matches]]), matches.length) } as unknown as TermHighlights;
    pageMarker(await service.match(), markedEarly, layer).markNow(root);
    expect(root.innerHTML).toBe(before);
    expect(drawn.map(([text, matches]) => matches.map((m) => text.slice(m.start, m.end)))).toEqual([['試射']]);
  });

  it('leaves the glossary’s marks in text marked early to the early pass, so the article gets each mark once and the same marks', () => {
    // Matched alone, a piece between two early marks loses the text around it that context rules read.
    const doc = htmlDocument('<div id="a"><p>北韓試射飛彈</p></div>');
    const root = doc.getElementById('a')!;
    const piece = root.querySelector('p')!.firstChild as Text;
    const markedEarly = new WeakMap<Text, string>([[piece, piece.data]]);
    const marker = pageMarker(builtInMatch, markedEarly);
    expect(marker.markNow(root)).toBe(0);
    expect(root.querySelectorAll('pr-term')).toHaveLength(0);
    // Once passed over, the text is the page's again: unchanged it is not matched again, changed it is marked as usual.
    expect(marker.markNow(root)).toBe(0);
    piece.data = '北韓試射飛彈。';
    expect(marker.markNow(root)).toBe(2);
  });

  it('marks text marked early that the page changed before the page’s own marker came to it', () => {
    const doc = htmlDocument('<div id="a"><p>北韓試射飛彈</p></div>');
    const root = doc.getElementById('a')!;
    const piece = root.querySelector('p')!.firstChild as Text;
    const markedEarly = new WeakMap<Text, string>([[piece, '試射']]);
    expect(pageMarker(builtInMatch, markedEarly).markNow(root)).toBe(2);
  });
});
