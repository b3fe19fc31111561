/** Categories a reader can filter by; one per entry. */
export const CATEGORIES = [
  'person',
  'place',
  'organization',
  'military',
  'diplomacy',
  'politics',
  'economy',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Where in the foundation's field an entry belongs; used for coverage figures. */
export const REGIONS = [
  'cross-strait',
  'korea',
  'japan',
  'us-china',
  'southeast-asia',
  'russia-ukraine',
  'middle-east',
  'europe',
  'south-asia',
  'oceania',
  'global',
] as const;
export type Region = (typeof REGIONS)[number];

/** One record as a person writes it in `glossary/*.yaml`. */
export interface SourceEntry {
  id: string;
  /** The term in Taiwan usage, Traditional script. */
  zh: string;
  /** Only when opencc's conversion of `zh` is wrong for this term; needs `simplifiedReason`. */
  simplified?: string;
  simplifiedReason?: string;
  /** Other Traditional/Taiwan forms of the same term (short forms, full names). */
  zhAliases?: string[];
  /** Mainland wording where it differs beyond the script, written in Simplified. */
  mainland?: string[];
  /** The usual English rendering, shown on the card. */
  en: string;
  /** Latin forms matched on pages: acronyms, plurals, the English name itself. */
  enAliases?: string[];
  /** Hanyu pinyin with tone marks, one syllable per character; required when a character has several readings. */
  pinyin?: string;
  category: Category;
  region: Region;
  explain: { zh: string; en: string };
  /** Longer strings in which this term must not be marked (for example 南北韓 for 北韓). */
  notWithin?: string[];
  /** When the entry's changing facts (posts, statuses, tariffs) were last checked: YYYY-MM-DD. */
  checked?: string;
  /** Places where a form of the term is ordinary text, by what stands right before and/or after it. */
  unless?: ContextRule[];
  /** Not marked inside a longer proper name (華盛頓號, 華盛頓郵報, Washington Post, George Washington). */
  notInName?: boolean;
  /** Words near a form this entry shares with another entry that choose this entry's sense. */
  cues?: string[];
}

/**
 * One rule of `unless`: the term is left unmarked where one of `before` ends right before it and one
 * of `after` starts right after it (a side not given matches anything). `<number>` stands for a
 * numeral (10, 三十), `<measure>` for a unit or measure word (公里, 艘).
 */
export interface ContextRule {
  before?: string[];
  after?: string[];
}

/** The context rules as the matcher applies them: every string folded like page text. */
export interface CompiledContext {
  /** [before, after] pairs; an empty side matches anything. */
  unless?: [before: string[], after: string[]][];
  /** Latin forms are not marked next to another capitalised word. */
  name?: 1;
  /** Words near the term that choose this entry where it shares a form. */
  cues?: string[];
  /** For each folded form this entry shares (and owns the pattern of): the ids of the other entries. */
  senses?: Record<string, string[]>;
}

/** What the content script needs to show a card; no conversion work left for it. */
export interface CompiledEntry {
  id: string;
  trad: string;
  simp: string;
  /** Mainland wording shown beside the Simplified form when it differs. */
  mainland: string[];
  en: string;
  pinyin: string;
  /** Absent only for a reader's own entry saved without one. */
  category?: Category;
  region: Region;
  explainZh: string;
  explainEn: string;
  /** Set on the reader's own entries (utils/glossary/personal-merge.ts). */
  personal?: true;
  /** When the entry's changing facts were last checked: YYYY-MM. */
  checked?: string;
  /** Where the term is not marked, or which sense it has; absent for most entries. */
  context?: CompiledContext;
}

/**
 * A pattern as matched: the folded string, the index of its entry (-1 for a
 * `notWithin` blocker, which swallows the shorter term and marks nothing), whether
 * it is Latin (matched only at word boundaries), and for Latin forms with capitals
 * the spellings accepted (their all-capital form is accepted too).
 */
export type CompiledPattern = [folded: string, entryIndex: number, latin: 0 | 1, exact?: string[]];

export interface GlossaryIndex {
  version: 1;
  entries: CompiledEntry[];
  patterns: CompiledPattern[];
  /** Pairs of UTF-16 units: each variant character followed by the character it folds to. */
  fold: string;
}

/** The reader's own entries have ids `personal-<uuid>`, never a built-in entry's id. */
export const PERSONAL_ID_PREFIX = 'personal-';

/** The personal glossary's key in storage.local (personal-storage.ts); content scripts only watch it. */
export const PERSONAL_GLOSSARY_AREA_KEY = 'personalGlossary';
