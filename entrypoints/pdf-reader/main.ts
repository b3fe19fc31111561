import { browser } from 'wxt/browser';
import '../../components/content/term-mark.css';
import '../../components/content/highlight-mark.css';
import '../../components/content/lookup-highlight.css';
import '../../components/pdf-reader/pdf-reader.css';
import cardCss from '../../components/content/term-card.css?inline';
import dictionaryCardCss from '../../components/content/dictionary-card.css?inline';
import highlightUiCss from '../../components/content/highlight-ui.css?inline';
import barCss from '../../components/content/reader-bar.css?inline';
import controlsCss from '../../components/common/bilingual-controls.css?inline';
import glossCss from '../../components/content/inline-gloss.css?inline';
import { barStateStore } from '../../content/reader-bar/bar-state';
import { setUiTheme } from '../../content/ui/shadow-host';
import { fetchPdf } from '../../pdf-reader/load/fetch-pdf';
import { startPdfWorker } from '../../pdf-reader/load/open-pdf';
import { startReaderPage } from '../../pdf-reader/reader-page';
import { createConverterLoader } from '../../utils/chinese-script/dictionary';
import { t } from '../../utils/i18n/page-strings';
import { readLocalPdfQuery, readPdfReaderQuery } from '../../utils/messaging/pdf-reader-url';
import type { Request } from '../../utils/messaging/to-background';
import { sendRequest } from '../../utils/messaging/send-request';
import { cardSettingsOf, dictionarySettingsOf, resolveLocale } from '../../utils/settings/settings';
import { loadSettings, updateSettings, watchSettings } from '../../utils/settings/settings-storage';
import { originPattern } from '../../utils/site/allow-site';

async function start(): Promise<void> {
  // pdf.js's worker, the PDF, the glossary and the settings are all asked for at once: none waits for another.
  startPdfWorker();
  const send = <T extends Request>(request: T) => sendRequest((m) => browser.runtime.sendMessage(m), request);
  const download = (url: string) =>
    fetchPdf(url, {
      fetch: (u) => fetch(u, { credentials: 'omit' }),
      siteAllowed: (origin) => browser.permissions.contains({ origins: [originPattern(origin)] }),
    });
  const target = readPdfReaderQuery(location.search);
  const bytes = target ? download(target.pdfUrl) : null;
  // Its failure is shown by the reader page when it takes the bytes.
  bytes?.catch(() => undefined);
  const glossary = send({ type: 'glossary/get' });
  glossary.catch((error: unknown) => console.error('Prospect Reader: could not load the glossary', error));
  const browserLanguage = browser.i18n.getUILanguage();
  const settings = await loadSettings();
  const locale = resolveLocale(settings, browserLanguage);
  document.documentElement.lang = locale === 'zh' ? 'zh-Hant' : 'en';
  document.title = t(locale, 'pdf.pageTitle');
  setUiTheme(document, settings.theme);
  const page = startReaderPage({
    doc: document,
    toolbar: document.getElementById('toolbar')!,
    main: document.getElementById('document')!,
    locale,
    target,
    local: target ? null : readLocalPdfQuery(location.search),
    glossary,
    cardSettings: cardSettingsOf(settings, browserLanguage),
    dictionary: {
      lookup: (text) => send({ type: 'dictionary/lookup', text }),
      cssText: `${cardCss}\n${dictionaryCardCss}`,
      settings: dictionarySettingsOf(settings, browserLanguage),
    },
    send,
    css: { card: cardCss, highlightUi: highlightUiCss, bar: `${controlsCss}\n${barCss}`, gloss: glossCss },
    settings: { load: loadSettings, update: updateSettings, watch: watchSettings },
    barState: barStateStore(browser.storage.local),
    loadConverter: createConverterLoader((direction) => send({ type: 'script/dictionary', direction })),
    writeClipboard: (text) => navigator.clipboard.writeText(text),
    scale: 1.5,
    fetchPdf: (url) => (bytes && url === target?.pdfUrl ? bytes : download(url)),
  });
  await page.ready;
}

void start();
