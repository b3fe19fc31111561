import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE_CHARS, sentenceAround, sentenceFrom } from '../../../../content/card/save-term';

function article(html: string): { root: Element; term: Element } {
  const doc = new DOMParser().parseFromString(`<main>${html}</main>`, 'text/html');
  const root = doc.querySelector('main')!;
  return { root, term: root.querySelector('pr-term')! };
}

describe('the sentence a saved term was found in', () => {
  it('is cut at Chinese sentence ends, closing quotes included in the previous sentence', () => {
    const { root, term } = article(
      '<p>北韓去年試射多枚飛彈。「美方表示關切。」南韓則部署了<pr-term>薩德反導系統</pr-term>，以因應威脅！此後情勢升高。</p>',
    );
    expect(sentenceAround(term, root)).toBe('南韓則部署了薩德反導系統，以因應威脅！');
  });

  it('is cut at English sentence ends but not inside numbers or addresses', () => {
    const { root, term } = article(
      '<p>Growth was 3.5 percent. Seoul, see pf.org.tw, deployed <pr-term>THAAD</pr-term> in 2017? Beijing objected.</p>',
    );
    expect(sentenceAround(term, root)).toBe('Seoul, see pf.org.tw, deployed THAAD in 2017?');
  });

  it('stays inside its paragraph, collapsing line breaks and spaces', () => {
    const { root, term } = article('<p>前一段沒有句號</p><p>  本段提到\n  <b><pr-term>務實外交</pr-term></b>  而且沒有結尾</p>');
    expect(sentenceAround(term, root)).toBe('本段提到 務實外交 而且沒有結尾');
  });

  it('keeps at most 300 characters around the term, marking the cuts', () => {
    const long = '甲'.repeat(400);
    const sentence = sentenceFrom(long, '飛彈', long);
    expect([...sentence].length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    expect(sentence).toMatch(/^…甲+飛彈甲+…$/);
    expect(sentenceFrom('短句', '飛彈', '甲'.repeat(400))).toMatch(/^短句飛彈甲+…$/);
  });

  it('never splits an emoji or another character outside the basic plane', () => {
    const sentence = sentenceFrom('😀'.repeat(200), 'X', '');
    expect(sentence.toWellFormed()).toBe(sentence);
  });
});
