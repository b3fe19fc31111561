import { startArticleReader, type ArticleReader } from '../article-reader';
import { setUiTheme } from '../ui/shadow-host';
import { startHighlightSession, type HighlightSession, type Send } from '../highlight-session';
import { undrawAll } from '../highlights/draw';
import { startBilingualReading, type BilingualReading } from '../reader-bar/bilingual-reading';
import { detectArticle } from '../detection/detect-article';
import { detectGenericArticle } from '../detection/detect-generic-article';
import { markFirstScreen, type FirstMarksResult } from '../marking/first-marks';
import { unmarkAll } from '../marking/term-marker';
import { ensurePageStyle } from '../ui/page-style';
import { ELEMENT_ID } from '../../utils/dom-names';
import { addAttachmentControls, ATTACHMENT_HOST_TAG } from '../pdf-links/attachment-controls';
import { createConverterLoader } from '../../utils/chinese-script/dictionary';
import { foldText } from '../../utils/glossary/fold';
import { HIGHLIGHTS_CHANGED_KEY, shouldRefetch } from '../../utils/messaging/highlights-changed';
import { answerTabMessage } from '../../utils/messaging/to-tab';
import { t } from '../../utils/i18n/strings';
import { cardSettingsOf, dictionarySettingsOf } from '../../utils/settings/settings';
import { isFoundationOrigin } from '../../utils/site/foundation';
import { createGlossaryHolder, type GlossaryHolder } from './glossary-holder';
import { createPageRoot, type PageRoot } from './page-root';
import { createPageStorage, type PageStorageDeps } from './page-storage';
import { createSettingsSource, type SettingsSource } from './settings-source';

type Listener<A extends unknown[]> = { addListener(fn: (...args: A) => unknown): void; removeListener(fn: (...args: A) => unknown): void };

/** What the article page takes from the browser (entrypoints/content/index.ts). */
export interface ArticlePageDeps {
  doc: Document;
  url: () => string;
  origin: string;
  extensionId: string;
  browserLanguage: string;
  send: Send;
  onMessage: Listener<[message: unknown, sender: { id?: string }]>;
  onStorageChanged: Listener<[changes: Record<string, { newValue?: unknown }>, area: string]>;
  storageLocal: PageStorageDeps['local'];
  writeClipboard: (text: string) => Promise<void>;
  css: { card: string; dictionaryCard: string; marks: string; highlightUi: string; bar: string; gloss: string };
}

const logError = (what: string) => (error: unknown) => console.error(`Prospect Reader: ${what}`, error);

