import type { SavedTerm } from '../../utils/highlights/types';
import type { ProspectDb } from './database';
import { guarded } from './store-error';

export interface SavedTermResult {
  /** False when the same term from the same sentence of the same article was already saved. */
  added: boolean;
  /** The stored record: the new one, or the one saved before. */
  term: SavedTerm;
}

/** Saves a glossary term with its sentence, unless that term from that sentence is already saved. */
export function addSavedTerm(db: ProspectDb, term: SavedTerm): Promise<SavedTermResult> {
  return guarded(() =>
    db.transaction('rw', db.savedTerms, async () => {
      const existing = await findSameTerm(db, term);
      if (existing) return { added: false, term: existing };
      await db.savedTerms.add(term);
      return { added: true, term };
    }),
  );
}

/** The saved record with the same term, article and sentence, if any. */
export function findSameTerm(db: ProspectDb, term: SavedTerm): Promise<SavedTerm | undefined> {
  return db.savedTerms
    .where('[termId+articleUrl]')
    .equals([term.termId, term.articleUrl])
    .filter((saved) => saved.sentence === term.sentence)
    .first();
}

/** Saved terms, oldest first (the order they were learnt), optionally from one article. */
export function listSavedTerms(db: ProspectDb, filter: { articleUrl?: string } = {}): Promise<SavedTerm[]> {
  return guarded(async () => {
    const found =
      filter.articleUrl === undefined
        ? await db.savedTerms.toArray()
        : await db.savedTerms.where('articleUrl').equals(filter.articleUrl).toArray();
    // Compared as instants: timestamps may carry different offsets.
    return found.sort((a, b) => Date.parse(a.created) - Date.parse(b.created));
  });
}
