import { describe, expect, it } from 'vitest';
import type { TextQuoteSelector } from '../../../utils/highlights/types';
import { encodeTerm, highlightLink, passageUrl, textDirective } from '../../../utils/export/text-fragment';

const quote = (exact: string, prefix = '', suffix = ''): TextQuoteSelector => ({ type: 'TextQuoteSelector', exact, prefix, suffix });

describe('text fragments', () => {
  it("encodes '-', '&', ',' and everything outside the unreserved set", () => {
    expect(encodeTerm("a-b&c,d e!'()*._~")).toBe("a%2Db%26c%2Cd%20e%21%27%28%29%2A._~");
    expect(encodeTerm('台灣')).toBe('%E5%8F%B0%E7%81%A3');
    expect(encodeTerm('😀')).toBe('%F0%9F%98%80');
    expect(encodeTerm('\ud800')).toBe('%EF%BF%BD'); // a lone surrogate cannot be encoded: U+FFFD
  });

  it('links a short quote with whole-word context on both sides', () => {
    const directive = textDirective(quote('deterrence by denial', 'argue that the strategy of ', ', not punishment, is'));
    expect(directive).toBe('the%20strategy%20of-,deterrence%20by%20denial,-%2C%20not%20punishment%2C');
  });

  it('drops the context word that the stored 32 characters cut through', () => {
    const prefix = 'xxxxxxxxxxxxxxxxxxtion of the US '; // 33 characters, starting mid-word
    expect(textDirective(quote('policy', prefix, ''))).toBe('of%20the%20US-,policy');
  });

  it('leaves out context without spaces, which cannot be cut at a word boundary', () => {
    expect(textDirective(quote('區域安全架構', '美國持續強化的美國持續強化的美國持續強化的美國持續強化的美國持續', '，並與盟友合作'))).toBe(
      '%E5%8D%80%E5%9F%9F%E5%AE%89%E5%85%A8%E6%9E%B6%E6%A7%8B,-%EF%BC%8C%E4%B8%A6%E8%88%87%E7%9B%9F%E5%8F%8B%E5%90%88%E4%BD%9C',
    );
  });

  it('links a long quote by its first and last words, with line breaks as spaces', () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`);
    const exact = `${words.slice(0, 20).join(' ')}\n\n${words.slice(20).join(' ')}`;
    expect(textDirective(quote(exact))).toBe('word0%20word1%20word2%20word3%20word4,word36%20word37%20word38%20word39');
  });

  it('links a long Chinese quote by characters at each end', () => {
    const exact = '一二三四五六七八九十'.repeat(10);
    expect(decodeURIComponent(textDirective(quote(exact)))).toBe('一二三四五六七八九十一二,九十一二三四五六七八九十');
  });

  it('builds the URL, replacing any fragment, and refuses non-http addresses', () => {
    expect(passageUrl('https://www.pf.org.tw/a.html#top', quote('x y'))).toBe('https://www.pf.org.tw/a.html#:~:text=x%20y');
    expect(passageUrl('javascript:alert(1)', quote('x'))).toBeUndefined();
    expect(passageUrl('not a url', quote('x'))).toBeUndefined();
    expect(passageUrl('https://www.pf.org.tw/a.html', quote('  \n '))).toBe('https://www.pf.org.tw/a.html');
  });
});

describe('a link to a PDF highlight', () => {
  it("opens the PDF at the highlight's page, since PDF viewers ignore text fragments", () => {
    const quote = { type: 'TextQuoteSelector' as const, exact: '韓半島和平', prefix: '', suffix: '' };
    expect(highlightLink({ articleUrl: 'https://www.pf.org.tw/upload/12001.pdf#x', quote, pdfPage: 2 })).toBe('https://www.pf.org.tw/upload/12001.pdf#page=2');
    expect(highlightLink({ articleUrl: 'https://www.pf.org.tw/tw/pfch/34-12001.html', quote })).toContain('#:~:text=');
    expect(highlightLink({ articleUrl: 'javascript:alert(1)', quote, pdfPage: 2 })).toBeUndefined();
  });
});
