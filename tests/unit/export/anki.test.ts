import { describe, expect, it } from 'vitest';
import { boldTerm, exportAnki, field } from '../../../utils/export/anki';
import { ARTICLE_EN, makeTerm } from '../records';

const AT = new Date('2024-06-01T09:00:00Z');

describe('Anki export', () => {
  it('starts with the headers Anki reads and has one tab-separated line per term', () => {
    const file = exportAnki({ highlights: [], savedTerms: [makeTerm()] }, AT);
    expect(file.filename).toBe('prospect-reader-vocabulary-2024-06-01.txt');
    const lines = file.content.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '#separator:tab',
      '#html:true',
      '#columns:Traditional\tSimplified\tPinyin\tEnglish\tExplanation\tSentence\tSource',
    ]);
    expect(lines[3]?.split('\t')).toEqual([
      '印太戰略',
      '印太战略',
      'Yìn-Tài zhànlüè',
      'Indo-Pacific Strategy',
      'The US strategy for the Indo-Pacific region.',
      '美國的<b>印太戰略</b>強調盟友合作。',
      '印太戰略下的台灣角色 https://www.pf.org.tw/tw/pfch/34-12001.html#:~:text=%E7%BE%8E%E5%9C%8B%E7%9A%84%E5%8D%B0%E5%A4%AA%E6%88%B0%E7%95%A5%E5%BC%B7%E8%AA%BF%E7%9B%9F%E5%8F%8B%E5%90%88%E4%BD%9C%E3%80%82',
    ]);
    expect(lines[4]).toBe('');
    expect(lines).toHaveLength(5);
  });

  it('keeps hostile fields inside their row and column, escaped as HTML', () => {
    const term = makeTerm({
      en: 'Tab\there,\nnew line "quoted" & <i>',
      explanation: '<script>alert(1)</script>\r\nsecond line',
      sentence: 'A <tag> & "印太戰略"\there 😀',
      trad: '印太戰略',
      pinyin: '#hash first',
    });
    const line = exportAnki({ highlights: [], savedTerms: [term] }, AT).content.split('\n')[3] ?? '';
    const fields = line.split('\t');
    expect(fields).toHaveLength(7);
    expect(fields[2]).toBe('&#35;hash first');
    expect(fields[3]).toBe('Tab here,<br>new line &#34;quoted&#34; &#38; &#60;i&#62;');
    expect(fields[4]).toBe('&#60;script&#62;alert(1)&#60;/script&#62;<br>second line');
    expect(fields[5]).toBe('A &#60;tag&#62; &#38; &#34;<b>印太戰略</b>&#34; here 😀');
    // The only markup left is <b> and <br>.
    expect(line.replace(/<\/?b>|<br>/g, '')).not.toMatch(/[<>"]/);
  });

  it('bolds every occurrence of the term, falling back to its simplified form', () => {
    expect(boldTerm('印太戰略與印太戰略', ['印太戰略', '印太战略'])).toBe('<b>印太戰略</b>與<b>印太戰略</b>');
    expect(boldTerm('美国的印太战略', ['印太戰略', '印太战略'])).toBe('美国的<b>印太战略</b>');
    expect(boldTerm('no term <here>', ['印太戰略', ''])).toBe('no term &#60;here&#62;');
  });

  it('makes one note per term, listing each sentence and source once', () => {
    const first = makeTerm({ created: '2024-05-01T00:00:00Z' });
    const second = makeTerm({ created: '2024-05-02T00:00:00Z', sentence: '另一個印太戰略句子。', articleUrl: ARTICLE_EN, articleTitle: 'English title' });
    const other = makeTerm({ termId: 'gray-zone', trad: '灰色地帶', simp: '灰色地带', sentence: '灰色地帶衝突', created: '2024-05-03T00:00:00Z' });
    const lines = exportAnki({ highlights: [], savedTerms: [other, second, first] }, AT).content.split('\n').slice(3, -1);
    expect(lines).toHaveLength(2);
    const [sentences, sources] = (lines[0] ?? '').split('\t').slice(5);
    expect(sentences).toBe('美國的<b>印太戰略</b>強調盟友合作。<br>另一個<b>印太戰略</b>句子。');
    expect(sources?.split('<br>')).toHaveLength(2);
    expect(lines[1]?.startsWith('灰色地帶\t')).toBe(true);
  });

  it('escapes a field completely', () => {
    expect(field(`a&b<c>d"e'f\tg\r\nh\ni`)).toBe('a&#38;b&#60;c&#62;d&#34;e&#39;f g<br>h<br>i');
  });
});
