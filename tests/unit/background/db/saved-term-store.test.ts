import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProspectDb } from '../../../../background/db/database';
import { addSavedTerm, listSavedTerms } from '../../../../background/db/saved-term-store';
import { ARTICLE_EN, freshDb, makeTerm } from '../../records';

let db: ProspectDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

describe('saved-term store', () => {
  it('adds a term and skips the same term from the same sentence of the same article', async () => {
    const term = makeTerm();
    expect(await addSavedTerm(db, term)).toStrictEqual({ added: true, term });
    const again = makeTerm(); // another id, same term, article and sentence
    expect(await addSavedTerm(db, again)).toStrictEqual({ added: false, term });
    expect(await db.savedTerms.count()).toBe(1);
  });

  it('keeps the same term from another sentence or another article', async () => {
    await addSavedTerm(db, makeTerm());
    expect((await addSavedTerm(db, makeTerm({ sentence: '另一句。' }))).added).toBe(true);
    expect((await addSavedTerm(db, makeTerm({ articleUrl: ARTICLE_EN }))).added).toBe(true);
    expect(await db.savedTerms.count()).toBe(3);
  });

  it('lists oldest first, optionally by article', async () => {
    const late = makeTerm({ created: '2024-05-03T00:00:00Z', sentence: '3' });
    const early = makeTerm({ created: '2024-05-01T00:00:00Z', sentence: '1' });
    const other = makeTerm({ created: '2024-05-02T00:00:00+08:00', articleUrl: ARTICLE_EN });
    for (const t of [late, early, other]) await addSavedTerm(db, t);
    expect((await listSavedTerms(db)).map((t) => t.id)).toEqual([early.id, other.id, late.id]);
    expect((await listSavedTerms(db, { articleUrl: ARTICLE_EN })).map((t) => t.id)).toEqual([other.id]);
  });
});
