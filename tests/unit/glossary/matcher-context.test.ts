import { describe, expect, it } from 'vitest';
import { compileGlossary, type RawRecord } from '../../../utils/glossary/compile';
import { createMatcher } from '../../../utils/glossary/matcher';
import { createChineseTools } from '../../../scripts/glossary-sources';

const explain = { zh: '說明文字。', en: 'An explanation.' };
const place = { category: 'place', region: 'global', explain } as const;
const RECORDS: RawRecord[] = [
  { id: 'nato', zh: '北約', pinyin: 'běi yuē', en: 'NATO', enAliases: ['NATO'], category: 'organization', region: 'global', explain, unless: [{ before: ['以', '向'], after: ['<number>'] }] },
  { id: 'ccp', zh: '中國共產黨', zhAliases: ['中共'], pinyin: 'zhōng guó gòng chǎn dǎng', en: 'Chinese Communist Party', category: 'organization', region: 'cross-strait', explain, unless: [{ before: ['當', '其'], after: ['有', '計'] }] },
  { id: 'yongbyon', zh: '寧邊', en: 'Yongbyon', pinyin: 'níng biān', ...place, region: 'korea', unless: [{ before: ['遼'] }] },
  { id: 'anpo', zh: '安保', en: 'security', pinyin: 'ān bǎo', category: 'military', region: 'global', explain, unless: [{ after: ['人員', '公司'] }] },
  { id: 'carrier', zh: '航艦', en: 'aircraft carrier', pinyin: 'háng jiàn', category: 'military', region: 'global', explain, unless: [{ after: ['<measure>'] }] },
  { id: 'washington', zh: '華府', mainland: ['华盛顿'], en: 'Washington', enAliases: ['Washington'], pinyin: 'huá fǔ', ...place, region: 'us-china', notInName: true },
  { id: 'east-china-sea', zh: '東海', en: 'East China Sea', enAliases: ['East China Sea'], pinyin: 'dōng hǎi', ...place, region: 'japan', cues: ['中國', '釣魚台'] },
  { id: 'sea-of-japan', zh: '日本海', zhAliases: ['東海'], en: 'Sea of Japan', enAliases: ['Sea of Japan', 'East Sea'], ...place, region: 'korea', cues: ['北韓', '南韓', '獨島'], unless: [{ after: ['上自衛隊'] }] },
  { id: 'korea-north', zh: '北韓', mainland: ['朝鲜'], en: 'North Korea', enAliases: ['North Korea'], pinyin: 'běi hán', ...place, region: 'korea' },
  { id: 'dpp', zh: '民進黨', en: 'Democratic Progressive Party (DPP)', enAliases: ['DPP', 'Democratic Progressive Party'], category: 'organization', region: 'cross-strait', explain },
  { id: 'usfk', zh: '駐韓美軍', en: 'United States Forces Korea', enAliases: ['US Forces Korea', 'USFK'], pinyin: 'zhù hán měi jūn', category: 'military', region: 'korea', explain },
  { id: 'united-states', zh: '美國', en: 'United States', enAliases: ['US'], pinyin: 'měi guó', ...place },
  { id: 'ccg', zh: '中國海警', pinyin: 'zhōng guó hǎi jǐng', en: 'China Coast Guard', enAliases: ['China Coast Guard'], category: 'military', region: 'cross-strait', explain },
  { id: 'philippines', zh: '菲律賓', en: 'Philippines', enAliases: ['Philippines'], pinyin: 'fēi lǜ bīn', ...place, region: 'southeast-asia' },
  { id: 'pcg', zh: '菲律賓海岸防衛隊', en: 'Philippine Coast Guard', enAliases: ['Philippine Coast Guard'], pinyin: 'fēi lǜ bīn hǎi àn fáng wèi duì', category: 'military', region: 'southeast-asia', explain },
  { id: 'slbm', zh: '潛射彈道飛彈', en: 'submarine-launched ballistic missile', enAliases: ['SLBM'], pinyin: 'qián shè dàn dào fēi dàn', category: 'military', region: 'global', explain },
  { id: 'f-16', zh: 'F-16戰機', en: 'F-16 fighter', enAliases: ['F-16'], category: 'military', region: 'global', explain },
  { id: 'cga', zh: '海巡署', pinyin: 'hǎi xún shǔ', en: 'Coast Guard Administration (CGA)', enAliases: ['Coast Guard Administration', 'CGA'], category: 'organization', region: 'cross-strait', explain },
  { id: 'us-senate', zh: '美國參議院', pinyin: 'měi guó cān yì yuàn', en: 'United States Senate', enAliases: ['US Senate'], category: 'organization', region: 'us-china', explain },
  { id: 'suzhou', zh: '蘇州', en: 'Suzhou', enAliases: ['Suzhou'], pinyin: 'sū zhōu', ...place, region: 'cross-strait', unless: [{ before: ['destroyer', '驅逐艦'] }, { after: ['Street'] }] },
  { id: 'guterres', zh: '古特瑞斯', pinyin: 'gǔ tè ruì sī', en: 'António Guterres', enAliases: ['Antonio Guterres', 'Guterres'], category: 'person', region: 'global', checked: '2026-12-01', explain: { zh: '2017 年起任聯合國秘書長。', en: 'UN Secretary-General since 2017.' } },
  { id: 'orban', zh: '奧班', pinyin: 'ào bān', en: 'Viktor Orbán', enAliases: ['Viktor Orban', 'Orban'], category: 'person', region: 'global', checked: '2026-12-01', explain: { zh: '2010 年至 2026 年任匈牙利總理。', en: 'Prime Minister of Hungary from 2010 to 2026.' } },
  { id: 'reagan', zh: '雷根', pinyin: 'léi gēn', en: 'Ronald Reagan', enAliases: ['Ronald Reagan', 'Reagan'], category: 'person', region: 'us-china', checked: '2026-12-01', explain: { zh: '1981 年至 1989 年任美國總統。', en: 'President of the United States from 1981 to 1989.' } },
].map((value, i) => ({ origin: `context.yaml:${i + 1}`, value }));

