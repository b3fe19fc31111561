import { describe, expect, it, vi } from 'vitest';
import { registryPainter, UNDERLINE_HOST_TAG, underlinePainter } from '../../../../content/marking/highlight-painters';

/** A window with just what the registry painter uses: a Highlight set and the CSS registry. */
function fakeWindow() {
  const highlights = new Map<string, Set<AbstractRange>>();
  const sets: string[] = [];
  const win = {
    Highlight: class extends Set<AbstractRange> {},
    CSS: {
      highlights: {
        set: (name: string, h: Set<AbstractRange>) => (sets.push(name), highlights.set(name, h)),
        delete: (name: string) => highlights.delete(name),
      },
    },
  };
  return { win: win as unknown as Window, highlights, sets };
}

const range = (n: number) => ({ n }) as unknown as AbstractRange;
const settle = () => Promise.resolve();

describe('the registry painter', () => {
  it('registers its highlight once, after the task that draws, with every range of that task', async () => {
    const { win, highlights, sets } = fakeWindow();
    const painter = registryPainter(win, 'prospect-reader-term');
    expect(highlights.size).toBe(0);
    for (let i = 0; i < 1000; i++) painter.add(range(i));
    expect(highlights.has('prospect-reader-term')).toBe(false);
    await settle();
    expect(highlights.get('prospect-reader-term')!.size).toBe(1000);
    painter.add(range(1000));
    await settle();
    expect(highlights.get('prospect-reader-term')!.size).toBe(1001);
    expect(sets).toEqual(['prospect-reader-term']);
  });

  it('is never registered again once cleared: a late range cannot take the name from the next painter', async () => {
    const { win, highlights } = fakeWindow();
    const old = registryPainter(win, 'prospect-reader-term');
    old.add(range(1));
    old.clear();
    await settle();
    expect(highlights.has('prospect-reader-term')).toBe(false);
    const next = registryPainter(win, 'prospect-reader-term');
    next.add(range(2));
    old.add(range(3));
    await settle();
    expect([...highlights.get('prospect-reader-term')!]).toEqual([expect.objectContaining({ n: 2 })]);
  });
});

describe('the underline painter', () => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));

  it('measures nothing while it has nothing to draw, however often the page scrolls', async () => {
    // jsdom lays nothing out: no resize observer, and a range has no boxes.
    vi.stubGlobal('ResizeObserver', class { observe() {} disconnect() {} });
    Range.prototype.getClientRects ??= () => [] as unknown as DOMRectList;
    const measured = vi.spyOn(Element.prototype, 'getBoundingClientRect');
    const painter = underlinePainter(document);
    for (let i = 0; i < 5; i++) {
      window.dispatchEvent(new Event('scroll'));
      await frame();
    }
    expect(measured).not.toHaveBeenCalled();
    expect(document.querySelector(UNDERLINE_HOST_TAG)).not.toBeNull();
    const p = document.body.appendChild(document.createElement('p'));
    p.textContent = '韓中關係';
    const word = new StaticRange({ startContainer: p.firstChild!, startOffset: 0, endContainer: p.firstChild!, endOffset: 2 });
    painter.add(word);
    await frame();
    expect(measured).toHaveBeenCalled();
    painter.delete(word);
    await frame();
    measured.mockClear();
    window.dispatchEvent(new Event('scroll'));
    await frame();
    expect(measured).not.toHaveBeenCalled();
    painter.clear();
    p.remove();
    measured.mockRestore();
    vi.unstubAllGlobals();
  });
});
