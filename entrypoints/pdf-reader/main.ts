import { browser } from 'wxt/browser';
import '../../components/content/term-mark.css';
import '../../components/content/highlight-mark.css';
import '../../components/pdf-reader/pdf-reader.css';
import cardCss from '../../components/content/term-card.css?inline';
import highlightUiCss from '../../components/content/highlight-ui.css?inline';
import barCss from '../../components/content/reader-bar.css?inline';
import controlsCss from '../../components/common/bilingual-controls.css?inline';
import glossCss from '../../components/content/inline-gloss.css?inline';
import { barStateStore } from '../../content/reader-bar/bar-state-storage';
import { setUiTheme } from '../../content/ui/shadow-host';
import { fetchPdf } from '../../pdf-reader/load/fetch-pdf';
import { startReaderPage } from '../../pdf-reader/reader-page';
import { createConverterLoader } from '../../utils/chinese-script/dictionary';
import { t } from '../../utils/i18n/strings';
import { readPdfReaderQuery } from '../../utils/messaging/pdf-reader-url';
import type { Request } from '../../utils/messaging/to-background';
import { sendRequest } from '../../utils/messaging/send-request';
import { cardSettingsOf, resolveLocale } from '../../utils/settings/settings';
import { loadSettings, updateSettings, watchSettings } from '../../utils/settings/settings-storage';
import { originPattern } from '../../utils/site/allow-site';

async function start(): Promise<void> {
  const browserLanguage = browser.i18n.getUILanguage();
  const settings = await loadSettings();
  const locale = resolveLocale(settings, browserLanguage);
  document.documentElement.lang = locale === 'zh' ? 'zh-Hant' : 'en';
  document.title = t(locale, 'pdf.pageTitle');
  setUiTheme(document, settings.theme);
  const send = <T extends Request>(request: T) => sendRequest((m) => browser.runtime.sendMessage(m), request);
  const download = (url: string) =>
    fetchPdf(url, {
      fetch: (u) => fetch(u, { credentials: 'omit' }),
      siteAllowed: (origin) => browser.permissions.contains({ origins: [originPattern(origin)] }),
    });
  const target = readPdfReaderQuery(location.search);
  // The download and the glossary are asked for together: neither waits for the other.
  const [glossary, bytes] = await Promise.allSettled([send({ type: 'glossary/get' }), target ? download(target.pdfUrl) : Promise.resolve(null)]);
  if (glossary.status === 'rejected') throw glossary.reason;
  const page = startReaderPage({
    doc: document,
    toolbar: document.getElementById('toolbar')!,
    main: document.getElementById('document')!,
    locale,
    target,
    glossary: glossary.value,
    cardSettings: cardSettingsOf(settings, browserLanguage),
    send,
    css: { card: cardCss, highlightUi: highlightUiCss, bar: `${controlsCss}\n${barCss}`, gloss: glossCss },
    settings: { load: loadSettings, update: updateSettings, watch: watchSettings },
    barState: barStateStore,
    loadConverter: createConverterLoader((direction) => send({ type: 'script/dictionary', direction })),
    writeClipboard: (text) => navigator.clipboard.writeText(text),
    scale: 1.5,
    fetchPdf: (url) =>
      url === target?.pdfUrl ? (bytes.status === 'fulfilled' ? Promise.resolve(bytes.value!) : Promise.reject(bytes.reason)) : download(url),
  });
  await page.ready;
}

void start();
