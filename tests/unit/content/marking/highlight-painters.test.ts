import { describe, expect, it } from 'vitest';
import { registryPainter } from '../../../../content/marking/highlight-painters';

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
