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
  /** The built-in index and the match index made at build time; each read once, when first needed. */
  loadBuiltIn: () => Promise<GlossaryIndex>;
  loadBuiltInMatch: () => Promise<MatchIndex>;
  /** Read afresh on each request, so a tab asking right after the options page saved gets the new entries. */
  loadPersonal: () => Promise<PersonalGlossary>;
}

interface Merged {
  key: string;
  /** Null while the reader has no entries of their own: the built-in glossary serves as it is. */
  personal: PersonalGlossary | null;
  index?: Promise<GlossaryIndex>;
  byId?: Promise<Map<string, CompiledEntry>>;
  match?: Promise<MatchIndex>;
  /** Built on the first page that asks, kept while the worker lives. */
  matcher?: Promise<{ matcher: Matcher; personal: boolean[] }>;
}

/** A load run once; a failed one is tried again by the next caller. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    }));
}

type Kept = 'index' | 'byId' | 'match' | 'matcher';

/** What `make` gives, kept on `current` for later callers; a failure is not kept, so the next caller tries again. */
function kept<K extends Kept>(current: Merged, key: K, make: () => NonNullable<Merged[K]>): NonNullable<Merged[K]> {
  const held = current[key];
  if (held) return held as NonNullable<Merged[K]>;
  const made = make();
  current[key] = made;
  made.catch(() => {
    if (current[key] === made) current[key] = undefined;
  });
  return made;
}

/** The background's glossary: the built-in index and the reader's own entries, merged once per change of them. */
export function createGlossaryService(options: GlossaryServiceOptions): GlossaryService {
  const builtIn = once(options.loadBuiltIn);
  const builtInMatch = once(options.loadBuiltInMatch);
  let last: Merged | undefined;
  const merged = async (): Promise<Merged> => {
    const personal = await options.loadPersonal();
    const key = JSON.stringify(personal);
    if (last?.key !== key) last = { key, personal: personal.entries.length || personal.hidden.length ? personal : null };
    return last;
  };
  const indexOf = (current: Merged) =>
    kept(current, 'index', () => (current.personal ? builtIn().then((index) => mergePersonalGlossary(index, current.personal!)) : builtIn()));
  // With no entries of the reader's, pages get the match index made at build time.
  const matchOf = (current: Merged) => kept(current, 'match', () => (current.personal ? indexOf(current).then(matchIndexOf) : builtInMatch()));
  const byIdOf = (current: Merged) => kept(current, 'byId', () => indexOf(current).then((index) => new Map(index.entries.map((e) => [e.id, e]))));
  const matcherFor = (current: Merged) =>
    kept(current, 'matcher', () =>
      matchOf(current).then((match) => ({ matcher: matcherOf(match), personal: match.ids.map((id) => id.startsWith(PERSONAL_ID_PREFIX)) })),
    );
  return {
    index: async () => indexOf(await merged()),
    match: async () => matchOf(await merged()),
    async entries(ids) {
      const byId = await byIdOf(await merged());
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
    async firstMarks(texts) {
      const current = await merged();
      const { ids: allIds } = await matchOf(current);
      const { matcher, personal } = await matcherFor(current);
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
  };
}
