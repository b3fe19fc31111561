import { matchIndexOf, type MatchIndex } from '../utils/glossary/match-index';
import { matcherOf, type Matcher, type TermMatch } from '../utils/glossary/matcher';
import { mergePersonalGlossary } from '../utils/glossary/personal-merge';
import type { PersonalGlossary } from '../utils/glossary/personal-entry';
import { PERSONAL_ID_PREFIX, type CompiledEntry, type GlossaryIndex } from '../utils/glossary/types';
import type { FirstMarks } from '../utils/messaging/to-background';

export interface GlossaryService {
  /** The whole glossary, the reader's own entries merged in (extension pages, the PDF reader). */
  index(): Promise<GlossaryIndex>;
  /** What a page needs to find terms; the built-in one was made at build time. */
  match(): Promise<MatchIndex>;
  /** The card's details of these entries; an id not in the glossary (any more) is left out. */
  entries(ids: readonly string[]): Promise<CompiledEntry[]>;
  /** A short article's matches, for its first marks (see FirstMarks). */
  firstMarks(texts: readonly string[]): Promise<FirstMarks>;
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
  /** Built on the first page that asks, kept while the worker lives. */
  matcher?: { matcher: Matcher; personal: boolean[] };
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
  const matchOf = (current: Merged) => (current.match ??= matchIndexOf(current.index));
  return {
    index: async () => (await merged()).index,
    match: async () => matchOf(await merged()),
    async firstMarks(texts) {
      const current = await merged();
      const { ids: allIds } = matchOf(current);
      current.matcher ??= { matcher: matcherOf(matchOf(current)), personal: allIds.map((id) => id.startsWith(PERSONAL_ID_PREFIX)) };
      const { matcher, personal } = current.matcher;
      const ids: string[] = [];
      const local = new Map<number, number>();
      const localOf = (entry: number) => {
        let at = local.get(entry);
        if (at === undefined) {
          at = ids.push(allIds[entry]!) - 1;
          local.set(entry, at);
        }
        return at;
      };
      const renumber = (m: TermMatch): TermMatch =>
        m.senses ? { start: m.start, end: m.end, entry: localOf(m.entry), senses: m.senses.map(localOf) } : { start: m.start, end: m.end, entry: localOf(m.entry) };
      // The reader's own entries never become marks; the page draws them itself, out of the page's sight.
      const found = matcher.matchEach(texts).map((matches) => matches.filter((m) => !personal[m.entry]).map(renumber));
      return { ids, found };
    },
    async entries(ids) {
      const { byId } = await merged();
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
  };
}
