import { describe, expect, it } from 'vitest';
import { compileGlossary } from '../../../utils/glossary/compile';
import { createMatcher } from '../../../utils/glossary/matcher';
import { createChineseTools } from '../../../scripts/glossary-sources';
import { SAMPLE } from './sample-records';

const { index } = compileGlossary(SAMPLE, createChineseTools());
const matcher = createMatcher(index);
const found = (text: string) =>
  matcher.match(text).map((m) => [text.slice(m.start, m.end), index.entries[m.entry]!.id]);

describe('createMatcher', () => {
  it('finds terms in Traditional, Simplified and Mainland wording alike', () => {
    expect(found('解除限韓令')).toEqual([['限韓令', 'hallyu-ban']]);
    expect(found('解除限韩令')).toEqual([['限韩令', 'hallyu-ban']]);
    expect(found('发射导弹与飛彈')).toEqual([['导弹', 'missile'], ['飛彈', 'missile']]);
    expect(found('川普与特朗普')).toEqual([['川普', 'trump'], ['特朗普', 'trump']]);
    expect(found('朝鲜半岛局势')).toEqual([['朝鲜半岛', 'korean-peninsula']]);
    expect(found('台北與臺北')).toEqual([['台北', 'taipei'], ['臺北', 'taipei']]);
  });

  it('lets the longest term win', () => {
    expect(found('不發展洲際彈道飛彈（ICBMs）')).toEqual([['洲際彈道飛彈', 'icbm'], ['ICBMs', 'icbm']]);
    expect(found('發射2枚彈道飛彈')).toEqual([['彈道飛彈', 'ballistic-missile']]);
  });

  it("tries every form that shares a term's first units, longest first, up to the last unit of the text", () => {
    expect(found('洲際彈道飛彈')).toEqual([['洲際彈道飛彈', 'icbm']]);
    expect(found('彈道飛彈與飛彈道')).toEqual([['彈道飛彈', 'ballistic-missile'], ['飛彈', 'missile']]);
    expect(found('試射飛彈')).toEqual([['飛彈', 'missile']]);
    expect(found('彈道飛')).toEqual([]);
  });

  it('does not mark a term inside a longer string it must not be found in', () => {
    expect(found('南北韓關係與北韓')).toEqual([['北韓', 'korea-north']]);
  });

  it('matches Latin terms only at word boundaries, with case rules that fit acronyms', () => {
    expect(found('ICBM, ICBMs, and in a headline ICBMS; not icbm, Icbm, XICBM or ICBMx')).toEqual([
      ['ICBM', 'icbm'],
      ['ICBMs', 'icbm'],
      ['ICBMS', 'icbm'],
    ]);
    expect(found('Denuclearization and denuclearisation')).toEqual([
      ['Denuclearization', 'denuclearization'],
      ['denuclearisation', 'denuclearization'],
    ]);
    expect(found('慶州APEC峰會與NATO')).toEqual([['APEC', 'apec'], ['NATO', 'nato']]);
    expect(found('THE NORTH KOREA FILE')).toEqual([['NORTH KOREA', 'korea-north']]);
    expect(found('full-width ＩＣＢＭ')).toEqual([['ＩＣＢＭ', 'icbm']]);
  });

  it('reports offsets in the original text', () => {
    const text = '𠀀北韓🙂ICBM';
    const matches = matcher.match(text);
    expect(matches.map((m) => text.slice(m.start, m.end))).toEqual(['北韓', 'ICBM']);
  });

  it('handles empty text and text without terms', () => {
    expect(matcher.match('')).toEqual([]);
    expect(matcher.match('<p onclick="x">北京</p>')).toEqual([]);
  });
});

describe('matchEach', () => {
  it('matches many texts in one pass, each in its own offsets, never across two', () => {
    const texts = ['北', '韓與北約', '', 'ICBM', 's and NATO'];
    const found = matcher.matchEach(texts).map((ms, i) => ms.map((m) => [texts[i]!.slice(m.start, m.end), index.entries[m.entry]!.id]));
    expect(found).toEqual([[], [['北約', 'nato']], [], [['ICBM', 'icbm']], [['NATO', 'nato']]]);
  });
});
