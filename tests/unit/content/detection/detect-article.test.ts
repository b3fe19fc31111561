import { describe, expect, it } from 'vitest';
import { detectArticle } from '../../../../content/detection/detect-article';
import { canonicalArticleUrl } from '../../../../utils/site/article-url';
import { fixtureDocument, htmlDocument } from '../../fixture-dom';

const SEED = 'https://www.pf.org.tw/tw/pfch/34-12001.html';

describe('canonicalArticleUrl', () => {
  it('gives every form of one address the same identity', () => {
    for (const raw of [
      'https://www.pf.org.tw/tw/pfch/34-12001.html',
      'http://www.pf.org.tw/tw/pfch/34-12001.html',
      'https://pf.org.tw/tw/pfch/34-12001.html?ref=mail',
      'http://PF.org.tw/tw/pfch/34-12001.html#section-2',
    ]) {
      expect(canonicalArticleUrl(raw)).toBe(SEED);
    }
  });

  it('refuses other sites and non-web addresses', () => {
    expect(canonicalArticleUrl('https://www.pf.org.tw.example.com/tw/pfch/34-12001.html')).toBeNull();
    expect(canonicalArticleUrl('ftp://www.pf.org.tw/x')).toBeNull();
    expect(canonicalArticleUrl('not a url')).toBeNull();
  });
});

describe('detectArticle', () => {
  it('finds the seed article: Chinese, its body, title, author and date', () => {
    const doc = fixtureDocument('pf-tw-article-34-12001.html');
    const article = detectArticle(doc, `${SEED}?ref=x`)!;
    expect(article.lang).toBe('zh');
    expect(article.canonicalUrl).toBe(SEED);
    expect(article.body).toBe(doc.querySelector('section.cp > div.container'));
    expect(article.title).toBe('李在明訪中與東北亞安保情勢');
    expect(article.author).toBe('李明峻');
    expect(article.date).toBe('2026-02-10');
  });

  it('finds an English item page and calls it English', () => {
    const doc = fixtureDocument('pf-en-article-33-11787.html');
    const article = detectArticle(doc, 'https://www.pf.org.tw/en/pfen/33-11787.html')!;
    expect(article.lang).toBe('en');
    expect(article.title).toBe('Lee Jae-myung in Beijing and the Security of Northeast Asia');
  });

  it('judges the language by the text, not the site section', () => {
    const doc = fixtureDocument('pf-en-article-33-11787.html');
    expect(detectArticle(doc, 'https://www.pf.org.tw/tw/pfch/13-11786.html')?.lang).toBe('en');
  });

  it('leaves listings, menu pages and the home page alone', () => {
    expect(detectArticle(fixtureDocument('pf-tw-listing-34.html'), 'https://www.pf.org.tw/tw/pfch/34.html')).toBeNull();
    expect(detectArticle(fixtureDocument('pf-en-page-28.html'), 'https://www.pf.org.tw/en/pfen/28.html')).toBeNull();
    expect(detectArticle(fixtureDocument('pf-tw-article-34-12001.html'), 'https://www.pf.org.tw/')).toBeNull();
    // A listing served at an item address is still a listing.
    expect(detectArticle(fixtureDocument('pf-tw-listing-34.html'), 'https://www.pf.org.tw/tw/pfch/34-1.html')).toBeNull();
  });

  it('never runs on other sites', () => {
    expect(detectArticle(fixtureDocument('pf-tw-article-34-12001.html'), 'https://example.com/tw/pfch/34-12001.html')).toBeNull();
  });

  it('falls back to the main block of paragraphs when section.cp is missing', () => {
    const doc = fixtureDocument('pf-tw-article-drifted-34-12002.html');
    const article = detectArticle(doc, 'https://www.pf.org.tw/tw/pfch/34-12002.html')!;
    expect(article.body).toBe(doc.querySelector('.article-content .inner'));
    expect(article.body.closest('footer, header, nav')).toBeNull();
  });

  it('refuses a template with no prose, and malformed pages without throwing', () => {
    expect(detectArticle(htmlDocument('<section class="cp"><div class="container"><p>短</p></div></section>'), SEED)).toBeNull();
    expect(detectArticle(htmlDocument(''), SEED)).toBeNull();
    expect(detectArticle(htmlDocument('<footer><p>' + '字'.repeat(500) + '</p></footer>'), SEED)).toBeNull();
  });

  // jsdom parses 3,000 levels of nesting slowly on a loaded machine; the timeout is a hang guard, not a figure.
  it('finds prose nested 3,000 levels deep', { timeout: 30_000 }, () => {
    const deep = '<div>'.repeat(3000) + '<p>' + '北韓'.repeat(200) + '</p>' + '</div>'.repeat(3000);
    expect(detectArticle(htmlDocument(deep), SEED)?.lang).toBe('zh');
  });
});
