import { describe, expect, it } from 'vitest';
import { compileGlossary } from '../../../../utils/glossary/compile';
import { matchIndexOf } from '../../../../utils/glossary/match-index';
import { createChineseTools } from '../../../../scripts/glossary-sources';
import { createGlossaryHolder } from '../../../../content/page-root/glossary-holder';
import { matcherOf } from '../../../../utils/glossary/matcher';
import { SAMPLE } from '../../glossary/sample-records';

const { index } = compileGlossary(SAMPLE, createChineseTools());
const byId = new Map(index.entries.map((e) => [e.id, e]));

/** A holder over the sample glossary that records what it asked the "background" for. */
async function holder(asked: string[][], match = matchIndexOf(index)) {
  return createGlossaryHolder({
    loadMatch: async () => match,
    loadEntries: async (ids) => {
      asked.push(ids);
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
    onError: (error) => {
      throw error;
    },
  });
}

describe('the glossary holder', () => {
  it('fetches the details of the terms found, once each, and tells its listeners', async () => {
    const asked: string[][] = [];
    const glossary = await holder(asked);
    const heard: string[] = [];
    glossary.onChange((what) => heard.push(what));
    const found = matcherOf(glossary.match).match('北韓發射導彈，北韓再次發射導彈');
    await glossary.want(found.map((m) => m.entry));
    await glossary.want(['missile', 'korea-north']);
    expect(asked).toEqual([['korea-north', 'missile']]);
    expect(glossary.entries.get('missile')?.en).toBe(byId.get('missile')!.en);
    expect(heard).toEqual(['entries']);
  });

  it('starts afresh on reload: the details held are dropped and asked for again', async () => {
    const asked: string[][] = [];
    const glossary = await holder(asked);
    const heard: string[] = [];
    glossary.onChange((what) => heard.push(what));
    await glossary.want(['missile']);
    await glossary.reload();
    expect(glossary.entries.size).toBe(0);
    await glossary.want(['missile']);
    expect(asked).toEqual([['missile'], ['missile']]);
    expect(heard).toEqual(['entries', 'match', 'entries']);
  });

  it('asks again for details whose request failed', async () => {
    let fail = true;
    const glossary = await createGlossaryHolder({
      loadMatch: async () => matchIndexOf(index),
      loadEntries: async (ids) => {
        if (fail) throw new Error('the extension did not answer');
        return ids.flatMap((id) => byId.get(id) ?? []);
      },
      onError: () => undefined,
    });
    await expect(glossary.want(['missile'])).rejects.toThrow('did not answer');
    fail = false;
    await glossary.want(['missile']);
    expect(glossary.entries.has('missile')).toBe(true);
  });
});
