import type { DictionaryEntry } from '../../utils/dictionary/types';
import type { SavedTerm } from '../../utils/highlights/types';
import { DICTIONARY_TERM_PREFIX, FIRST_SENSES_SAVED } from '../../utils/dictionary/saved-word';

/**
 * The record "Save term" stores for a dictionary word: its forms and pinyin, the first senses
 * as its English, the source as its explanation (CC BY-SA asks for attribution wherever the
 * text goes, the Anki file included), the sentence and the article.
 */
export function savedWordFrom(
  entry: DictionaryEntry,
  sentence: string,
  article: { url: string; title: string },
  source: string,
  options: { now: Date; newId: () => string },
): SavedTerm {
  return {
    id: options.newId(),
    termId: `${DICTIONARY_TERM_PREFIX}${entry.trad}/${entry.pinyin}`,
    trad: entry.trad,
    simp: entry.simp,
    en: entry.senses.slice(0, FIRST_SENSES_SAVED).join('; '),
    pinyin: entry.taiwanPinyin ? `${entry.pinyin} (${entry.taiwanPinyin})` : entry.pinyin,
    explanation: source,
    sentence,
    articleUrl: article.url,
    articleTitle: article.title,
    created: options.now.toISOString(),
  };
}
