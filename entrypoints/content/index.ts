import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import cardCss from '../../components/content/term-card.css?inline';
import dictionaryCardCss from '../../components/content/dictionary-card.css?inline';
import lookupHighlightCss from '../../components/content/lookup-highlight.css?inline';
import lookupHighlightChromiumCss from '../../components/content/lookup-highlight-chromium.css?inline';
import markCss from '../../components/content/term-mark.css?inline';
import termRangeCss from '../../components/content/term-range.css?inline';
import termRangeChromiumCss from '../../components/content/term-range-chromium.css?inline';
import highlightMarkCss from '../../components/content/highlight-mark.css?inline';
import highlightUiCss from '../../components/content/highlight-ui.css?inline';
import barCss from '../../components/content/reader-bar.css?inline';
import controlsCss from '../../components/common/bilingual-controls.css?inline';
import glossCss from '../../components/content/inline-gloss.css?inline';
import { startArticlePage } from '../../content/page-root/article-page';
import { sendRequest } from '../../utils/messaging/send-request';
import { FOUNDATION_MATCHES } from '../../utils/site/foundation';

export default defineContentScript({
  matches: FOUNDATION_MATCHES,
  // As early as possible: the glossary and settings are asked for while the page is still parsing.
  runAt: 'document_start',
  main() {
    // On another site the reader allowed, the script may be both registered and injected by the click: run once.
    const flag = globalThis as { prospectReaderStarted?: boolean };
    if (flag.prospectReaderStarted) return;
    flag.prospectReaderStarted = true;
    const page = startArticlePage({
      doc: document,
      url: () => location.href,
      origin: location.origin,
      extensionId: browser.runtime.id,
      browserLanguage: browser.i18n.getUILanguage(),
      send: (request) => sendRequest((m) => browser.runtime.sendMessage(m), request),
      onMessage: browser.runtime.onMessage,
      onStorageChanged: browser.storage.onChanged,
      storageLocal: browser.storage.local,
      writeClipboard: (text) => navigator.clipboard.writeText(text),
      css: {
        card: cardCss,
        dictionaryCard: dictionaryCardCss,
        marks: [
          markCss,
          highlightMarkCss,
          ...(import.meta.env.FIREFOX ? [lookupHighlightCss, termRangeCss] : [lookupHighlightChromiumCss, termRangeChromiumCss]),
        ].join('\n'),
        highlightUi: highlightUiCss,
        bar: `${controlsCss}\n${barCss}`,
        gloss: glossCss,
      },
    });
    // An update or reload of the extension orphans this script (its runtime id goes): every feature
    // then stops and leaves the page as it was. WXT's own context is not used for this: a page
    // script can fire the event that invalidates it, and must not be able to switch the reader off.
    const watchdog = setInterval(() => {
      if (browser.runtime?.id != null) return;
      clearInterval(watchdog);
      page.stop();
      flag.prospectReaderStarted = false;
    }, 1000);
  },
});
