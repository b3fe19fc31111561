import type { Collection } from 'dexie';
import type { Highlight, HighlightColor } from '../../utils/highlights/types';
import type { ProspectDb } from './database';
import { StoreError, guarded } from './store-error';

/** The parts of a highlight the reader can edit after saving it. */
export type HighlightChanges = Partial<Pick<Highlight, 'note' | 'tags' | 'color'>>;

export interface HighlightFilter {
  /** Words to find in the quote, the note or the tags (case- and width-insensitive). */
  text?: string;
  color?: HighlightColor;
  tag?: string;
  articleUrl?: string;
}

/** Saves a new highlight; a StoreError of kind 'duplicate' if its id is taken. */
export function addHighlight(db: ProspectDb, highlight: Highlight): Promise<Highlight> {
  return guarded(async () => {
    await db.highlights.add(highlight);
    return highlight;
  });
}

/** Edits the note, tags or colour and stamps `modified`; returns the saved record. */
export function updateHighlight(
  db: ProspectDb,
  id: string,
  changes: HighlightChanges,
  now: Date = new Date(),
): Promise<Highlight> {
  return guarded(() =>
    db.transaction('rw', db.highlights, async () => {
      const current = await db.highlights.get(id);
      if (!current) throw new StoreError('not-found', `highlight ${id}`);
      const updated: Highlight = { ...current, ...definedOnly(changes), modified: now.toISOString() };
      await db.highlights.put(updated);
      return updated;
    }),
  );
}

/** One article's highlights in reading order. */
export function listByArticle(db: ProspectDb, articleUrl: string): Promise<Highlight[]> {
  return guarded(async () => {
    const found = await db.highlights.where('articleUrl').equals(articleUrl).toArray();
    return found.sort((a, b) => a.position.start - b.position.start || time(a.created) - time(b.created));
  });
}

/** The highlight already saved for this passage, if any (the version 2 index). */
export function findSameQuote(db: ProspectDb, articleUrl: string, exact: string): Promise<Highlight | undefined> {
  return guarded(() => db.highlights.where('[articleUrl+quote.exact]').equals([articleUrl, exact]).first());
}

/** Highlights matching every given filter, newest first. */
export function listHighlights(db: ProspectDb, filter: HighlightFilter = {}): Promise<Highlight[]> {
  return guarded(async () => {
    const found = await narrowest(db, filter).filter(highlightMatcher(filter)).toArray();
    return found.sort((a, b) => time(b.created) - time(a.created));
  });
}

/** The test listHighlights applies, for pages that filter highlights they already hold in memory. */
export function highlightMatcher(filter: HighlightFilter): (h: Highlight) => boolean {
  const words = searchWords(filter.text ?? '');
  return (h) =>
    (filter.articleUrl === undefined || h.articleUrl === filter.articleUrl) &&
    (filter.color === undefined || h.color === filter.color) &&
    (filter.tag === undefined || h.tags.includes(filter.tag)) &&
    (words.length === 0 || words.every((word) => searchable(h).includes(word)));
}

// Start from an index when a filter allows it, so a tag or an article does not scan every record.
function narrowest(db: ProspectDb, filter: HighlightFilter): Collection<Highlight, string> {
  if (filter.articleUrl !== undefined) return db.highlights.where('articleUrl').equals(filter.articleUrl);
  if (filter.tag !== undefined) return db.highlights.where('tags').equals(filter.tag);
  if (filter.color !== undefined) return db.highlights.where('color').equals(filter.color);
  return db.highlights.toCollection();
}

// NFKC folds full-width Latin letters and digits, common in Chinese text, to their ASCII forms.
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function searchWords(text: string): string[] {
  return fold(text).split(/\s+/u).filter((word) => word !== '');
}

function searchable(h: Highlight): string {
  return fold([h.quote.exact, h.note, ...h.tags].join('\n'));
}

// `{ note: undefined }` must not erase the note.
function definedOnly(changes: HighlightChanges): HighlightChanges {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
}

// Timestamps may carry different offsets (Z, +08:00), so they are compared as instants, not strings.
function time(iso: string): number {
  return Date.parse(iso);
}
