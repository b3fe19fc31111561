import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchSelection } from '../../../../content/highlights/selection-watcher';

// jsdom makes no trusted event; the real-browser tests drag with the real mouse.
vi.mock('../../../../content/ui/trusted', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../../content/ui/trusted')>()),
  trustedOnly: <E extends Event>(listener: (event: E) => void) => listener,
}));

function setup() {
  document.body.innerHTML = '';
  const article = document.createElement('article');
  article.textContent = '南韓總統李在明訪問中國。';
  const aside = document.createElement('aside');
  aside.textContent = '相關文章';
  const ownUi = document.createElement('button');
  document.body.append(article, aside, ownUi);
  const settled: (string | null)[] = [];
  const pressed: EventTarget[] = [];
  const watcher = watchSelection({
    doc: document,
    body: () => article,
    delayMs: 150,
    inOwnUi: (target) => target === ownUi,
    onSettled: (range) => settled.push(range ? range.toString() : null),
    onPagePointerDown: (event) => pressed.push(event.target!),
  });
  const select = (node: Node, from: number, to: number) => {
    document.getSelection()!.setBaseAndExtent(node.firstChild!, from, node.firstChild!, to);
    document.dispatchEvent(new Event('selectionchange'));
  };
  const press = (type: 'pointerdown' | 'pointerup', target: Element) =>
    target.dispatchEvent(new MouseEvent(type, { bubbles: true }) as PointerEvent);
  return { article, aside, ownUi, settled, pressed, watcher, select, press };
}

describe('watchSelection', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    document.getSelection()!.removeAllRanges();
  });

  it('reports a selection in the article once it has rested', () => {
    const { article, settled, watcher, select } = setup();
    select(article, 4, 7);
    vi.advanceTimersByTime(100);
    select(article, 4, 8);
    vi.advanceTimersByTime(149);
    expect(settled).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(settled).toEqual(['李在明訪']);
    watcher.stop();
  });

  it('reports a selection the reader made before it started watching', () => {
    document.body.innerHTML = '<article>南韓總統李在明訪問中國。</article>';
    const article = document.querySelector('article')!;
    document.getSelection()!.setBaseAndExtent(article.firstChild!, 4, article.firstChild!, 7);
    const settled: (string | null)[] = [];
    const watcher = watchSelection({ doc: document, body: () => article, delayMs: 150, inOwnUi: () => false, onSettled: (range) => settled.push(range ? range.toString() : null) });
    vi.advanceTimersByTime(150);
    expect(settled).toEqual(['李在明']);
    watcher.stop();
  });

  it('waits while the pointer is down (a drag), and reports when it is released', () => {
    const { article, settled, pressed, watcher, select, press } = setup();
    press('pointerdown', article);
    select(article, 0, 2);
    vi.advanceTimersByTime(500);
    expect(settled).toEqual([]);
    expect(pressed).toEqual([article]);
    press('pointerup', article);
    vi.advanceTimersByTime(150);
    expect(settled).toEqual(['南韓']);
    watcher.stop();
  });

  it('reports null for a selection outside the article', () => {
    const { aside, settled, watcher, select } = setup();
    select(aside, 0, 2);
    vi.advanceTimersByTime(150);
    expect(settled).toEqual([null]);
    watcher.stop();
  });

  it('ignores presses in our own UI and reports nothing while it has focus', () => {
    const { article, ownUi, settled, pressed, watcher, select, press } = setup();
    press('pointerdown', ownUi);
    expect(pressed).toEqual([]);
    ownUi.focus();
    select(article, 0, 2);
    vi.advanceTimersByTime(150);
    expect(settled).toEqual([]);
    watcher.stop();
  });

  it('reports nothing after it is stopped, not even a pending selection', () => {
    const { article, settled, watcher, select } = setup();
    select(article, 0, 2);
    watcher.stop();
    vi.advanceTimersByTime(150);
    select(article, 0, 3);
    vi.advanceTimersByTime(150);
    expect(settled).toEqual([]);
  });
});
