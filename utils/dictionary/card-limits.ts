/** How many dictionary entries (readings) a curated term's card shows under it; a curated word rarely has more. */
export const CURATED_CARD_DICTIONARY_ENTRIES = 2;
