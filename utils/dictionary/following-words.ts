import { FOLLOWING_WORDS } from './card-limits';
import type { DictionaryEntry, DictionaryMatch } from './types';

/** A word of the text right after the one a card is for, as the card's "Followed by" line gives it. */
export interface FollowingWord {
  /** As written in the text. */
  word: string;
  /** The dictionary's first entry for it. */
  entry: DictionaryEntry;
}

const HAN_START = /^\p{Script=Han}/u;
// Particles and conjunctions end a phrase: "Followed by 的" tells the reader nothing.
const PHRASE_ENDS = new Set('的地得了著着過过和與与及或並并而是在也都就又將将把被對对於于'.split(''));

/**
 * The words that follow in the same run of Han text, each the longest dictionary word where the last
 * ended, up to FOLLOWING_WORDS. CC-CEDICT leaves out the phrases its words make (經貿關係, 美國政府),
 * so the longest word at the pointer is often only the first of a phrase; with this line one hover
 * reads the phrase whole. `text` is the text after the card's word; `lookup` the longest word at its start.
 */
export async function followingWords(
  text: string,
  lookup: (text: string) => Promise<DictionaryMatch | null> | DictionaryMatch | null,
): Promise<FollowingWord[]> {
  const words: FollowingWord[] = [];
  for (let at = 0; words.length < FOLLOWING_WORDS && HAN_START.test(text.slice(at, at + 2)); ) {
    const match = await lookup(text.slice(at));
    const entry = match?.entries[0];
    if (!match || !entry || PHRASE_ENDS.has(match.word)) break;
    words.push({ word: match.word, entry });
    at += match.length;
  }
  return words;
}
