import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import cardCss from '../../components/term-card.css?inline';
import markCss from '../../components/term-mark.css?inline';
import { startArticleReader } from '../../utils/content/article-reader';
import { localeFromLanguage } from '../../utils/i18n/strings';
import { sendRequest } from '../../utils/messaging/send-request';

export default defineContentScript({
  matches: ['*://pf.org.tw/*', '*://www.pf.org.tw/*'],
  runAt: 'document_idle',
  async main() {
    const reader = await startArticleReader({
      doc: document,
      url: location.href,
      loadGlossary: () => sendRequest((m) => browser.runtime.sendMessage(m), { type: 'glossary/get' }),
      locale: localeFromLanguage(browser.i18n.getUILanguage()),
      cardCss,
      markCss,
    });
    if (!reader) return;
    const count = await reader.ready;
    console.debug(`Prospect Reader: marked ${count} terms in ${reader.article.canonicalUrl}`);
  },
});
