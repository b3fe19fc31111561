import { describe, expect, it } from 'vitest';
import { detectGenericArticle, genericCanonicalUrl } from '../../../../content/detection/detect-generic-article';
import { htmlDocument } from '../../fixture-dom';

const para = (text: string, n: number) => Array.from({ length: n }, () => `<p>${text}</p>`).join('');

describe('detectGenericArticle', () => {
  it('takes the largest block of paragraphs, not the navigation or the sidebar', () => {
    const doc = htmlDocument(`<html><head><title>News | Site</title><meta property="og:title" content="Seoul and Beijing"></head><body>
      <nav>${para('首頁 國際 兩岸 財經 科技 生活 娛樂 體育 評論 專題 影音 訂閱 登入 註冊 關於我們 聯絡我們', 6)}</nav>
      <aside><p>熱門新聞</p><p>推薦閱讀</p></aside>
      <article><h1>韓中關係</h1><div class="story">${para('李在明定調 2026 年為韓中關係全面恢復元年，在今年初即前往中國，雙方建立定期對話與協商機制。', 5)}</div></article>
      <div class="comments"><p>留言一</p><p>留言二</p></div></body></html>`);
    const article = detectGenericArticle(doc, 'https://news.example.com/world/2026/01/story.html?utm=x#top');
    expect(article).toMatchObject({
      canonicalUrl: 'https://news.example.com/world/2026/01/story.html',
      lang: 'zh',
      title: 'Seoul and Beijing',
    });
    expect(article?.body.className).toBe('story');
  });

  it('reads an English page as English', () => {
    const doc = htmlDocument(`<body><main>${para('Seoul moved closer to Beijing this year, and the two sides agreed on regular talks.', 4)}</main></body>`);
    expect(detectGenericArticle(doc, 'https://example.org/a')).toMatchObject({ lang: 'en', canonicalUrl: 'https://example.org/a' });
    // Over http a network attacker could drive the page: the reader stays away.
    expect(detectGenericArticle(doc, 'http://example.org/a')).toBeNull();
  });

  it('leaves short pages and non-web addresses alone', () => {
    const doc = htmlDocument('<body><p>Sign in to continue.</p><p>Forgot your password?</p></body>');
    expect(detectGenericArticle(doc, 'https://example.org/login')).toBeNull();
    const long = htmlDocument(`<body><div>${para('A long enough paragraph of text to count as an article body here.', 6)}</div></body>`);
    expect(detectGenericArticle(long, 'file:///tmp/a.html')).toBeNull();
    expect(genericCanonicalUrl('not a url')).toBeNull();
  });
});
