import { describe, expect, it } from 'vitest';
import { gatherText, isHanAt, isInsideTerm, rangeOf, textAfter, type TextPoint } from '../../../../content/dictionary/text-at-point';

// In the test window's document, so computed styles tell blocks from inline elements.
function pointAt(html: string, char: string): { point: TextPoint } {
  document.body.innerHTML = `<main>${html}</main>`;
  const walker = document.createTreeWalker(document.body, 0x4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const offset = (n as Text).data.indexOf(char);
    if (offset >= 0) return { point: { node: n as Text, offset } };
  }
  throw new Error(`${char} is not in ${html}`);
}

describe('the text a lookup starts from', () => {
  it('runs on across inline tags, so a word split by one is found whole', () => {
    const { point } = pointAt('<p>雙方<b>簽</b><a href="#">署零</a>部件採購協議。</p>', '簽');
    const gathered = gatherText(point, 8);
    expect(gathered.text).toBe('簽署零部件採購協');
    expect(rangeOf(gathered, 2).toString()).toBe('簽署');
    expect(rangeOf(gathered, 5).toString()).toBe('簽署零部件');
  });

  it('starts from the last character of a text node', () => {
    const { point } = pointAt('<p>讓一向擔<span>憂美軍</span></p>', '擔');
    expect(gatherText(point, 16).text).toBe('擔憂美軍');
  });

  it('stops at a curated mark, a line break, a block and ruby text', () => {
    expect(gatherText(pointAt('<p>北韓<pr-term>洲際彈道飛彈</pr-term></p>', '北').point, 16).text).toBe('北韓');
    expect(gatherText(pointAt('<p>外交<br>部長</p>', '外').point, 16).text).toBe('外交');
    expect(gatherText(pointAt('<div><span>外交</span><p>部長</p></div>', '外').point, 16).text).toBe('外交');
    expect(gatherText(pointAt('<p>外<ruby>交<rt>jiāo</rt></ruby>部長</p>', '外').point, 16).text).toBe('外交部長');
  });

  it('takes at most the units asked for', () => {
    const { point } = pointAt('<p>中華人民共和國外交部發言人</p>', '中');
    expect(gatherText(point, 4).text).toBe('中華人民');
  });

  it('knows Han characters and curated marks', () => {
    const { point } = pointAt('<p>ICBM 試射<pr-term>飛彈</pr-term></p>', '試');
    expect(isHanAt(point)).toBe(true);
    expect(isHanAt({ node: point.node, offset: 0 })).toBe(false);
    expect(isInsideTerm(point.node)).toBe(false);
    expect(isInsideTerm(pointAt('<p><pr-term>飛彈</pr-term></p>', '飛').point.node)).toBe(true);
    expect(isHanAt(pointAt('<p>𠀀字</p>', '𠀀').point)).toBe(true);
  });
});

describe('the text after a curated term', () => {
  const markRange = () => {
    const range = document.createRange();
    range.selectNode(document.querySelector('pr-term')!);
    return range;
  };

  it('runs on from the mark across inline tags, and stops at the next mark, a line break or a block', () => {
    document.body.innerHTML = '<main><p>與<pr-term>美國</pr-term><b>政</b>府關係</p></main>';
    expect(textAfter(markRange(), 16)).toBe('政府關係');
    document.body.innerHTML = '<main><p><pr-term>美國</pr-term>政府<pr-term>川普</pr-term>表示</p></main>';
    expect(textAfter(markRange(), 16)).toBe('政府');
    document.body.innerHTML = '<main><p><pr-term>美國</pr-term><br>政府</p></main>';
    expect(textAfter(markRange(), 16)).toBe('');
    document.body.innerHTML = '<main><div><span><pr-term>美國</pr-term></span><p>政府</p></div></main>';
    expect(textAfter(markRange(), 16)).toBe('');
  });

  it('reads on from a range that ends inside a text node (a term drawn as a highlight), and takes at most the units asked for', () => {
    document.body.innerHTML = '<main><p>美國政府關係</p></main>';
    const text = document.querySelector('p')!.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 2);
    expect(textAfter(range, 3)).toBe('政府關');
  });

  it('finds the last text of a mark with markup inside it, and nothing in an empty one', () => {
    document.body.innerHTML = '<main><p><pr-term><b>美</b><i>國</i></pr-term>政府</p></main>';
    expect(textAfter(markRange(), 16)).toBe('政府');
    document.body.innerHTML = '<main><p><pr-term></pr-term>政府</p></main>';
    expect(textAfter(markRange(), 16)).toBe('');
  });
});