function domReady(doc: Document): Promise<void> {
  if (doc.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => doc.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

/**
 * The article page's composition root: every feature, in start order, on one lifecycle. The
 * glossary and settings requests leave at once; the listeners answer from the first moment and
 * wait for the feature they need; `stop` takes everything out again, last started first.
 */
export function startArticlePage(deps: ArticlePageDeps): PageRoot {
  const { doc, send } = deps;
  const root = createPageRoot((name, error) => console.error(`Prospect Reader: could not stop ${name} cleanly`, error));
  const foundation = isFoundationOrigin(deps.origin);
  const storage = createPageStorage({
    local: deps.storageLocal,
    onChanged: deps.onStorageChanged,
    updateSettings: (patch) => send({ type: 'settings/update', patch }),
    onError: logError('could not read the settings'),
  });
  // Asked before the page has even parsed, so the answer is usually here by DOMContentLoaded.
  const settingsLoading = storage.loadSettings();
  // Wakes a sleeping service worker and has it build its matcher while the page parses.
  send({ type: 'glossary/first-marks', texts: [] }).catch(() => undefined);
  const stopped = new AbortController();
  let waitingForArticle = true;

  void root.start({
    name: 'listeners',
    start: () => listen(root, deps, () => waitingForArticle),
    stop: (unlisten) => unlisten(),
  });
  const markedEarly = new WeakMap<Text, string>();
  // The glossary's index is asked for once the first marks are drawn: both answers would share one thread.
  const firstMarks = root.start<FirstMarksResult>({
    name: 'first-marks',
    start: async () => {
      try {
        await domReady(doc);
        return await markFirstArticle(deps, markedEarly);
      } catch (error) {
        // The reader's own marking still follows.
        logError('could not mark the article early')(error);
        return { count: 0, ids: [] };
      }
    },
    stop: () => unmarkFirstArticle(deps),
  });
  const settingsReady = root.start<SettingsSource>({
    name: 'settings',
    start: () =>
      createSettingsSource({
        load: () => settingsLoading,
        update: storage.updateSettings,
        watch: storage.watchSettings,
        browserLanguage: deps.browserLanguage,
        onError: logError('a settings listener failed'),
      }),
    // Last to stop: once the extension is gone, its storage API may throw.
    stop: (source) => source.stop(),
  });
  void (async () => {
    const first = await firstMarks;
    const glossary = await root.start<GlossaryHolder>({
      name: 'glossary',
      start: () =>
        createGlossaryHolder({
          loadMatch: () => send({ type: 'glossary/match' }),
          loadEntries: (ids) => send({ type: 'glossary/entries', ids }),
          onError: logError('a glossary listener failed'),
        }),
      stop: () => undefined,
    });
    const settings = await settingsReady;
    if (!settings || !glossary) return;
    if (first?.ids.length) glossary.want(first.ids).catch(logError("could not load the terms' details"));
    const reader = await root.start<ArticleReader>({
      name: 'reader',
      start: () => startReader(deps, settings, glossary, markedEarly, stopped.signal),
      stop: (running) => running.stop(),
    });
    waitingForArticle = false;
    if (!reader) {
      root.stop();
      return;
    }
    await root.start({
      name: 'follow-settings',
      start: () => followSettings(root, doc, settings, reader),
      stop: (unwatch) => unwatch(),
    });
    await root.start({
      name: 'personal-glossary',
      // The reader's own entries changed: a new glossary, which marking, card and glosses all follow.
      start: () => storage.watchPersonalGlossaryChanged(() => void glossary.reload().catch(logError('could not reload the glossary'))),
      stop: (unwatch) => unwatch(),
    });
    if (foundation) {
      await root.start({
        name: 'attachments',
        start: () => {
          addAttachmentControls({
            doc,
            articleUrl: reader.article.canonicalUrl,
            label: t(settings.locale, 'pdf.readInReader'),
            open: (target) => void send({ type: 'pdf/open', ...target }).catch(logError('could not open the PDF')),
          });
          return doc;
        },
        stop: () => doc.querySelectorAll(ATTACHMENT_HOST_TAG).forEach((host) => host.remove()),
      });
    }
    console.debug(`Prospect Reader: marked ${(first?.count ?? 0) + (await reader.ready)} terms in ${reader.article.canonicalUrl}`);
    // The stored highlights anchor against the article as published, before its script may change.
    await root.start<HighlightSession>({
      name: 'highlights',
      start: async () => {
        const session = startHighlightSession({
          doc,
          article: () => reader.article,
          locale: settings.locale,
          uiCss: deps.css.highlightUi,
          // Highlights anchor in folded text, so they attach whichever script the page is shown in.
          normalize: (text) => foldText(text, glossary.foldTable),
          quietly: reader.quietly,
          send,
          writeClipboard: deps.writeClipboard,
        });
        await session.ready.catch(() => undefined);
        return session;
      },
      stop: (session) => {
        session.stop();
        undrawAll(reader.article.body);
      },
    });
    await root.start<BilingualReading>({
      name: 'bilingual',
      start: () =>
        startBilingualReading({
          doc,
          reader,
          locale: settings.locale,
          settings: { load: async () => settings.current, update: settings.update, watch: (fn) => settings.onChange(fn) },
          barState: storage.barState,
          // The dictionaries are extension files the background reads the first time a direction is asked for.
          loadConverter: createConverterLoader((direction) => send({ type: 'script/dictionary', direction })),
          notAttached: () => root.get<HighlightSession>('highlights')?.orphans().length ?? 0,
          openNotes: () => send({ type: 'notes/open', articleUrl: reader.article.canonicalUrl }),
          barCss: deps.css.bar,
          glossCss: deps.css.gloss,
        }),
      stop: (bilingual) => bilingual.stop(),
    });
    await root.start({ name: 'highlight-sync', start: () => syncHighlights(root, deps, reader), stop: (unsync) => unsync() });
  })().catch(logError('could not start on this page'));

  return {
    ...root,
    get stopped() {
      return root.stopped;
    },
    stop() {
      stopped.abort();
      root.stop();
    },
  };
}

/** The shortcut, the menu item and the popup's questions; registered first, each waits for its feature. */
function listen(root: PageRoot, deps: ArticlePageDeps, waitingForArticle: () => boolean): () => void {
  const onMessage = (message: unknown, sender: { id?: string }) =>
    answerTabMessage(
      {
        'highlight/selection': () => {
          void root.when<HighlightSession>('highlights').then((session) => session.highlightSelection(), logError('could not highlight'));
          return null;
        },
        'reader/command': async ({ command }) => {
          await (await root.when<BilingualReading>('bilingual')).command(command);
          return null;
        },
        'reader/status': async () => {
          // A page that may never hold an article answers at once instead of keeping the popup waiting.
          if (waitingForArticle()) throw new Error('no article found on this page yet');
          return (await root.when<BilingualReading>('bilingual')).status();
        },
      },
      deps.extensionId,
      message,
      sender,
    ) ?? undefined;
  deps.onMessage.addListener(onMessage);
  return () => deps.onMessage.removeListener(onMessage);
}

const detectorOf = (deps: ArticlePageDeps) => (isFoundationOrigin(deps.origin) ? detectArticle : detectGenericArticle);

/** The article present at DOMContentLoaded, marked from the background's matches (see first-marks.ts). */
async function markFirstArticle(deps: ArticlePageDeps, ownNodes: WeakMap<Text, string>): Promise<FirstMarksResult> {
  const article = detectorOf(deps)(deps.doc, deps.url());
  if (!article) return { count: 0, ids: [] };
  ensurePageStyle(deps.doc, ELEMENT_ID.markStyle, deps.css.marks);
  return markFirstScreen({ root: article.body, ownNodes, matchTexts: (texts) => deps.send({ type: 'glossary/first-marks', texts }) });
}

/** Only needed when the reader never started: its own stop takes every mark out. */
function unmarkFirstArticle(deps: ArticlePageDeps): void {
  const article = detectorOf(deps)(deps.doc, deps.url());
  if (article) unmarkAll(article.body);
  deps.doc.getElementById(ELEMENT_ID.markStyle)?.remove();
}

async function startReader(
  deps: ArticlePageDeps,
  settings: SettingsSource,
  glossary: GlossaryHolder,
  markedEarly: WeakMap<Text, string>,
  signal: AbortSignal,
): Promise<ArticleReader | null> {
  const { send } = deps;
  const reader = await startArticleReader({
    doc: deps.doc,
    url: deps.url,
    waitForArticle: true,
    signal,
    detect: detectorOf(deps),
    glossary,
    markedBefore: markedEarly,
    saveTerm: (term) => send({ type: 'terms/save', term }),
    locale: settings.locale,
    cardCss: deps.css.card,
    markCss: deps.css.marks,
    dictionary: {
      lookup: (text) => send({ type: 'dictionary/lookup', text }),
      cssText: `${deps.css.card}\n${deps.css.dictionaryCard}`,
      settings: dictionarySettingsOf(settings.current, settings.browserLanguage),
    },
  });
  if (signal.aborted) {
    reader?.stop();
    return null;
  }
  return reader;
}

/** The card, the dictionary and the theme follow the settings live; UI drawn in one language is drawn again. */
function followSettings(root: PageRoot, doc: Document, settings: SettingsSource, reader: ArticleReader): () => void {
  const apply = () => {
    reader.card.update(cardSettingsOf(settings.current, settings.browserLanguage));
    reader.dictionary?.update(dictionarySettingsOf(settings.current, settings.browserLanguage));
    setUiTheme(doc, settings.current.theme);
  };
  apply();
  let locale = settings.locale;
  return settings.onChange(() => {
    apply();
    if (settings.locale === locale) return;
    locale = settings.locale;
    void (async () => {
      for (const name of ['attachments', 'highlights', 'bilingual']) await root.restart(name);
    })().catch(logError('could not change the language'));
  });
}

/**
 * Another tab (or the notes desk, or an import) changed this article's highlights; this tab's own
 * changes are drawn already, so their echo is not refetched.
 */
async function syncHighlights(root: PageRoot, deps: ArticlePageDeps, reader: ArticleReader): Promise<() => void> {
  const self = await deps.send({ type: 'client/origin' }).catch(() => null);
  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !shouldRefetch(changes[HIGHLIGHTS_CHANGED_KEY]?.newValue, reader.article.canonicalUrl, self)) return;
    void root.when<HighlightSession>('highlights').then((session) => session.refresh(), logError('could not redraw the highlights'));
  };
  deps.onStorageChanged.addListener(onStorage);
  return () => deps.onStorageChanged.removeListener(onStorage);
}
