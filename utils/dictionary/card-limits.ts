import type { CompiledEntry } from '../glossary/types';

/** What the cards show of the dictionary before the reader asks for more (the hover coverage counts just that). */

/** Senses of an entry shown before "All n senses". */
export const FIRST_SENSES = 3;
/** Entries (readings) a dictionary card shows at most; CC-CEDICT rarely has more for one word. */
export const DICTIONARY_CARD_ENTRIES = 4;
/** Entries a curated term's card shows under it; a curated word rarely has more. */
export const CURATED_CARD_DICTIONARY_ENTRIES = 2;
/** Words of the text after the card's word that its "Followed by" line gives. */
export const FOLLOWING_WORDS = 2;
/** Senses of each of those words' first entry the line shows. */
export const FOLLOWING_SENSES = 2;

/**
 * The word a curated term's card asks the dictionary for: the term as written when that is one of
 * the entry's forms (关税 after the switch to Simplified), else its Traditional form (an English
 * page, an alias, the part of a term a PDF's line break leaves in one mark).
 */
export function dictionaryWordOf(written: string, entry: CompiledEntry): string {
  return [entry.trad, entry.simp, ...entry.mainland].includes(written) ? written : entry.trad;
}
