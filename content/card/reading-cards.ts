import { createDictionaryHover, type DictionaryHover, type DictionarySettings } from '../dictionary/dictionary-hover';
import type { DictionaryEntry, DictionaryMatch } from '../../utils/dictionary/types';
import { createCardController, type CardController, type CardControllerOptions } from './card-controller';
import { createTermCursor } from './term-cursor';
import { createWordCursor } from './word-cursor';
import { textAfter } from '../dictionary/text-at-point';
import { followingWords, type FollowingWord } from '../../utils/dictionary/following-words';
import { FOLLOWING_WORDS } from '../../utils/dictionary/card-limits';
import { MAX_WORD_UNITS } from '../../utils/dictionary/lookup';

export interface ReadingDictionary {
  lookup: (text: string) => Promise<DictionaryMatch | null>;
  /** The dictionary card's whole stylesheet (the term card's and its own); the term card takes it too, for its dictionary section. */
  cssText: string;
  settings: DictionarySettings;
}

export interface ReadingCardsOptions extends Omit<CardControllerOptions, 'onShown' | 'article'> {
  article: () => { url: string; title: string };
  /** CC-CEDICT cards for the words outside the marks; none without it. */
  dictionary?: ReadingDictionary | undefined;
}

export interface ReadingCards {
  card: CardController;
  dictionary: DictionaryHover | null;
  destroy(): void;
}

/**
 * The cards a reading surface (an article, the PDF reader's pages) answers with: the glossary card,
 * the dictionary's for every other word, and the keyboard's term cursor (glossary cards) and word cursor
 * (dictionary cards).
 * One card at a time: each one opening closes the other.
 */
export function createReadingCards(options: ReadingCardsOptions): ReadingCards {
  const { dictionary: lookups, ...cardOptions } = options;
  const drawn = options.highlights;
  // Each word asked once per page; a failed lookup is asked again next time.
  const wholeWords = new Map<string, Promise<readonly DictionaryEntry[] | null>>();
  const dictionaryEntries = (word: string): Promise<readonly DictionaryEntry[] | null> => {
    if (!lookups || !dictionary?.isEnabled()) return Promise.resolve(null);
    let answer = wholeWords.get(word);
    if (!answer) {
      // Only the word whole: the longest match of a shorter word at its start is another word.
      answer = lookups.lookup(word).then((match) => (match && match.length === word.length ? match.entries : null));
      answer.catch(() => wholeWords.delete(word));
      wholeWords.set(word, answer);
    }
    // An answer that comes after the reader turned dictionary cards off is not drawn.
    return answer.then((entries) => (dictionary?.isEnabled() ? entries : null));
  };
  const wordsAfter = async (term: Range): Promise<readonly FollowingWord[]> => {
    if (!lookups || !dictionary?.isEnabled()) return [];
    const words = await followingWords(textAfter(term, MAX_WORD_UNITS * FOLLOWING_WORDS), lookups.lookup);
    return dictionary?.isEnabled() ? words : [];
  };
  const card = createCardController({
    ...cardOptions,
    ...(lookups ? { cssText: lookups.cssText, dictionaryEntries, followingWords: wordsAfter } : {}),
    onShown: () => dictionary?.hide(),
  });
  const dictionary = lookups
    ? createDictionaryHover({
        doc: options.doc,
        ...lookups.settings,
        lookup: lookups.lookup,
        cssText: lookups.cssText,
        onOpen: () => card.hide(),
        onTurnedOff: () => card.dropDictionary(),
        // The reader's own terms, drawn without marks, keep their glossary card.
        ...(drawn ? { isDrawnTermAt: (point) => !!drawn()?.termAt(point.node, point.offset) } : {}),
        articleRoot: options.articleRoot,
        article: options.article,
        ...(options.saveTerm ? { saveTerm: options.saveTerm } : {}),
      })
    : null;
  const cursor = createTermCursor({
    doc: options.doc,
    articleRoot: options.articleRoot,
    ...(drawn ? { drawn } : {}),
    open: (term) => {
      card.show(term, 'keyboard');
      card.announce(term);
    },
    close: () => card.hide(),
  });
  const words = dictionary
    ? createWordCursor({
        doc: options.doc,
        articleRoot: options.articleRoot,
        enabled: () => dictionary.isEnabled(),
        openAt: (point) => dictionary.openAt(point),
        close: () => dictionary.hide(),
      })
    : null;
  return {
    card,
    dictionary,
    destroy() {
      words?.destroy();
      cursor.destroy();
      dictionary?.destroy();
      card.destroy();
    },
  };
}
