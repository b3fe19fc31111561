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
        ['秘書長', '秘书长', 'mi4 shu1 zhang3', ['secretary-general'], [], []],
        ['的', '的', 'de5', ['of; ~\'s (possessive particle)'], [], []],
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
  it("tells a dictionary word, a phrase its card's line explains, a partial word, a wrong gloss and nothing apart", async () => {
    const { index } = compileGlossary(SAMPLE, createChineseTools());
    expect(await hoverOutcome({ term: '談判', expect: ['negotiation'] }, index, dictionary)).toBe('dictionary');
    expect(await hoverOutcome({ term: '停火協議', expect: ['ceasefire agreement'] }, index, dictionary)).toBe('following');
    expect(await hoverOutcome({ term: '聯合政府', expect: ['coalition government'] }, index, dictionary)).toBe('partial-word');
    expect(await hoverOutcome({ term: '空襲', expect: ['airstrike'] }, index, dictionary)).toBe('wrong-gloss');
    expect(await hoverOutcome({ term: '甲乙', expect: ['x'] }, index, dictionary)).toBe('none');
  });

  it('counts the "Followed by" line for two words after the first, and hovers in turn past that', async () => {
    const { index } = compileGlossary(SAMPLE, createChineseTools());
    expect(await hoverOutcome({ term: '停火協議談判', expect: ['ceasefire agreement negotiation'] }, index, dictionary)).toBe('following');
    expect(await hoverOutcome({ term: '聯合停火協議談判', expect: ['combine ceasefire agreement negotiation'] }, index, dictionary)).toBe('by-parts');
    // The line stops at a particle: the phrase has ended there.
    expect(await hoverOutcome({ term: '停火的協議', expect: ['ceasefire agreement'] }, index, dictionary)).toBe('by-parts');
    // A curated mark on the term's start opens its card, and the line continues after the mark.
    expect(await hoverOutcome({ term: '北約秘書長', expect: ['NATO secretary-general'] }, index, dictionary)).toBe('following');
    expect(await hoverOutcome({ term: '北約秘書長', expect: ['North Atlantic Treaty Organization secretary'] }, index, dictionary)).toBe('following');
    expect(await hoverOutcome({ term: '北約秘書長', expect: ['Warsaw Pact secretary-general'] }, index, dictionary)).toBe('partial-word');
  });

  it("counts what the curated card shows: its English, and the dictionary's section when only that gives the gloss", async () => {
    const { index } = compileGlossary(SAMPLE, createChineseTools());
    expect(await hoverOutcome({ term: '北約', expect: ['NATO'] }, index, dictionary)).toBe('curated');
    expect(await hoverOutcome({ term: '北約', expect: ['North Atlantic Treaty Organization'] }, index, dictionary)).toBe('curated-card-dictionary');
    expect(await hoverOutcome({ term: '北約', expect: ['Warsaw Pact'] }, index, dictionary)).toBe('wrong-gloss');
  });

  it('counts only what the card shows: two dictionary entries, three senses each, for the word whole', async () => {
    const { index } = compileGlossary(SAMPLE, createChineseTools());
    // The third reading has the gloss, and the curated card shows two.
    expect(await hoverOutcome({ term: '北韓', expect: ["Democratic People's Republic of Korea"] }, index, dictionary)).toBe('wrong-gloss');
    expect(await hoverOutcome({ term: '北韓', expect: ['northern Han'] }, index, dictionary)).toBe('curated-card-dictionary');
    // The fourth sense is behind "All n senses".
    expect(await hoverOutcome({ term: '無核化', expect: ['nuclear-free'] }, index, dictionary)).toBe('curated-card-dictionary');
    expect(await hoverOutcome({ term: '無核化', expect: ['weapons-free zone'] }, index, dictionary)).toBe('wrong-gloss');
    // The Mainland form is looked up as written, and the dictionary has no 导弹 here.
    expect(await hoverOutcome({ term: '导弹', expect: ['missile'] }, index, dictionary)).toBe('curated');
    expect(await hoverOutcome({ term: '北韓', expect: ['North Korea'] }, index, dictionary)).toBe('curated');
    expect(await hoverOutcome({ term: '朝鲜', expect: ['northern Han'] }, index, dictionary)).toBe('wrong-gloss');
  });

  it("counts a shared form's other senses, which its card shows", async () => {
    const extra = [
      { id: 'east-china-sea', zh: '東海', en: 'East China Sea', category: 'place', region: 'us-china', cues: ['釣魚臺'], explain: { zh: '說明。', en: 'Note.' } },
      { id: 'sea-of-japan', zh: '日本海', zhAliases: ['東海'], en: 'Sea of Japan', category: 'place', region: 'korea', cues: ['獨島'], explain: { zh: '說明。', en: 'Note.' } },
    ].map((value, i) => ({ origin: `extra.yaml:${i + 1}`, value }));
    const { index, problems } = compileGlossary([...SAMPLE, ...extra], createChineseTools());
    expect(problems).toEqual([]);
    expect(await hoverOutcome({ term: '東海', expect: ['Sea of Japan'] }, index, dictionary)).toBe('curated');
    expect(await hoverOutcome({ term: '東海', expect: ['Yellow Sea'] }, index, dictionary)).toBe('wrong-gloss');
  });

  it('counts a curated mark first, and only Chinese articles', async () => {
    const { index } = compileGlossary(SAMPLE, createChineseTools());
    const marked = index.entries[0]!;
    const { outcomes } = await hoverCoverage(
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
  it('has every word of one expected gloss, whatever their endings, and no more is asked', async () => {
    expect(glossFits('nuclear facility / nuclear installation', ['nuclear facilities'])).toBe(true);
    expect(glossFits('to unify; to integrate', ['unification'])).toBe(true);
    expect(glossFits("North P'yong'an Province in west of North Korea", ['North Pyongan'])).toBe(true);
    expect(glossFits('to make an air raid', ['air strike', 'airstrike'])).toBe(false);
    expect(glossFits('Ministry of Finance', ['Department of the Treasury', 'Treasury'])).toBe(false);
  });
});
