import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCardController } from '../../../../content/card/card-controller';
import { createTermHighlights } from '../../../../content/marking/term-highlights';
import { createChineseTools } from '../../../../scripts/glossary-sources';
import { ATTR, HOST, TAG } from '../../../../utils/dom-names';
import { compileGlossary } from '../../../../utils/glossary/compile';
import { recordShadowRoots } from '../../fixture-dom';
import { layOut } from '../lay-out';

// jsdom makes no trusted event; the real-browser tests hover with the real mouse.
vi.mock('../../../../content/ui/trusted', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../../content/ui/trusted')>()),
  trustedOnly: <E extends Event>(listener: (event: E) => void) => listener,
  guardRoot: () => undefined,
}));

const explain = { zh: '說明。', en: 'The curated explanation.' };
const { index } = compileGlossary(
  [
    { id: 'sanctions', zh: '制裁', pinyin: 'zhì cái', en: 'sanctions', category: 'economy', region: 'global', explain },
    { id: 'summit', zh: '峰會', pinyin: 'fēng huì', en: 'summit', category: 'diplomacy', region: 'global', explain },
  ].map((value, i) => ({ origin: `t.yaml:${i}`, value })),
  createChineseTools(),
);

// The layout, then the controller (it listens on the document): taken away after each test.
const cleanUp: (() => void)[] = [];

afterEach(async () => {
  const [undoLayout, destroy] = cleanUp.splice(0);
  destroy?.();
  vi.useRealTimers();
  // A placement still under way measures its term once more before the layout goes.
  await new Promise((r) => setTimeout(r, 0));
  undoLayout?.();
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

/** 制裁 drawn as a highlight (a reader's own term, no mark), then 峰會 in a mark. */
function setUp() {
  vi.useFakeTimers();
  vi.stubGlobal('CSS', { escape: (id: string) => id });
  const roots = recordShadowRoots();
  const paragraph = document.createElement('p');
  const mark = document.createElement(TAG.term);
  mark.setAttribute(ATTR.termId, 'summit');
  mark.textContent = '峰會';
  paragraph.append('美國制裁，', mark);
  document.body.append(paragraph);
  const text = paragraph.firstChild as Text;
  cleanUp.push(layOut(text).undo);
  const layer = createTermHighlights({ doc: document, painter: { add: () => {}, delete: () => {}, clear: () => {} }, entryIds: ['sanctions'], rematch: () => [] });
  layer.add(text, [{ start: 2, end: 4, entry: 0 }]);
  const cards = createCardController({
    doc: document,
    entries: new Map(index.entries.map((e) => [e.id, e])),
    articleRoot: () => paragraph,
    highlights: () => layer,
    locale: 'en',
    pageLang: 'zh',
    cssText: '',
    hoverDelayMs: 10,
    leaveGraceMs: 50,
  });
  cleanUp.push(() => cards.destroy());
  const card = () => {
    const host = document.querySelector(HOST.termCard);
    return host ? (roots.get(host)!.querySelector('[role="tooltip"]') ?? null) : null;
  };
  return { paragraph, mark, card };
}

describe('the pointer on a term drawn as a highlight', () => {
  it('opens its card again when it comes back from a mark', () => {
    const { paragraph, mark, card } = setUp();
    const moveOn = (target: Element, x: number) => target.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: 20, bubbles: true }));
    moveOn(paragraph, 2);
    vi.advanceTimersByTime(20);
    expect(card()!.textContent).toContain('sanctions');
    mark.dispatchEvent(new MouseEvent('mouseover', { relatedTarget: paragraph, bubbles: true }));
    moveOn(mark, 6);
    vi.advanceTimersByTime(20);
    expect(card()!.textContent).toContain('summit');
    mark.dispatchEvent(new MouseEvent('mouseout', { relatedTarget: paragraph, bubbles: true }));
    moveOn(paragraph, 3);
    vi.advanceTimersByTime(20);
    expect(card()?.textContent ?? '').toContain('sanctions');
  });
});
