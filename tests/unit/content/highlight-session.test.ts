import { makeHighlight } from '../records';
import { describe, expect, it, vi } from 'vitest';
import { startHighlightSession, type Send } from '../../../content/highlight-session';
import { copyText } from '../../../content/highlights/copy-text';
import type { Highlight } from '../../../utils/highlights/types';
import type { Request } from '../../../utils/messaging/to-background';
import { detectArticle } from '../../../content/detection/detect-article';
import { fixtureHtml, recordShadowRoots } from '../fixture-dom';

// jsdom can make no trusted event; the real-browser tests press these controls with the real mouse
// and prove that synthetic events are refused.
vi.mock('../../../content/ui/trusted', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../content/ui/trusted')>()),
  trustedOnly: <E extends Event>(listener: (event: E) => void) => listener,
  guardRoot: () => undefined,
}));

const URL_ = 'https://www.pf.org.tw/tw/pfch/34-12001.html';
const settle = () => new Promise((r) => setTimeout(r, 0));

/** The seed article in the live jsdom document (only it has a selection), and a background kept in memory. */
function setup(options: { failAdds?: number; failUpdates?: number; describeSource?: (range: Range) => Pick<Highlight, 'pdfPage' | 'attachedToArticle'> } = {}) {
  const roots = recordShadowRoots();
  const uiRoot = () => [...roots].find(([host]) => host.localName === 'prospect-reader-highlights')?.[1];
  const parsed = new DOMParser().parseFromString(fixtureHtml('pf-tw-article-34-12001.html'), 'text/html');
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
  const article = detectArticle(document, URL_)!;
  const store = new Map<string, Highlight>();
  let failAdds = options.failAdds ?? 0;
  let failUpdates = options.failUpdates ?? 0;
  const requests: Request[] = [];
  const send = (async (request: Request) => {
    requests.push(request);
    switch (request.type) {
      case 'highlights/list':
        return [...store.values()];
      case 'highlights/add':
        if (failAdds-- > 0) throw new Error('The browser has no storage space left for Prospect Reader; nothing was saved.');
        store.set(request.highlight.id, request.highlight);
        return request.highlight;
      case 'highlights/update': {
        if (failUpdates-- > 0) throw new Error('The database is closed.');
        const updated = { ...store.get(request.id)!, ...request.changes };
        store.set(request.id, updated);
        return updated;
      }
      case 'highlights/orphans':
        return request.ids;
      default:
        throw new Error(`unexpected ${request.type}`);
    }
  }) as Send;
  let n = 0;
  const session = startHighlightSession({
    doc: document,
    article: () => article,
    locale: 'en',
    uiCss: '',
    quietly: (fn) => fn(),
    send,
    writeClipboard: async () => undefined,
    newId: () => `id-${++n}`,
    noteDelayMs: 0,
    ...(options.describeSource ? { describeSource: options.describeSource } : {}),
  });
  const select = (phrase: string) => {
    const walker = document.createTreeWalker(article.body, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
      const at = t.data.indexOf(phrase);
      if (at >= 0) {
        document.getSelection()!.setBaseAndExtent(t, at, t, at + phrase.length);
        return;
      }
    }
    throw new Error(`no ${phrase}`);
  };
  const shadowText = () => uiRoot()?.textContent ?? '';
  return { article, store, session, select, requests, shadowText, uiRoot };
}

