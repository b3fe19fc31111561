import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { compileGlossary } from '../../../utils/glossary/compile';
import {
  makePersonalEntry,
  upsertPersonalEntry,
  validatePersonalFields,
  type PersonalEntry,
  type PersonalFields,
} from '../../../utils/glossary/personal-entry';
import { mergePersonalGlossary } from '../../../utils/glossary/personal-merge';
import { normalizePersonalGlossary } from '../../../utils/glossary/personal-storage';
import { createMatcher } from '../../../utils/glossary/matcher';
import { SAMPLE } from './sample-records';

const tools = {
  toSimplified: OpenCC.Converter({ from: 'tw', to: 'cn' }),
  toTraditional: OpenCC.Converter({ from: 'cn', to: 'tw' }),
};
// The sample needs readings only for its explicit pinyin; an empty list accepts any.
const builtIn = compileGlossary(SAMPLE, { ...tools, readings: () => [], pinyin: () => [] }).index;
let serial = 0;
const env = { tools, now: new Date('2026-02-01T00:00:00Z'), newId: () => `id${++serial}` };
const entry = (fields: PersonalFields): PersonalEntry => makePersonalEntry(fields, tools, env.now, env.newId);

/** The ids marked in `text`, in order. */
function marks(index: ReturnType<typeof mergePersonalGlossary>, text: string): string[] {
  return createMatcher(index).match(text).map((m) => index.entries[m.entry]!.id);
}

describe('validatePersonalFields', () => {
  it('tidies and keeps the optional fields given', () => {
    expect(validatePersonalFields({ term: ' 韩中 关系 ', english: 'Korea–China\nrelations', category: 'Diplomacy', pinyin: '' })).toEqual({
      ok: false,
      problems: [{ field: 'english', code: 'control-characters' }],
    });
    expect(validatePersonalFields({ term: ' 韩中关系 ', english: ' Korea–China  relations ', category: 'Diplomacy', pinyin: '', explanation: 'Line one.\r\nLine two 🇰🇷.' })).toEqual({
      ok: true,
      fields: { term: '韩中关系', english: 'Korea–China relations', category: 'diplomacy', explanation: 'Line one.\nLine two 🇰🇷.' },
    });
  });

  it('reports every problem: missing, not Chinese, too long, unknown category, junk', () => {
    expect(validatePersonalFields({ term: '', english: '' }).ok).toBe(false);
    const result = validatePersonalFields({ term: 'Quad', english: 'x'.repeat(201), category: 'aliens', pinyin: 'a\u0000b' });
    expect(result).toEqual({
      ok: false,
      problems: [
        { field: 'english', code: 'too-long', max: 200 },
        { field: 'pinyin', code: 'control-characters' },
        { field: 'term', code: 'not-chinese' },
        { field: 'category', code: 'unknown-category', value: 'aliens' },
      ],
    });
    expect(validatePersonalFields({ term: '韓', english: 'Korea' })).toEqual({ ok: false, problems: [{ field: 'term', code: 'too-short' }] });
    expect(validatePersonalFields({ term: '韓\uFFFD', english: 'x' }).ok).toBe(false);
  });
});

describe('makePersonalEntry', () => {
  it('derives Traditional from a term typed in Simplified, and the reverse', () => {
    const simp = entry({ term: '韩中关系', english: 'Korea–China relations' });
    expect(simp).toMatchObject({ trad: '韓中關係', simp: '韩中关系', id: expect.stringMatching(/^personal-/) });
    expect(simp.forms).toEqual(expect.arrayContaining(['韩中关系', '韓中關係']));
    const trad = entry({ term: '韓中關係', english: 'Korea–China relations' });
    expect(trad).toMatchObject({ trad: '韓中關係', simp: '韩中关系' });
  });
});

describe('mergePersonalGlossary', () => {
  it('returns the built-in index itself when there is nothing personal', () => {
    expect(mergePersonalGlossary(builtIn, { entries: [], hidden: [] })).toBe(builtIn);
  });

  it('finds an entry typed in Simplified on a Traditional page, and in Simplified text', () => {
    const merged = mergePersonalGlossary(builtIn, { entries: [entry({ term: '韩中关系', english: 'Korea–China relations' })], hidden: [] });
    const id = merged.entries.at(-1)!.id;
    expect(merged.entries.at(-1)).toMatchObject({ en: 'Korea–China relations', personal: true, trad: '韓中關係' });
    expect(marks(merged, '重視韓中關係與北約')).toEqual([id, 'nato']);
    expect(marks(merged, '重视韩中关系')).toEqual([id]);
    expect(marks(builtIn, '重視韓中關係')).toEqual([]);
  });

  it("lets the reader's entry win over a built-in one with the same term", () => {
    const mine = entry({ term: '北约', english: 'the Atlantic alliance', category: 'diplomacy' });
    const merged = mergePersonalGlossary(builtIn, { entries: [mine], hidden: [] });
    expect(merged.entries.some((e) => e.id === 'nato')).toBe(false);
    expect(marks(merged, '北約與北约')).toEqual([mine.id, mine.id]);
    // The built-in entry's English alias goes with it.
    expect(marks(merged, 'NATO')).toEqual([]);
    // Other built-in entries keep working after the renumbering.
    expect(marks(merged, '北韓與飛彈')).toEqual(['korea-north', 'missile']);
  });

  it('does not match hidden built-in entries, and keeps the rest', () => {
    const merged = mergePersonalGlossary(builtIn, { entries: [], hidden: ['missile', 'nato'] });
    expect(marks(merged, '飛彈、彈道飛彈、北約、臺北')).toEqual(['ballistic-missile', 'taipei']);
    expect(merged.entries.map((e) => e.id)).not.toContain('missile');
  });
});

describe('upsertPersonalEntry', () => {
  it('refuses a second entry for the same term in the other script, and edits in place', () => {
    const first = upsertPersonalEntry({ entries: [], hidden: [] }, { term: '韩中关系', english: 'A' }, env);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const again = upsertPersonalEntry(first.glossary, { term: '韓中關係', english: 'B' }, env);
    expect(again).toMatchObject({ ok: false, reason: 'duplicate' });
    const edited = upsertPersonalEntry(first.glossary, { term: '韓中關係', english: 'B' }, env, first.entry.id);
    expect(edited.ok && edited.glossary.entries).toEqual([expect.objectContaining({ id: first.entry.id, english: 'B', created: first.entry.created })]);
  });
});

describe('normalizePersonalGlossary', () => {
  it('drops a corrupted entry alone and keeps the others', () => {
    const good = entry({ term: '韩中关系', english: 'Korea–China relations' });
    const stored = { entries: [good, { ...good, id: 'nato' }, { ...good, id: 'personal-x', term: 42 }, 'junk'], hidden: ['missile', 7] };
    expect(normalizePersonalGlossary(stored)).toEqual({ entries: [good], hidden: ['missile'] });
    expect(normalizePersonalGlossary('garbage')).toEqual({ entries: [], hidden: [] });
  });
});
