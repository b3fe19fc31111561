import { describe, expect, it, vi } from 'vitest';
import { registryPainter, UNDERLINE_HOST_TAG, underlinePainter } from '../../../../content/marking/highlight-painters';
import { recordShadowRoots } from '../../fixture-dom';

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

const ranges = new Map<number, AbstractRange>();
/** The same object for the same number, as a painter is given the same range to delete. */
const range = (n: number) => ranges.get(n) ?? (ranges.set(n, { n } as unknown as AbstractRange), ranges.get(n)!);
const settle = () => Promise.resolve();

describe('the registry painter', () => {
  it('leaves the registry while a task draws and is back, with every range, before the page renders', async () => {
    const { win, highlights } = fakeWindow();
    const painter = registryPainter(win, 'prospect-reader-term');
    expect(highlights.size).toBe(0);
    for (let i = 0; i < 1000; i++) painter.add(range(i));
    expect(highlights.has('prospect-reader-term')).toBe(false);
    await settle();
    expect(highlights.get('prospect-reader-term')!.size).toBe(1000);
    // A later task draws out of the registry too.
    painter.add(range(1000));
    expect(highlights.has('prospect-reader-term')).toBe(false);
    await settle();
    expect(highlights.get('prospect-reader-term')!.size).toBe(1001);
    // A range taken away leaves at once, without leaving the registry.
    painter.delete(range(5));
    expect(highlights.get('prospect-reader-term')!.size).toBe(1000);
  });

  it('keeps what it draws while held out of sight, beside what is shown, and shows it when released', async () => {
    const { win, highlights } = fakeWindow();
    const painter = registryPainter(win, 'prospect-reader-term');
    painter.add(range(1));
    await settle();
    const release = painter.hold();
    for (let i = 2; i < 100; i++) painter.add(range(i));
    await settle();
    expect(highlights.get('prospect-reader-term')!.size).toBe(1);
    expect(highlights.has('prospect-reader-term-rest')).toBe(false);
    painter.delete(range(50));
    release();
    release();
    expect(highlights.get('prospect-reader-term-rest')!.size).toBe(97);
    // Drawn after the release (a repair): shown at once, in the first highlight.
    painter.add(range(100));
    await settle();
    expect(highlights.get('prospect-reader-term')!.size).toBe(2);
    painter.clear();
    expect(highlights.size).toBe(0);
    painter.hold()();
    expect(highlights.size).toBe(0);
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
    await settle();
    old.add(range(3));
    expect([...highlights.get('prospect-reader-term')!]).toEqual([expect.objectContaining({ n: 2 })]);
    await settle();
    expect([...highlights.get('prospect-reader-term')!]).toEqual([expect.objectContaining({ n: 2 })]);
  });
});

describe('the underline painter', () => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));

  it('draws a line under each word in view, takes it away with the word, and measures nothing while it has none', async () => {
    // jsdom lays nothing out: no resize observer, and a range gets one box in view here.
    vi.stubGlobal('ResizeObserver', class { observe() {} disconnect() {} });
    const box = { left: 10, top: 10, right: 50, bottom: 30, width: 40, height: 20 } as DOMRect;
    const own = Object.getOwnPropertyDescriptor(Range.prototype, 'getClientRects');
    Object.defineProperty(Range.prototype, 'getClientRects', { configurable: true, writable: true, value: () => [box] });
    const roots = recordShadowRoots();
    const measured = vi.spyOn(Element.prototype, 'getBoundingClientRect');
    const painter = underlinePainter(document);
    try {
      for (let i = 0; i < 5; i++) {
        window.dispatchEvent(new Event('scroll'));
        await frame();
      }
      expect(measured).not.toHaveBeenCalled();
      const host = () => document.querySelector(UNDERLINE_HOST_TAG)!;
      expect(host()).not.toBeNull();
      const lines = () => roots.get(host())!.querySelectorAll('.u').length;
      // The host is there whether or not anything is drawn: its coming back would tell the page a word was.
      host().remove();
      window.dispatchEvent(new Event('scroll'));
      await frame();
      expect(host()).not.toBeNull();
      expect(measured).not.toHaveBeenCalled();

      const p = document.body.appendChild(document.createElement('p'));
      p.textContent = '韓中關係';
      const word = new StaticRange({ startContainer: p.firstChild!, startOffset: 0, endContainer: p.firstChild!, endOffset: 2 });
      painter.add(word);
      await frame();
      expect(measured).toHaveBeenCalled();
      expect(lines()).toBe(1);

      // A page that removes the host gets it back at the next paint, lines and all.
      host().remove();
      window.dispatchEvent(new Event('scroll'));
      await frame();
      expect(lines()).toBe(1);

      painter.delete(word);
      await frame();
      expect(lines()).toBe(0);
      measured.mockClear();
      window.dispatchEvent(new Event('scroll'));
      await frame();
      expect(measured).not.toHaveBeenCalled();
      p.remove();
    } finally {
      painter.clear();
      measured.mockRestore();
      if (own) Object.defineProperty(Range.prototype, 'getClientRects', own);
      else delete (Range.prototype as { getClientRects?: unknown }).getClientRects;
      vi.restoreAllMocks();
      vi.unstubAllGlobals();
    }
  });
});