const { index, problems } = compileGlossary(RECORDS, createChineseTools());
const matcher = createMatcher(index);
const ids = (i: number) => index.entries[i]!.id;
const found = (text: string) =>
  matcher.match(text).map((m) => [text.slice(m.start, m.end), m.senses ? m.senses.map(ids).join('|') : ids(m.entry)]);

describe('context rules', () => {
  it('compiles the sample without problems', () => {
    expect(problems).toEqual([]);
  });

  it('reads an English word of a rule one space away from an English term', () => {
    expect(found('The destroyer Suzhou sailed past.')).toEqual([]);
    expect(found('Factories near Suzhou Street closed.')).toEqual([]);
    expect(found('Suzhou hosts Taiwanese factories.')).toEqual([['Suzhou', 'suzhou']]);
    expect(found('驅逐艦蘇州')).toEqual([]);
  });

  it('leaves a term unmarked between a given character and a numeral', () => {
    expect(found('位於首都以北約10公里處')).toEqual([]);
    expect(found('位於邊界以北約三十公里')).toEqual([]);
    expect(found('位於邊界以北約１０公里')).toEqual([]);
    expect(found('以北約為首的國家')).toEqual([['北約', 'nato']]);
    expect(found('北約32個成員國')).toEqual([['北約', 'nato']]);
  });

  it('leaves a term unmarked between given neighbours, in either script', () => {
    expect(found('這些人當中共有三人')).toEqual([]);
    expect(found('这些人当中共有三人')).toEqual([]);
    expect(found('中共有意擴大影響')).toEqual([['中共', 'ccp']]);
    expect(found('沿著遼寧邊境前往丹東')).toEqual([]);
    expect(found('沿着辽宁边境前往丹东')).toEqual([]);
    expect(found('北韓寧邊核設施')).toEqual([['北韓', 'korea-north'], ['寧邊', 'yongbyon']]);
    expect(found('機場安保人員與安保公司')).toEqual([]);
    expect(found('東北亞安保情勢')).toEqual([['安保', 'anpo']]);
  });

  it('knows measure words after a term', () => {
    expect(found('航艦三艘')).toEqual([['航艦', 'carrier']]);
    expect(found('航艦艘')).toEqual([]);
  });

  it('lets a shorter term inside a ruled-out one be found', () => {
    expect(found('日本海上自衛隊與北韓')).toEqual([['北韓', 'korea-north']]);
  });

  it('does not mark a name inside a longer proper name', () => {
    expect(found('航艦華盛頓號停靠釜山')).toEqual([['航艦', 'carrier']]);
    expect(found('华盛顿邮报报道')).toEqual([]);
    expect(found('華盛頓與北京')).toEqual([['華盛頓', 'washington']]);
    expect(found('The Washington Post said so.')).toEqual([]);
    expect(found('The USS George Washington docked.')).toEqual([]);
    expect(found('In Washington, officials said so.')).toEqual([['Washington', 'washington']]);
    expect(found('Washington said on Monday it would.')).toEqual([['Washington', 'washington']]);
    expect(found('Beijing and Washington Tuesday agreed.')).toEqual([['Washington', 'washington']]);
  });
});

