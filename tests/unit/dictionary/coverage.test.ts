import { describe, expect, it } from 'vitest';
import { compileCedict } from '../../../scripts/cedict-compile';
import { glossFits, hoverCoverage, hoverOutcome } from '../../../scripts/lib/dictionary-coverage';
import { createDictionary } from '../../../utils/dictionary/lookup';
import { compileGlossary } from '../../../utils/glossary/compile';
import { createChineseTools } from '../../../scripts/glossary-sources';
import { SAMPLE } from '../glossary/sample-records';

const dictionary = createDictionary(
  compileCedict({
    data: {
      all: [
        ['談判', '谈判', 'tan2 pan4', ['to negotiate', 'negotiation', 'talks'], [], []],
        ['停火', '停火', 'ting2 huo3', 'ceasefire', [], []],
        ['協議', '协议', 'xie2 yi4', ['agreement', 'pact'], [], []],
        ['聯合', '联合', 'lian2 he2', 'to combine', [], []],
        ['空襲', '空袭', 'kong1 xi2', 'air raid', [], []],
        ['北約', '北约', 'bei3 yue1', ['North Atlantic Treaty Organization', 'abbr. for 北大西洋公約組織'], [], []],
        ['北韓', '北韩', 'bei3 han2', ['North Korea (South Korean usage)'], [], []],
        ['北韓', '北韩', 'Bei3 han2', ['(old) the northern Han'], [], []],
        ['北韓', '北韩', 'bei3 Han2', ['Democratic People\'s Republic of Korea'], [], []],
        ['無核化', '无核化', 'wu2 he2 hua4', ['to remove nuclear weapons', 'denuclearization', 'nuclear-free', 'weapons-free zone'], [], []],
      ],
      variantLookup: [],
      classifierLookup: [],
    },
    date: '2026-01-04',
  }).text,
);

describe('hover coverage of annotated terms', () => {
  it('tells a dictionary word, a word explained by its parts, a partial word, a wrong gloss and nothing apart', () => {
    const { index } = compileGlossary(SAMPLE, createChineseTools());
    expect(hoverOutcome({ term: '談判', expect: ['negotiation'] }, index, dictionary)).toBe('dictionary');
    expect(hoverOutcome({ term: '停火協議', expect: ['ceasefire agreement'] }, index, dictionary)).toBe('by-parts');
    expect(hoverOutcome({ term: '聯合政府', expect: ['coalition government'] }, index, dictionary)).toBe('partial-word');
    expect(hoverOutcome({ term: '空襲', expect: ['airstrike'] }, index, dictionary)).toBe('wrong-gloss');
    expect(hoverOutcome({ term: '甲乙', expect: ['x'] }, index, dictionary)).toBe('none');
  });

  it("counts what the curated card shows: its English, and the dictionary's section when only that gives the gloss", () => {
    const { index } = compileGlossary(SAMPLE, createChineseTools());
    expect(hoverOutcome({ term: '北約', expect: ['NATO'] }, index, dictionary)).toBe('curated');
    expect(hoverOutcome({ term: '北約', expect: ['North Atlantic Treaty Organization'] }, index, dictionary)).toBe('curated-card-dictionary');
    expect(hoverOutcome({ term: '北約', expect: ['Warsaw Pact'] }, index, dictionary)).toBe('wrong-gloss');
  });

  it('counts only what the card shows: two dictionary entries, three senses each, for the word whole', () => {
    const { index } = compileGlossary(SAMPLE, createChineseTools());
    // The third reading has the gloss, and the curated card shows two.
    expect(hoverOutcome({ term: '北韓', expect: ["Democratic People's Republic of Korea"] }, index, dictionary)).toBe('wrong-gloss');
    expect(hoverOutcome({ term: '北韓', expect: ['northern Han'] }, index, dictionary)).toBe('curated-card-dictionary');
    // The fourth sense is behind "All n senses".
    expect(hoverOutcome({ term: '無核化', expect: ['nuclear-free'] }, index, dictionary)).toBe('curated-card-dictionary');
    expect(hoverOutcome({ term: '無核化', expect: ['weapons-free zone'] }, index, dictionary)).toBe('wrong-gloss');
    // The Mainland form is looked up as written, and the dictionary has no 导弹 here.
    expect(hoverOutcome({ term: '导弹', expect: ['missile'] }, index, dictionary)).toBe('curated');
    expect(hoverOutcome({ term: '北韓', expect: ['North Korea'] }, index, dictionary)).toBe('curated');
    expect(hoverOutcome({ term: '朝鲜', expect: ['northern Han'] }, index, dictionary)).toBe('wrong-gloss');
  });

  it("counts a shared form's other senses, which its card shows", () => {
    const extra = [
      { id: 'east-china-sea', zh: '東海', en: 'East China Sea', category: 'place', region: 'us-china', cues: ['釣魚臺'], explain: { zh: '說明。', en: 'Note.' } },
      { id: 'sea-of-japan', zh: '日本海', zhAliases: ['東海'], en: 'Sea of Japan', category: 'place', region: 'korea', cues: ['獨島'], explain: { zh: '說明。', en: 'Note.' } },
    ].map((value, i) => ({ origin: `extra.yaml:${i + 1}`, value }));
    const { index, problems } = compileGlossary([...SAMPLE, ...extra], createChineseTools());
    expect(problems).toEqual([]);
    expect(hoverOutcome({ term: '東海', expect: ['Sea of Japan'] }, index, dictionary)).toBe('curated');
    expect(hoverOutcome({ term: '東海', expect: ['Yellow Sea'] }, index, dictionary)).toBe('wrong-gloss');
  });

  it('counts a curated mark first, and only Chinese articles', () => {
    const { index } = compileGlossary(SAMPLE, createChineseTools());
    const marked = index.entries[0]!;
    const { outcomes } = hoverCoverage(
      [
        { file: 'a.yaml', language: 'zh', terms: [{ term: marked.trad, expect: [marked.en] }, { term: '談判', expect: ['talks'], curated: false }] },
        { file: 'b.yaml', language: 'en', terms: [{ term: 'talks', expect: ['談判'] }] },
      ],
      index,
      dictionary,
    );
    expect(outcomes.map((o) => [o.term, o.outcome, o.curatedExpected])).toEqual([
      [marked.trad, 'curated', true],
      ['談判', 'dictionary', false],
    ]);
  });
});

describe('a gloss that fits', () => {
  it('has every word of one expected gloss, whatever their endings, and no more is asked', () => {
    expect(glossFits('nuclear facility / nuclear installation', ['nuclear facilities'])).toBe(true);
    expect(glossFits('to unify; to integrate', ['unification'])).toBe(true);
    expect(glossFits("North P'yong'an Province in west of North Korea", ['North Pyongan'])).toBe(true);
    expect(glossFits('to make an air raid', ['air strike', 'airstrike'])).toBe(false);
    expect(glossFits('Ministry of Finance', ['Department of the Treasury', 'Treasury'])).toBe(false);
  });
});
