import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { createGlossaryService } from '../../../background/glossary-service';
import { compileGlossary } from '../../../utils/glossary/compile';
import { matchIndexOf } from '../../../utils/glossary/match-index';
import { makePersonalEntry, type PersonalGlossary } from '../../../utils/glossary/personal-entry';
import { createMatcher } from '../../../utils/glossary/matcher';
import { SAMPLE } from '../glossary/sample-records';

const tools = { toSimplified: OpenCC.Converter({ from: 'tw', to: 'cn' }), toTraditional: OpenCC.Converter({ from: 'cn', to: 'tw' }) };
const builtIn = compileGlossary(SAMPLE, { ...tools, readings: () => [], pinyin: () => [] }).index;
const builtInMatch = matchIndexOf(builtIn);

describe('the background glossary service', () => {
  it('serves the match index made at build time while the reader has no entries of their own', async () => {
    const service = createGlossaryService({ builtIn, builtInMatch, loadPersonal: async () => ({ entries: [], hidden: [] }) });
    expect(await service.match()).toBe(builtInMatch);
    expect((await service.entries(['missile', 'no-such-entry'])).map((e) => e.id)).toEqual(['missile']);
  });

  it('merges the reader’s entries into what pages match and into the details they ask for', async () => {
    let personal: PersonalGlossary = { entries: [], hidden: [] };
    const service = createGlossaryService({ builtIn, builtInMatch, loadPersonal: async () => personal });
    const own = makePersonalEntry({ term: '韩中关系', english: 'Korea–China relations' }, tools, new Date('2026-02-01T00:00:00Z'), () => 'personal-1');
    personal = { entries: [own], hidden: ['missile'] };
    const match = await service.match();
    const matcher = createMatcher(match);
    expect(matcher.match('韓中關係與導彈').map((m) => match.ids[m.entry])).toEqual([own.id]);
    expect((await service.entries([own.id, 'missile'])).map((e) => [e.id, e.en])).toEqual([[own.id, 'Korea–China relations']]);
  });
});
