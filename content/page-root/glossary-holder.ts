import { createListeners } from './listeners';
import { createFoldTable, type FoldTable } from '../../utils/glossary/fold';
import { matchIndexOf, type MatchIndex } from '../../utils/glossary/match-index';
import type { CompiledEntry, GlossaryIndex } from '../../utils/glossary/types';

export interface GlossaryHolderOptions {
  /** The background's glossary/match: what marking needs. */
  loadMatch: () => Promise<MatchIndex>;
  /** The background's glossary/entries: the card's details of these ids. */
  loadEntries: (ids: string[]) => Promise<CompiledEntry[]>;
  onError: (error: unknown) => void;
}

export interface GlossaryHolder {
  /** What the matcher is built from; replaced when the reader's own entries change. */
  readonly match: MatchIndex;
  /** The fold table of `match` (anchoring compares folded text). */
  readonly foldTable: FoldTable;
  /** The details fetched so far, by id; the same map for the page's whole life. */
  readonly entries: ReadonlyMap<string, CompiledEntry>;
  /** Fetches the details of these entries (ids or indexes into `match.ids`) not held yet. */
  want(ids: Iterable<string | number>): Promise<void>;
  /** Asks for the glossary again (the reader's own entries changed); listeners hear "match". */
  reload(): Promise<void>;
  /** "match": a new glossary to mark with; "entries": more details arrived. */
  onChange(listener: (what: 'match' | 'entries') => void): () => void;
}

/**
 * The page's one glossary: marking, the card, inline glosses and anchoring all read it here.
 * The page gets the match data first and the details of the terms it found after marking.
 */
export async function createGlossaryHolder(options: GlossaryHolderOptions): Promise<GlossaryHolder> {
  let match = await options.loadMatch();
  let foldTable = createFoldTable(match.fold);
  const entries = new Map<string, CompiledEntry>();
  const asked = new Set<string>();
  const listeners = createListeners<['match' | 'entries']>(options.onError);
  const tell = listeners.tell;
  let generation = 0;
  return {
    get match() {
      return match;
    },
    get foldTable() {
      return foldTable;
    },
    entries,
    async want(ids) {
      const missing: string[] = [];
      for (const key of ids) {
        const id = typeof key === 'number' ? match.ids[key] : key;
        if (id === undefined || asked.has(id)) continue;
        asked.add(id);
        missing.push(id);
      }
      if (!missing.length) return;
      const mine = generation;
      try {
        const found = await options.loadEntries(missing);
        // Details of a glossary replaced meanwhile are asked for again by the marking that follows.
        if (mine !== generation) return;
        for (const entry of found) entries.set(entry.id, entry);
        tell('entries');
      } catch (error) {
        for (const id of missing) asked.delete(id);
        throw error;
      }
    },
    async reload() {
      const next = await options.loadMatch();
      generation++;
      match = next;
      foldTable = createFoldTable(next.fold);
      entries.clear();
      asked.clear();
      tell('match');
    },
    onChange: listeners.add,
  };
}

/** A holder of a glossary already whole in this context (the PDF reader page asks for all of it). */
export function holdWholeGlossary(index: GlossaryIndex): Promise<GlossaryHolder> {
  const byId = new Map(index.entries.map((e) => [e.id, e]));
  return createGlossaryHolder({
    loadMatch: async () => matchIndexOf(index),
    loadEntries: async (ids) => ids.flatMap((id) => byId.get(id) ?? []),
    onError: (error) => console.error('Prospect Reader: a glossary listener failed', error),
  });
}
