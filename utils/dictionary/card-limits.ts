/** What the cards show of the dictionary before the reader asks for more (the hover coverage counts just that). */

/** Senses of an entry shown before "All n senses". */
export const FIRST_SENSES = 3;
/** Entries (readings) a dictionary card shows at most; CC-CEDICT rarely has more for one word. */
export const DICTIONARY_CARD_ENTRIES = 4;
/** Entries a curated term's card shows under it; a curated word rarely has more. */
export const CURATED_CARD_DICTIONARY_ENTRIES = 2;
