import { browser, type Browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import cardCss from '../../components/content/term-card.css?inline';
import dictionaryCardCss from '../../components/content/dictionary-card.css?inline';
import lookupHighlightCss from '../../components/content/lookup-highlight.css?inline';
import markCss from '../../components/content/term-mark.css?inline';
import highlightMarkCss from '../../components/content/highlight-mark.css?inline';
import highlightUiCss from '../../components/content/highlight-ui.css?inline';
import { startArticleReader } from '../../content/article-reader';
import { setUiTheme } from '../../content/ui/shadow-host';
import { startHighlightSession } from '../../content/highlight-session';
import { createFoldTable, foldText } from '../../utils/glossary/fold';
import { HIGHLIGHTS_CHANGED_KEY } from '../../utils/messaging/to-background';
import { shouldRefetch } from '../../utils/messaging/highlights-changed';
import { sendRequest } from '../../utils/messaging/send-request';
import barCss from '../../components/content/reader-bar.css?inline';
import controlsCss from '../../components/common/bilingual-controls.css?inline';
import glossCss from '../../components/content/inline-gloss.css?inline';
import { answerTabMessage } from '../../utils/messaging/to-tab';
import { barStateStore } from '../../content/reader-bar/bar-state-storage';
import { startBilingualReading } from '../../content/reader-bar/bilingual-reading';
import { createConverterLoader } from '../../utils/chinese-script/dictionary';
import { resolveLocale } from '../../utils/settings/settings';
import { loadSettings, updateSettings, watchSettings } from '../../utils/settings/settings-storage';
import { cardSettingsOf, dictionarySettingsOf } from '../../utils/settings/settings';
import { detectGenericArticle } from '../../content/detection/detect-generic-article';
import { FOUNDATION_MATCHES, isFoundationOrigin } from '../../utils/site/foundation';
import { watchPersonalGlossaryChanged } from '../../utils/glossary/personal-storage';
import { addAttachmentControls, ATTACHMENT_HOST_TAG } from '../../content/pdf-links/attachment-controls';
import { undrawAll } from '../../content/highlights/draw';
import { t } from '../../utils/i18n/strings';

export default defineContentScript({
  matches: FOUNDATION_MATCHES,
  runAt: 'document_idle',
  async main() {
    // On another site the reader allowed, the script may be both registered and injected by the click: run once.
    const flag = globalThis as { prospectReaderStarted?: boolean };
    if (flag.prospectReaderStarted) return;
    flag.prospectReaderStarted = true;
    // An update or reload of the extension orphans this script (its runtime id goes): every feature
    // then stops and leaves the page as it was, in the reverse order of starting. A stop added after
    // that runs at once. WXT's own context is not used for this: a page script can fire the event
    // that invalidates it, and must not be able to switch the reader off.
    const stopped = new AbortController();
    const stops: (() => void)[] = [];
    const onStop = (stop: () => void) => (stopped.signal.aborted ? stop() : stops.push(stop));
    const watchdog = setInterval(() => {
      if (browser.runtime?.id != null) return;
      clearInterval(watchdog);
      stopped.abort();
      for (const stop of stops.reverse()) {
        try {
          stop();
        } catch (error) {
          console.error('Prospect Reader: could not stop cleanly', error);
        }
      }
      flag.prospectReaderStarted = false;
    }, 1000);
    const browserLanguage = browser.i18n.getUILanguage();
    const settings = await loadSettings();
    const locale = resolveLocale(settings, browserLanguage);
    const reader = await startArticleReader({
      doc: document,
      url: () => location.href,
      waitForArticle: true,
      signal: stopped.signal,
      detect: isFoundationOrigin(location.origin) ? undefined : detectGenericArticle,
      loadGlossary: () => sendRequest((m) => browser.runtime.sendMessage(m), { type: 'glossary/get' }),
      saveTerm: (term) => sendRequest((m) => browser.runtime.sendMessage(m), { type: 'terms/save', term }),
      locale,
      cardCss,
      markCss: `${markCss}\n${highlightMarkCss}\n${lookupHighlightCss}`,
      dictionary: {
        lookup: (text) => sendRequest((m) => browser.runtime.sendMessage(m), { type: 'dictionary/lookup', text }),
        cssText: `${cardCss}\n${dictionaryCardCss}`,
        settings: dictionarySettingsOf(settings, browserLanguage),
      },
    });
    if (!reader) return;
    onStop(() => reader.stop());
    // The card follows the settings at once; the reader's own glossary entries re-mark the article.
    reader.card.update(cardSettingsOf(settings, browserLanguage));
    setUiTheme(document, settings.theme);
    onStop(
      watchSettings((next) => {
        reader.card.update(cardSettingsOf(next, browserLanguage));
        reader.dictionary?.update(dictionarySettingsOf(next, browserLanguage));
        setUiTheme(document, next.theme);
      }),
    );
    onStop(
      watchPersonalGlossaryChanged(() => {
        reader.reloadGlossary().catch((error: unknown) => console.error('Prospect Reader: could not reload the glossary', error));
      }),
    );
    if (isFoundationOrigin(location.origin)) {
      addAttachmentControls({
        doc: document,
        articleUrl: reader.article.canonicalUrl,
        label: t(locale, 'pdf.readInReader'),
        open: (target) => {
          sendRequest((m) => browser.runtime.sendMessage(m), { type: 'pdf/open', ...target }).catch((error: unknown) =>
            console.error('Prospect Reader: could not open the PDF', error),
          );
        },
      });
      onStop(() => document.querySelectorAll(ATTACHMENT_HOST_TAG).forEach((host) => host.remove()));
    }
    const count = await reader.ready;
    console.debug(`Prospect Reader: marked ${count} terms in ${reader.article.canonicalUrl}`);

    // Highlights anchor in folded text, so they attach whichever script the page is shown in.
    let fold = { source: reader.glossary.fold, table: createFoldTable(reader.glossary.fold) };
    const foldTable = () => {
      if (fold.source !== reader.glossary.fold) fold = { source: reader.glossary.fold, table: createFoldTable(reader.glossary.fold) };
      return fold.table;
    };
    const highlights = startHighlightSession({
      doc: document,
      article: () => reader.article,
      locale,
      uiCss: highlightUiCss,
      normalize: (text) => foldText(text, foldTable()),
      quietly: reader.quietly,
      send: (request) => sendRequest((m) => browser.runtime.sendMessage(m), request),
      writeClipboard: (text) => navigator.clipboard.writeText(text),
    });
    onStop(() => {
      highlights.stop();
      undrawAll(reader.article.body);
    });
    // The stored highlights anchor against the article as published before its script may change.
    await highlights.ready.catch(() => undefined);
    const bilingual = await startBilingualReading({
      doc: document,
      reader,
      locale,
      settings: { load: loadSettings, update: updateSettings, watch: watchSettings },
      barState: barStateStore,
      // The dictionaries are extension files the background reads the first time a direction is asked for.
      loadConverter: createConverterLoader((direction) =>
        sendRequest((m) => browser.runtime.sendMessage(m), { type: 'script/dictionary', direction }),
      ),
      notAttached: () => highlights.orphans().length,
      openNotes: () =>
        sendRequest((m) => browser.runtime.sendMessage(m), { type: 'notes/open', articleUrl: reader.article.canonicalUrl }),
      barCss: `${controlsCss}\n${barCss}`,
      glossCss,
    });
    onStop(() => bilingual.stop());
    // The one listener of this tab: the shortcuts and the context-menu item (forwarded by the
    // background) and the popup's questions.
    const answerTab = (message: unknown, sender: Browser.runtime.MessageSender) =>
      answerTabMessage(
        {
          'highlight/selection': () => {
            void highlights.highlightSelection();
            return null;
          },
          'reader/command': async ({ command }) => {
            await bilingual.command(command);
            return null;
          },
          'reader/status': () => bilingual.status(),
        },
        browser.runtime.id,
        message,
        sender,
      ) ?? undefined;
    browser.runtime.onMessage.addListener(answerTab);
    onStop(() => browser.runtime.onMessage.removeListener(answerTab));
    // Another tab (or the notes desk, or an import) changed this article's highlights; this tab's
    // own changes are drawn already, so their echo is not refetched.
    const self = await sendRequest((m) => browser.runtime.sendMessage(m), { type: 'client/origin' }).catch(() => null);
    const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && shouldRefetch(changes[HIGHLIGHTS_CHANGED_KEY]?.newValue, reader.article.canonicalUrl, self)) {
        void highlights.refresh();
      }
    };
    browser.storage.onChanged.addListener(onStorage);
    onStop(() => browser.storage.onChanged.removeListener(onStorage));
  },
});
