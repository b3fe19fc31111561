/**
 * What the page view reads with, as an article page does: the marks (joined across lines and pages),
 * the glossary card, dictionary cards for every other word of the text layers, and the keyboard
 * term cursor (Alt+Shift+N/P) that walks the marks, opens their cards and announces them.
 */
import type { CardController, CardSettings } from '../../content/card/card-controller';
import { createReadingCards, type ReadingDictionary } from '../../content/card/reading-cards';
import type { DictionaryHover } from '../../content/dictionary/dictionary-hover';
import { createMatcher } from '../../utils/glossary/matcher';
import type { CompiledEntry, GlossaryIndex } from '../../utils/glossary/types';
import type { SavedTerm } from '../../utils/highlights/types';
import type { UiLocale } from '../../utils/i18n/strings';
import { createJoinedMarker, type JoinedMarker } from '../marking/joined-marker';

export interface PageReadingOptions {
  doc: Document;
  /** Every page of the view: the marks, the cursor and the lookups stay inside it. */
  root: HTMLElement;
  glossary: GlossaryIndex;
  locale: UiLocale;
  lang: 'zh' | 'en';
  cardCss: string;
  cardSettings: Partial<CardSettings>;
  dictionary?: ReadingDictionary;
  article: () => { url: string; title: string };
  saveTerm?: (term: SavedTerm) => Promise<{ added: boolean }>;
}

export interface PageReading {
  marker: JoinedMarker;
  card: CardController;
  dictionary: DictionaryHover | null;
  stop(): void;
}

export function startPageReading(options: PageReadingOptions): PageReading {
  const { doc, root, glossary } = options;
  const marker = createJoinedMarker({
    matcher: createMatcher(glossary),
    entryIds: glossary.entries.map((e) => e.id),
    longestTerm: Math.max(1, ...glossary.patterns.map((p) => p[0].length)),
  });
  const { card, dictionary, destroy } = createReadingCards({
    doc,
    entries: new Map<string, CompiledEntry>(glossary.entries.map((e) => [e.id, e])),
    articleRoot: () => root,
    locale: options.locale,
    pageLang: options.lang,
    cssText: options.cardCss,
    article: options.article,
    ...(options.saveTerm ? { saveTerm: options.saveTerm } : {}),
    ...options.cardSettings,
    dictionary: options.dictionary,
  });
  return {
    marker,
    card,
    dictionary,
    stop: destroy,
  };
}
