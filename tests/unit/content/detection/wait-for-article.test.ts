import { describe, expect, it } from 'vitest';
import { waitForArticle } from '../../../../content/detection/wait-for-article';
import { detectArticle } from '../../../../content/detection/detect-article';
import { fixtureHtml } from '../../fixture-dom';

const URL_ = 'https://www.pf.org.tw/tw/pfch/34-12001.html';

/** The seed page's frame with the article body taken out, as a CMS that loads it by script serves it. */
function emptyFrame() {
  document.documentElement.replaceWith(
    document.importNode(new DOMParser().parseFromString(fixtureHtml('pf-tw-article-34-12001.html'), 'text/html').documentElement, true),
  );
  const container = document.querySelector('section.cp > div.container')!;
  const paragraphs = [...container.children];
  container.replaceChildren();
  return { container, paragraphs };
}

describe('waitForArticle', () => {
  it('finds an article whose body the page inserts later, after the page has been quiet', async () => {
    const { container, paragraphs } = emptyFrame();
    let looks = 0;
    const waiting = waitForArticle({
      doc: document,
      detect: () => (looks++, detectArticle(document, URL_)),
      quietMs: 20,
    });
    expect(looks).toBe(1);
    // The page writes many small changes first; none of them is an article yet.
    for (let i = 0; i < 30; i++) container.append(document.createComment(String(i)));
    await new Promise((r) => setTimeout(r, 5));
    for (const p of paragraphs) container.append(p);
    const article = await waiting;
    expect(article.body).toBe(container);
    expect(looks).toBeLessThanOrEqual(3);
  });

  it('stops looking when aborted, and leaves a page that never gets an article untouched', async () => {
    const { container } = emptyFrame();
    const before = document.documentElement.outerHTML;
    const controller = new AbortController();
    let looks = 0;
    void waitForArticle({ doc: document, detect: () => (looks++, null), quietMs: 5, signal: controller.signal });
    container.append(document.createElement('span'));
    await new Promise((r) => setTimeout(r, 30));
    controller.abort();
    const after = looks;
    container.append(document.createElement('span'));
    await new Promise((r) => setTimeout(r, 30));
    expect(looks).toBe(after);
    container.lastElementChild!.remove();
    container.lastElementChild!.remove();
    expect(document.documentElement.outerHTML).toBe(before);
  });
});