describe('startHighlightSession', () => {
  it('draws and stores a selection, and refuses the whole page', async () => {
    const { session, select, store, article } = setup();
    await session.ready;
    select('緩解雙方因部署');
    const made = await session.highlightSelection('green');
    expect(made?.quote.exact).toBe('緩解雙方因部署');
    expect(store.has(made!.id)).toBe(true);
    const drawn = article.body.querySelectorAll('pr-highlight[data-color="green"]');
    expect([...drawn].map((e) => e.textContent).join('')).toBe('緩解雙方因部署');

    document.getSelection()!.selectAllChildren(document.body);
    expect(await session.highlightSelection()).toBeNull();
    expect(store.size).toBe(1);
    session.stop();
  });

  it('stores what the reader page says of the source (a PDF page, the article) with the highlight', async () => {
    const ranges: string[] = [];
    const describeSource = (range: Range) => {
      ranges.push(range.toString());
      return { pdfPage: 2, attachedToArticle: URL_ };
    };
    const { session, select, store } = setup({ describeSource });
    await session.ready;
    select('緩解雙方因部署');
    const made = await session.highlightSelection();
    expect(ranges).toEqual(['緩解雙方因部署']);
    expect(store.get(made!.id)).toMatchObject({ pdfPage: 2, attachedToArticle: URL_ });
    session.stop();
  });

  it('keeps a highlight whose write failed on screen, marked unsaved, tells why and saves it on Retry', async () => {
    const { session, select, store, article, shadowText, uiRoot } = setup({ failAdds: 1 });
    await session.ready;
    select('緩解雙方因部署');
    const made = await session.highlightSelection();
    expect(store.size).toBe(0);
    const el = article.body.querySelector('pr-highlight')!;
    expect(el.hasAttribute('data-unsaved')).toBe(true);
    expect(shadowText()).toContain('no storage space left');
    const retry = [...uiRoot()!.querySelectorAll('button')].find(
      (b) => b.textContent === 'Retry',
    )!;
    retry.click();
    await settle();
    expect(store.get(made!.id)?.quote.exact).toBe('緩解雙方因部署');
    expect(el.hasAttribute('data-unsaved')).toBe(false);
    session.stop();
  });

  it('keeps a note whose write failed in the card, tells why, and sends it again on Retry', async () => {
    const { session, select, store, article, shadowText, uiRoot } = setup({ failUpdates: 1 });
    await session.ready;
    select('緩解雙方因部署');
    const made = await session.highlightSelection();
    article.body.querySelector('pr-highlight')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    const note = uiRoot()!.querySelector('textarea')!;
    note.value = '部署薩德';
    note.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 10));
    expect(shadowText()).toContain('The database is closed.');
    expect(store.get(made!.id)?.note).toBe('');
    expect(uiRoot()!.querySelector('textarea')!.value).toBe('部署薩德');
    [...uiRoot()!.querySelectorAll('button')].find((b) => b.textContent === 'Retry')!.click();
    await settle();
    expect(store.get(made!.id)?.note).toBe('部署薩德');
    expect(shadowText()).not.toContain('The database is closed.');
    session.stop();
  });

  it('shows a hostile note as text, and lists the quotes of highlights that no longer attach', async () => {
    const { session, store, article, shadowText } = setup();
    await session.ready;
    const base = makeHighlight({
      id: 'gone',
      articleUrl: URL_,
      quote: { type: 'TextQuoteSelector', exact: '這段文字不在文章裡面，已被刪除了', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 10, end: 26 },
      note: '<img src=x onerror="alert(1)">',
    });
    store.set('gone', base);
    // Another tab saved it: the change announcement makes this tab refetch.
    await session.refresh();
    expect(session.orphans().map((h) => h.id)).toEqual(['gone']);
    expect(shadowText()).toContain('1 highlight could not be placed');
    expect(shadowText()).toContain('這段文字不在文章裡面，已被刪除了');
    expect(article.body.querySelectorAll('pr-highlight').length).toBe(0);
    expect(document.querySelector('img[onerror]')).toBeNull();
    session.stop();
  });

  it('copies the quote with a link back to the passage', () => {
    const text = copyText({
      articleUrl: URL_,
      articleTitle: '李在明訪中',
      lang: 'zh',
      quote: { type: 'TextQuoteSelector', exact: '緩解雙方', prefix: '', suffix: '' },
    } as Highlight);
    expect(text).toBe(`「緩解雙方」\n— 李在明訪中\n${URL_}#:~:text=${encodeURIComponent('緩解雙方')}`);
  });
});
