import { render } from 'preact';
import { act } from 'preact/test-utils';
import { useRef } from 'preact/hooks';
import { describe, expect, it } from 'vitest';
import { useVirtualRows } from '../../../../extension-pages/notes/use-virtual-rows';

// jsdom lays nothing out: the viewport's size and scroll position are given as the browser would report them.
function List({ count, offset }: { count: number; offset: number }) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualRows({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => 50,
    observeElementRect: (_instance, report) => report({ width: 800, height: 600 }),
    observeElementOffset: (_instance, report) => report(offset, false),
  });
  return (
    <div ref={scroller}>
      <div style={{ height: `${virtualizer.getTotalSize()}px` }}>
        {virtualizer.getVirtualItems().map((item) => (
          <p key={item.key} data-index={item.index}>
            row {item.index}
          </p>
        ))}
      </div>
    </div>
  );
}

function mount(count: number, offset: number): HTMLElement {
  const root = document.createElement('div');
  act(() => render(<List count={count} offset={offset} />, root));
  return root;
}

const indices = (root: HTMLElement) => [...root.querySelectorAll('p')].map((p) => Number(p.dataset.index));

describe('the virtual list', () => {
  it('renders only the rows in view and a few either side, however many there are', () => {
    const root = mount(20_000, 0);
    expect(indices(root)).toEqual(Array.from({ length: 18 }, (_, i) => i));
    expect((root.firstElementChild!.firstElementChild as HTMLElement).style.height).toBe(`${20_000 * 50}px`);
  });

  it('renders the rows around the scroll position', () => {
    const shown = indices(mount(20_000, 500_000));
    expect(shown[0]).toBe(10_000 - 6);
    expect(shown.at(-1)).toBe(10_000 + 12 + 6 - 1);
  });

  it('renders every row of a short list', () => {
    expect(indices(mount(3, 0))).toEqual([0, 1, 2]);
  });
});