describe('senses chosen by the surrounding text', () => {
  it('takes the sense whose cues stand near the shared form', () => {
    expect(found('中國海警船駛入東海的釣魚台海域')).toEqual([['中國海警', 'ccg'], ['東海', 'east-china-sea']]);
    expect(found('北韓向東海發射飛彈')).toEqual([['北韓', 'korea-north'], ['東海', 'sea-of-japan']]);
    expect(found('南韓海軍在东海的獨島附近演習')).toEqual([['东海', 'sea-of-japan']]);
  });

  it('offers both senses when the context does not decide', () => {
    expect(found('東海情勢引起關注')).toEqual([['東海', 'east-china-sea|sea-of-japan']]);
    expect(found('北韓與中國都關注東海')).toEqual([['北韓', 'korea-north'], ['東海', 'east-china-sea|sea-of-japan']]);
  });

  it('applies senses only to the shared form, not to the entry\'s other forms', () => {
    expect(found('Ships patrolled the East China Sea.')).toEqual([['East China Sea', 'east-china-sea']]);
    expect(found('Missiles fell into the East Sea.')).toEqual([['East Sea', 'sea-of-japan']]);
  });

  it('weighs the cues in the texts around the term across text nodes', () => {
    const texts = ['北韓軍方表示，', '飛彈落在東海。'];
    const [, second] = matcher.matchEach(texts);
    expect(second!.map((m) => ids(m.entry))).toEqual(['sea-of-japan']);
  });
});

