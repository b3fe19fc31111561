import { describe, expect, it } from 'vitest';
import { compileGlossary, type RawRecord } from '../../../utils/glossary/compile';
import { countSentences } from '../../../utils/glossary/entry-checks';
import { matchIndexOf } from '../../../utils/glossary/match-index';
import { createChineseTools } from '../../../scripts/glossary-sources';
import { SAMPLE } from './sample-records';

const tools = createChineseTools();
const base = { id: 'x', zh: '川普', en: 'Donald Trump', category: 'politics', region: 'korea', explain: { zh: '說明。', en: 'An explanation.' } };
const problemsOf = (...values: object[]) =>
  compileGlossary(values.map((value, i) => ({ origin: `t.yaml:${i}`, value }) as RawRecord), tools).problems.map((p) => p.message);

describe('compileGlossary', () => {
  it('derives the Simplified form and pinyin, and folds both scripts to one pattern', () => {
    const { index, problems } = compileGlossary(SAMPLE, tools);
    expect(problems).toEqual([]);
    const ban = index.entries.find((e) => e.id === 'hallyu-ban')!;
    expect(ban.simp).toBe('限韩令');
    expect(index.entries.find((e) => e.id === 'trump')!.pinyin).toBe('chuān pǔ');
    const patterns = index.patterns.filter(([, entry]) => index.entries[entry]?.id === 'missile').map(([p]) => p);
    expect(patterns).toContain('飞弹');
    expect(patterns).toContain('导弹');
    expect(patterns).not.toContain('飛彈');
  });

  it('keeps the capitals of acronyms as the accepted spellings', () => {
    const { index } = compileGlossary(SAMPLE, tools);
    expect(index.patterns.find(([p]) => p === 'icbms')).toEqual(['icbms', expect.any(Number), 1, ['ICBMs']]);
    expect(index.patterns.find(([p]) => p === 'denuclearization')).toEqual(['denuclearization', expect.any(Number), 1]);
  });

  it('leaves out of the match index only the spellings any case fits', () => {
    const exactOf = (...en: string[]) => {
      const { index } = compileGlossary([{ origin: 't.yaml:0', value: { ...base, enAliases: en } }] as RawRecord[], tools);
      const match = matchIndexOf(index);
      const forms = match.forms.split('\n');
      return Object.fromEntries(match.latin.map(([i, ...exact]) => [forms[i], exact]));
    };
    expect(exactOf('Democratic Progressive Party', 'US Senate', 'F-16', 'Taiwan')).toEqual({
      'democratic progressive party': [],
      'us senate': ['US Senate'],
      'u.s. senate': ['U.S. Senate'],
      'f-16': ['F-16'],
      taiwan: ['Taiwan'],
    });
  });

  it('turns notWithin into a blocker pattern', () => {
    const { index } = compileGlossary(SAMPLE, tools);
    expect(index.patterns.find(([p]) => p === '南北韩')?.[1]).toBe(-1);
  });

  it('reports a missing field, a wrong category and a malformed id, naming the record', () => {
    const { problems } = compileGlossary([{ origin: 'a.yaml:3', value: { id: 'Bad Id', zh: '北韓', category: 'weather' } }], tools);
    const text = problems.map((p) => `${p.origin} ${p.message}`).join('\n');
    expect(text).toMatch(/a\.yaml:3 id: id must be kebab-case/);
    expect(text).toMatch(/en: /);
    expect(text).toMatch(/category must be one of/);
    expect(text).toMatch(/explain/);
  });

  it('refuses a built-in id with the prefix of the reader\'s own entries', () => {
    const { problems } = compileGlossary([{ origin: 'a.yaml:9', value: { id: 'personal-letter', zh: '親筆信', en: 'letter', category: 'diplomacy', region: 'global', explain: { zh: '信', en: 'a letter' } } }], tools);
    expect(problems.map((p) => `${p.origin} ${p.message}`).join('\n')).toMatch(/a\.yaml:9 id: id must not start with personal-/);
  });

  it('refuses an alias claimed by two entries and a reused id', () => {
    expect(problemsOf(base, { ...base, id: 'y', zh: '川普總統', zhAliases: ['川普'] })).toEqual([
      expect.stringMatching(/"川普" is claimed by x/),
    ]);
    expect(problemsOf(base, { ...base, zh: '北約', pinyin: 'běi yuē' })).toEqual([expect.stringMatching(/id "x" is used again/)]);
  });

  it('checks a Simplified override against opencc and asks for a reason', () => {
    expect(problemsOf({ ...base, zh: '韓國', simplified: '韩国', pinyin: 'hán guó' })).toEqual([
      expect.stringMatching(/what opencc derives anyway/),
    ]);
    expect(problemsOf({ ...base, simplified: '川谱' })).toEqual([expect.stringMatching(/add simplifiedReason/)]);
    expect(problemsOf({ ...base, simplified: '川普总', simplifiedReason: 'deliberate' })).toEqual([
      expect.stringMatching(/different numbers of characters/),
    ]);
  });

  it('demands pinyin for polyphones and checks every syllable against the readings', () => {
    expect(problemsOf({ ...base, zh: '北韓' })).toEqual([expect.stringMatching(/北 has several readings/)]);
    expect(problemsOf({ ...base, zh: '北韓', pinyin: 'běi hán' })).toEqual([]);
    expect(problemsOf({ ...base, zh: '北韓', pinyin: 'bēi hán' })).toEqual([expect.stringMatching(/check the tone/)]);
    expect(problemsOf({ ...base, zh: '北韓', pinyin: 'běi' })).toEqual([expect.stringMatching(/1 syllables for 2/)]);
    expect(problemsOf({ ...base, pinyin: 'chuān mìng' })).toEqual([expect.stringMatching(/not a reading of 普/)]);
  });

  it('limits explanations to two sentences and keeps English free of Chinese', () => {
    expect(problemsOf({ ...base, explain: { zh: '一。二。三。', en: 'One.' } })).toEqual([
      expect.stringMatching(/explain.zh has 3 sentences/),
    ]);
    expect(problemsOf({ ...base, explain: { zh: '一。', en: 'One. Two. Three.' } })).toEqual([
      expect.stringMatching(/explain.en has 3 sentences/),
    ]);
    expect(problemsOf({ ...base, en: '川普 Trump' })).toEqual([expect.stringMatching(/en must be English/)]);
    expect(problemsOf({ ...base, mainland: ['特朗普總統'] })).toEqual([expect.stringMatching(/not in Simplified/)]);
    expect(problemsOf({ ...base, notWithin: ['北約峰會'] })).toEqual([expect.stringMatching(/does not contain the term/)]);
  });

  it('refuses a person entry without the day it was checked or without the years of the post', () => {
    const person = { ...base, category: 'person', explain: { zh: '2025 年 1 月起任美國總統。', en: 'President of the United States since January 2025.' } };
    expect(problemsOf({ ...person, checked: '2026-11-02' })).toEqual([]);
    expect(problemsOf(person)).toEqual([expect.stringMatching(/person entry needs checked/)]);
    expect(problemsOf({ ...person, checked: '2026-11-02', explain: { zh: '美國總統。', en: 'President of the United States.' } })).toEqual([
      expect.stringMatching(/explain.zh of a person must give the years/),
      expect.stringMatching(/explain.en of a person must give the years/),
    ]);
    expect(problemsOf({ ...person, checked: '2026-13-02' })).toEqual([expect.stringMatching(/checked must be a date/)]);
    // A missing date refuses the glossary but keeps the entry, so figures stay comparable.
    const { index } = compileGlossary([{ origin: 't.yaml:1', value: person }], tools);
    expect(index.entries.map((e) => e.id)).toEqual(['x']);
  });

  it('carries the month an entry was checked to the card', () => {
    const { index } = compileGlossary([{ origin: 't.yaml:1', value: { ...base, checked: '2026-03-15' } }], tools);
    expect(index.entries[0]!.checked).toBe('2026-03');
  });

  it('compiles context rules with their tokens expanded and folded like page text', () => {
    const { index, problems } = compileGlossary(
      [{ origin: 't.yaml:1', value: { ...base, zh: '北約', pinyin: 'běi yuē', unless: [{ before: ['以'], after: ['<number>'] }, { after: ['個人'] }] } }],
      tools,
    );
    expect(problems).toEqual([]);
    const [first, second] = index.entries[0]!.context!.unless!;
    expect(first![0]).toEqual(['以']);
    expect(first![1]).toEqual(expect.arrayContaining(['1', '三', '万']));
    expect(second).toEqual([[], ['个人']]);
  });

  it('checks the rules: a side must be given, a token must be known', () => {
    expect(problemsOf({ ...base, unless: [{}] })).toEqual([expect.stringMatching(/a rule needs before or after/)]);
    expect(problemsOf({ ...base, unless: [{ after: ['<numeral>'] }] })).toEqual([expect.stringMatching(/"<numeral>" is not <number>/)]);
    expect(problemsOf({ ...base, notInName: 'yes' })).toEqual([expect.stringMatching(/notInName/)]);
  });

  it('lets two entries share a form only when both give cues, and records the senses on the first', () => {
    const sea = { ...base, zh: '東海', pinyin: 'dōng hǎi', category: 'place' };
    const japan = { ...sea, id: 'y', zh: '日本海', pinyin: undefined, zhAliases: ['東海'] };
    expect(problemsOf(sea, japan)[0]).toMatch(/"東海" is claimed by x.*both give cues/);
    expect(problemsOf({ ...sea, cues: ['中國'] }, japan)[0]).toMatch(/claimed by x/);
    const { index, problems } = compileGlossary(
      [{ ...sea, cues: ['中國'] }, { ...japan, cues: ['韓國'] }].map((value, i) => ({ origin: `t.yaml:${i}`, value })),
      tools,
    );
    expect(problems).toEqual([]);
    expect(index.entries[0]!.context).toEqual({ cues: ['中国'], senses: { 东海: ['y'] } });
    expect(index.entries[1]!.context).toEqual({ cues: ['韩国'] });
  });

  it('derives the country forms of English names, and a written alias wins over a derived one', () => {
    const guard = { ...base, zh: '中國海警', pinyin: 'zhōng guó hǎi jǐng', en: 'China Coast Guard', enAliases: ['China Coast Guard'] };
    const { index, problems } = compileGlossary(
      [guard, { ...base, id: 'y', zh: '海警', pinyin: 'hǎi jǐng', en: 'coast guard', enAliases: ['Chinese Coast Guard'] }].map((value, i) => ({ origin: `t.yaml:${i}`, value })),
      tools,
    );
    expect(problems).toEqual([]);
    const owner = (form: string) => index.entries[index.patterns.find(([p]) => p === form)![1]]!.id;
    expect(owner("china's coast guard")).toBe('x');
    expect(owner('chinese coast guard')).toBe('y');
  });

  it('passes a YAML reader\'s message on as it is, once', () => {
    const { problems } = compileGlossary([{ origin: 'place.yaml:695', value: { yamlError: 'Map keys must be unique at line 695' } }], tools);
    expect(problems).toEqual([{ origin: 'place.yaml:695', message: 'Map keys must be unique at line 695' }]);
  });

  it('counts sentences the way the explanations are written', () => {
    expect(countSentences('A US system. It intercepts missiles in the 2010s.', 'en')).toBe(2);
    expect(countSentences('Signed in 1953 by the US and the ROK', 'en')).toBe(1);
    expect(countSentences('美國的系統，用於攔截。2017 年部署於南韓', 'zh')).toBe(2);
  });
});
