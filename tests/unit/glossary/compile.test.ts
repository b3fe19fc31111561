import { describe, expect, it } from 'vitest';
import { compileGlossary, type RawRecord } from '../../../utils/glossary/compile';
import { countSentences } from '../../../utils/glossary/entry-checks';
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

  it('counts sentences the way the explanations are written', () => {
    expect(countSentences('A US system. It intercepts missiles in the 2010s.', 'en')).toBe(2);
    expect(countSentences('Signed in 1953 by the US and the ROK', 'en')).toBe(1);
    expect(countSentences('美國的系統，用於攔截。2017 年部署於南韓', 'zh')).toBe(2);
  });
});
