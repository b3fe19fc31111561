import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/bilingual-controls.css';
import '../../components/reader-popup.css';
import { ReaderPopup } from '../../components/ReaderPopup';
import { askTab, type ReaderMessage } from '../../utils/messaging/reader-messages';
import { resolveLocale } from '../../utils/settings/settings';
import { loadSettings, updateSettings, watchSettings } from '../../utils/settings/settings-storage';

void (async () => {
  const settings = await loadSettings();
  const manifest = browser.runtime.getManifest();
  render(
    <ReaderPopup
      locale={resolveLocale(settings, browser.i18n.getUILanguage())}
      initial={settings}
      settings={{ update: updateSettings, watch: watchSettings }}
      readStatus={async () => {
        const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
        if (tab?.id === undefined) throw new Error('no active tab');
        return askTab((id, m: ReaderMessage) => browser.tabs.sendMessage(id, m), tab.id, { type: 'reader/status' });
      }}
      notesUrl={browser.runtime.getURL('/notes.html' as '/')}
      openOptions={manifest.options_ui || manifest.options_page ? () => void browser.runtime.openOptionsPage() : null}
    />,
    document.getElementById('app')!,
  );
})();
