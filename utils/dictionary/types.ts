/** A word another entry points to (a classifier, or the word an entry is a variant of). */
export interface WordRef {
  trad: string;
  simp: string;
  /** Tone-marked pinyin; may be empty when the dictionary gives none. */
  pinyin: string;
}

/** One CC-CEDICT entry as the card shows it. */
export interface DictionaryEntry {
  trad: string;
  simp: string;
  /** Tone-marked pinyin (CC-CEDICT's Mainland reading). */
  pinyin: string;
  /** The Taiwan reading, where CC-CEDICT gives one that differs ("Taiwan pr."). */
  taiwanPinyin?: string;
  /** English senses, in the dictionary's order. */
  senses: string[];
  classifiers: WordRef[];
  variantOf: WordRef[];
}

/** The longest dictionary word at the start of a text. */
export interface DictionaryMatch {
  /** The word as it is written in the text. */
  word: string;
  /** Its length in UTF-16 units of the text. */
  length: number;
  entries: DictionaryEntry[];
}