describe('the English side', () => {
  it('matches multi-word names in any case, at word boundaries', () => {
    expect(found('the democratic progressive party won')).toEqual([['democratic progressive party', 'dpp']]);
    expect(found('THE DEMOCRATIC PROGRESSIVE PARTY')).toEqual([['DEMOCRATIC PROGRESSIVE PARTY', 'dpp']]);
    expect(found('Democratic Progressive Partying')).toEqual([]);
  });

  it('keeps acronyms exact, also inside a longer name', () => {
    expect(found('Let us see; the US said so')).toEqual([['US', 'united-states']]);
    expect(found('us forces korea and US Forces Korea and US forces korea')).toEqual([
      ['US Forces Korea', 'usfk'],
      ['US forces korea', 'usfk'],
    ]);
    expect(found('dpp and Dpp and DPP')).toEqual([['DPP', 'dpp']]);
  });

  it('finds a name with or without its accents, where the page wrote it', () => {
    expect(found('UN chief António Guterres and Antonio Guterres')).toEqual([
      ['António Guterres', 'guterres'],
      ['Antonio Guterres', 'guterres'],
    ]);
    expect(found('Viktor Orbán met Orban’s rival; orbán')).toEqual([
      ['Viktor Orbán', 'orban'],
      ['Orban', 'orban'],
    ]);
    expect(found('ORBÁN and GUTERRES')).toEqual([
      ['ORBÁN', 'orban'],
      ['GUTERRES', 'guterres'],
    ]);
  });

  it('takes the plural of an acronym and possessives', () => {
    expect(found('two SLBMs and the SLBM’s range')).toEqual([['SLBMs', 'slbm'], ['SLBM', 'slbm']]);
    expect(found("the Philippines' navy and the Philippines’ coast")).toEqual([['Philippines', 'philippines'], ['Philippines', 'philippines']]);
    expect(found('SLBMx')).toEqual([]);
  });

  it('leaves a possessive outside the match, after any alias', () => {
    expect(found("Washington's CGA and the CGA’s patrol")).toEqual([['Washington', 'washington'], ['CGA', 'cga'], ['CGA', 'cga']]);
    expect(found('the Coast Guard Administration’s boats and the DPP’s')).toEqual([['Coast Guard Administration', 'cga'], ['DPP', 'dpp']]);
    expect(found("North Korea's and NORTH KOREA’S")).toEqual([['North Korea', 'korea-north'], ['NORTH KOREA', 'korea-north']]);
  });

  it('does not take a possessive before a name for a longer name', () => {
    expect(found("China's Washington embassy")).toEqual([['Washington', 'washington']]);
    expect(found('the Philippines’ Washington envoy')).toEqual([['Philippines', 'philippines'], ['Washington', 'washington']]);
    expect(found('George Washington')).toEqual([]);
  });

  it('does not take a title before a name for a longer name', () => {
    expect(found('President Washington would not have agreed.')).toEqual([['Washington', 'washington']]);
    expect(found('Ambassador Washington spoke first.')).toEqual([['Washington', 'washington']]);
    expect(found('George Washington')).toEqual([]);
  });

  it('matches a multi-word name whose words a no-break space joins', () => {
    expect(found('the US\u00a0Senate and the coast\u00a0guard administration')).toEqual([
      ['US\u00a0Senate', 'us-senate'],
      ['coast\u00a0guard administration', 'cga'],
    ]);
  });

  it('takes the dotted forms of US, UN and UK, also inside a name, and keeps them exact', () => {
    expect(found("U.S. forces, the U.S.'s allies and the U.S.-led drill")).toEqual([
      ['U.S.', 'united-states'],
      ['U.S.', 'united-states'],
      ['U.S.', 'united-states'],
    ]);
    expect(found('the U.S. Senate and the U.S. senate')).toEqual([['U.S. Senate', 'us-senate'], ['U.S. senate', 'us-senate']]);
    // Only the acronyms style guides dot: not D.P.P.
    expect(found('u.s. and U.S.S.R. and the D.P.P.')).toEqual([]);
  });

  it('does not mark a part of a hyphenated code, but marks the parts of a hyphenated compound', () => {
    expect(found('the US-2 seaplane, hull CGA-1 and the 2-CGA unit')).toEqual([]);
    expect(found('US-China talks and a CGA-led drill')).toEqual([['US', 'united-states'], ['CGA', 'cga']]);
    expect(found('F-16s and an F-16')).toEqual([['F-16s', 'f-16'], ['F-16', 'f-16']]);
    expect(found('F-16V')).toEqual([]);
  });

  it('leaves a ship named after a person or place unmarked', () => {
    expect(found('USS Ronald Reagan left Yokosuka; Reagan said so')).toEqual([['Reagan', 'reagan']]);
    expect(found('the HMS Prince of Wales and JS Washington')).toEqual([]);
  });

  it('finds the country forms of a name', () => {
    expect(found('the Chinese Coast Guard and China’s coast guard and china coast guard')).toEqual([
      ['Chinese Coast Guard', 'ccg'],
      ['China’s coast guard', 'ccg'],
      ['china coast guard', 'ccg'],
    ]);
    expect(found("the Philippines' Coast Guard and the Philippine coast guard")).toEqual([
      ["Philippines' Coast Guard", 'pcg'],
      ['Philippine coast guard', 'pcg'],
    ]);
  });
});
