import { matchIndexOf, type MatchIndex } from '../utils/glossary/match-index';
import { mergePersonalGlossary } from '../utils/glossary/personal-merge';
import type { PersonalGlossary } from '../utils/glossary/personal-entry';
import type { CompiledEntry, GlossaryIndex } from '../utils/glossary/types';

export interface GlossaryService {
  /** The whole glossary, the reader's own entries merged in (extension pages, the PDF reader). */
  index(): Promise<GlossaryIndex>;
  /** What a page needs to find terms; the built-in one was made at build time. */
  match(): Promise<MatchIndex>;
  /** The card's details of these entries; an id not in the glossary (any more) is left out. */
  entries(ids: readonly string[]): Promise<CompiledEntry[]>;
}

export interface GlossaryServiceOptions {
  builtIn: GlossaryIndex;
  builtInMatch: MatchIndex;
  /** Read afresh on each request, so a tab asking right after the options page saved gets the new entries. */
  loadPersonal: () => Promise<PersonalGlossary>;
}

interface Merged {
  key: string;
  index: GlossaryIndex;
  byId: Map<string, CompiledEntry>;
  match?: MatchIndex;
}

/** The background's glossary: the built-in index and the reader's own entries, merged once per change of them. */
export function createGlossaryService({ builtIn, builtInMatch, loadPersonal }: GlossaryServiceOptions): GlossaryService {
  let last: Merged | undefined;
  const merged = async (): Promise<Merged> => {
    const personal = await loadPersonal();
    const key = JSON.stringify(personal);
    if (last?.key === key) return last;
    const index = mergePersonalGlossary(builtIn, personal);
    last = { key, index, byId: new Map(index.entries.map((e) => [e.id, e])) };
    // With no entries of the reader's, the page gets the match index made at build time.
    if (index === builtIn) last.match = builtInMatch;
    return last;
  };
  return {
    index: async () => (await merged()).index,
    async match() {
      const current = await merged();
      current.match ??= matchIndexOf(current.index);
      return current.match;
    },
    async entries(ids) {
      const { byId } = await merged();
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
  };
}
