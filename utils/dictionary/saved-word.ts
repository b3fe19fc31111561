/** A saved term's id when it came from the dictionary, not the glossary: `cedict:` + forms and reading. */
export const DICTIONARY_TERM_PREFIX = 'cedict:';
/** How many senses a saved dictionary word keeps as its English. */
export const FIRST_SENSES_SAVED = 3;
