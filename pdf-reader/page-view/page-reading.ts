/**
 * What the page view reads with, as an article page does: the marks (joined across lines and pages),
 * the glossary card, dictionary cards for every other word of the text layers, and the keyboard
 * term cursor (Alt+Shift+N/P) that walks the marks, opens their cards and announces them.
 */
import { createCardController, type CardController, type CardSettings } from '../../content/card/card-controller';
import { createTermCursor } from '../../content/card/term-cursor';
import { createDictionaryHover, type DictionaryHover, type DictionarySettings } from '../../content/dictionary/dictionary-hover';
import { createMatcher } from '../../content/marking/matcher';
import type { DictionaryMatch } from '../../utils/dictionary/types';
import type { CompiledEntry, GlossaryIndex } from '../../utils/glossary/types';
import type { SavedTerm } from '../../utils/highlights/types';
import type { UiLocale } from '../../utils/i18n/strings';
import { createJoinedMarker, type JoinedMarker } from '../marking/joined-marker';

export interface PdfDictionary {
  lookup: (text: string) => Promise<DictionaryMatch | null>;
  cssText: string;
  settings: DictionarySettings;
}

export interface PageReadingOptions {
  doc: Document;
  /** Every page of the view: the marks, the cursor and the lookups stay inside it. */
  root: HTMLElement;
  glossary: GlossaryIndex;
  locale: UiLocale;
  lang: 'zh' | 'en';
  cardCss: string;
  cardSettings: Partial<CardSettings>;
  dictionary?: PdfDictionary;
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
  const saveTerm = options.saveTerm ? { saveTerm: options.saveTerm } : {};
  const card = createCardController({
    doc,
    entries: new Map<string, CompiledEntry>(glossary.entries.map((e) => [e.id, e])),
    articleRoot: () => root,
    locale: options.locale,
    pageLang: options.lang,
    cssText: options.cardCss,
    article: options.article,
    ...saveTerm,
    ...options.cardSettings,
    // One card at a time, as on articles.
    onShown: () => dictionary?.hide(),
  });
  const dictionary = options.dictionary
    ? createDictionaryHover({
        doc,
        ...options.dictionary.settings,
        lookup: options.dictionary.lookup,
        cssText: options.dictionary.cssText,
        onOpen: () => card.hide(),
        articleRoot: () => root,
        article: options.article,
        ...saveTerm,
      })
    : null;
  const cursor = createTermCursor({
    doc,
    articleRoot: () => root,
    open: (term) => {
      dictionary?.hide();
      card.show(term);
      card.announce(term);
    },
    close: () => card.hide(),
  });
  return {
    marker,
    card,
    dictionary,
    stop() {
      cursor.destroy();
      dictionary?.destroy();
      card.destroy();
    },
  };
}
