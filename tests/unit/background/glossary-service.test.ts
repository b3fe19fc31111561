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
    const service = createGlossaryService({ loadBuiltIn: async () => builtIn, loadBuiltInMatch: async () => builtInMatch, loadPersonal: async () => ({ entries: [], hidden: [] }) });
    expect(await service.match()).toBe(builtInMatch);
    expect((await service.entries(['missile', 'no-such-entry'])).map((e) => e.id)).toEqual(['missile']);
  });

  it('merges the reader’s entries into what pages match and into the details they ask for', async () => {
    let personal: PersonalGlossary = { entries: [], hidden: [] };
    const service = createGlossaryService({ loadBuiltIn: async () => builtIn, loadBuiltInMatch: async () => builtInMatch, loadPersonal: async () => personal });
    const own = makePersonalEntry({ term: '韩中关系', english: 'Korea–China relations' }, tools, new Date('2026-02-01T00:00:00Z'), () => 'personal-1');
    personal = { entries: [own], hidden: ['missile'] };
    const match = await service.match();
    const matcher = createMatcher(match);
    expect(matcher.match('韓中關係與導彈').map((m) => match.ids[m.entry])).toEqual([own.id]);
    expect((await service.entries([own.id, 'missile'])).map((e) => [e.id, e.en])).toEqual([[own.id, 'Korea–China relations']]);
  });

  it("answers a page's first marks with the entries found, numbered by the ids it sends, and never with the reader's own", async () => {
    const own = makePersonalEntry({ term: '韩中关系', english: 'Korea–China relations' }, tools, new Date('2026-02-01T00:00:00Z'), () => 'personal-1');
    const service = createGlossaryService({ loadBuiltIn: async () => builtIn, loadBuiltInMatch: async () => builtInMatch, loadPersonal: async () => ({ entries: [own], hidden: [] }) });
    const texts = ['韓中關係與導彈', '沒有術語', '導彈與飛彈'];
    const { ids, found } = await service.firstMarks(texts);
    expect(ids).not.toContain(own.id);
    expect(found.map((matches, i) => matches.map((m) => [texts[i]!.slice(m.start, m.end), ids[m.entry]]))).toEqual([
      [['導彈', 'missile']],
      [],
      [
        ['導彈', 'missile'],
        ['飛彈', 'missile'],
      ],
    ]);
    expect(ids).toEqual(['missile']);
  });

  it('reads the built-in files when first needed, once each, and again after a read that failed', async () => {
    const reads: string[] = [];
    let failNext = true;
    const service = createGlossaryService({
      loadBuiltIn: async () => (reads.push('index'), builtIn),
      loadBuiltInMatch: async () => {
        reads.push('match');
        if (failNext) {
          failNext = false;
          throw new Error('the extension file did not load');
        }
        return builtInMatch;
      },
      loadPersonal: async () => ({ entries: [], hidden: [] }),
    });
    expect(reads).toEqual([]);
    await expect(service.firstMarks(['導彈'])).rejects.toThrow('did not load');
    expect((await service.firstMarks(['導彈'])).ids).toEqual(['missile']);
    await service.match();
    // A page's first marks and the match index need no more than the match file.
    expect(reads).toEqual(['match', 'match']);
    await service.entries(['missile']);
    await service.entries(['icbm']);
    expect(reads).toEqual(['match', 'match', 'index']);
  });
});

