import { describe, expect, it } from 'vitest';
import type { CompiledEntry } from '../../../../utils/glossary/types';
import { applyGlosses, glossText, nextGlossMode, selectGlosses } from '../../../../content/inline-gloss/inline-gloss';
import { htmlDocument } from '../../fixture-dom';

const entry = (id: string, category: CompiledEntry['category'], en: string, trad: string, simp: string): CompiledEntry => ({
  id, trad, simp, en, category, mainland: [], pinyin: '', region: 'korea', explainZh: '', explainEn: '',
});
const entries = new Map(
  [
    entry('nk', 'place', 'North Korea', '北韓', '北韩'),
    entry('icbm', 'military', 'ICBM', '洲際彈道飛彈', '洲际弹道飞弹'),
    entry('mine', undefined, 'my own term', '自訂', '自订'),
    { ...entry('personal-1', 'politics', 'a reader\'s private gloss', '私註', '私注'), personal: true as const },
  ].map((e) => [e.id, e]),
);
const ids = ['nk', 'icbm', 'nk', 'unknown', 'icbm', 'mine', 'personal-1'];
const en = (list: (CompiledEntry | null)[]) => list.map((e) => e?.en ?? null);

describe('selectGlosses', () => {
  it('glosses every known mark at level "all"', () => {
    expect(en(selectGlosses(ids, entries, { mode: 'after', level: 'all', categories: [] }))).toEqual([
      'North Korea', 'ICBM', 'North Korea', null, 'ICBM', 'my own term', null,
    ]);
  });

  it('glosses only each term’s first mark at level "first"', () => {
    expect(en(selectGlosses(ids, entries, { mode: 'ruby', level: 'first', categories: [] }))).toEqual([
      'North Korea', 'ICBM', null, null, null, 'my own term', null,
    ]);
  });

  it('glosses only the chosen categories, and never an entry without one', () => {
    expect(en(selectGlosses(ids, entries, { mode: 'ruby', level: 'categories', categories: ['military'] }))).toEqual([
      null, 'ICBM', null, null, 'ICBM', null, null,
    ]);
  });

  it('never glosses the reader\'s own entries: a gloss is an attribute the page can read', () => {
    expect(en(selectGlosses(['personal-1'], entries, { mode: 'after', level: 'categories', categories: ['politics'] }))).toEqual([null]);
  });

  it('glosses nothing when glosses are off', () => {
    expect(selectGlosses(ids, entries, { mode: 'off', level: 'all', categories: [] }).every((e) => e === null)).toBe(true);
  });
});

describe('applyGlosses', () => {
  it('puts the gloss in attributes only, so the text is unchanged, and takes it away again', () => {
    const doc = htmlDocument(
      '<article><p>今年<pr-term data-term-id="nk">北韓</pr-term>試射<pr-term data-term-id="icbm">洲際彈道飛彈</pr-term>，<pr-term data-term-id="nk">北韓</pr-term></p></article>',
    );
    const root = doc.querySelector('article')!;
    const text = root.textContent;
    const target = { root, entries, pageLang: 'zh' as const, script: 'traditional' as const };
    expect(applyGlosses(target, { mode: 'after', level: 'first', categories: [] })).toBe(2);
    const marks = [...root.querySelectorAll('pr-term')];
    expect(marks.map((m) => m.getAttribute('data-pr-gloss'))).toEqual(['North Korea', 'ICBM', null]);
    expect(marks[0]!.getAttribute('data-pr-gloss-mode')).toBe('after');
    expect(root.textContent).toBe(text);
    expect(applyGlosses(target, { mode: 'off', level: 'first', categories: [] })).toBe(0);
    expect(root.querySelectorAll('[data-pr-gloss], [data-pr-gloss-mode]').length).toBe(0);
  });

  it('shows the Chinese on English pages, in the reader’s script', () => {
    const nk = entries.get('nk')!;
    expect(glossText(nk, 'zh', 'simplified')).toBe('North Korea');
    expect(glossText(nk, 'en', 'traditional')).toBe('北韓');
    expect(glossText(nk, 'en', 'simplified')).toBe('北韩');
  });

  it('cycles the mode off → ruby → after → off for the shortcut', () => {
    expect([nextGlossMode('off'), nextGlossMode('ruby'), nextGlossMode('after')]).toEqual(['ruby', 'after', 'off']);
  });
});
