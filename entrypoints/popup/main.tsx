import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/common/bilingual-controls.css';
import '../../components/extension-pages/reader-popup.css';
import { ReaderPopup } from '../../components/extension-pages/ReaderPopup';
import { askTab, type ToTab } from '../../utils/messaging/to-tab';
import { resolveLocale } from '../../utils/settings/settings';
import { loadSettings, updateSettings, watchSettings } from '../../utils/settings/settings-storage';
import { enableOnTab } from '../../utils/site/allow-site';
import { t, tf } from '../../utils/i18n/page-strings';
import { backupAge, BACKUP_STATE_KEY, readBackupState } from '../../utils/backup/backup-state';

void (async () => {
  const settings = await loadSettings();
  const locale = resolveLocale(settings, browser.i18n.getUILanguage());
  const manifest = browser.runtime.getManifest();
  // Looked up before any click, so the click itself asks for the permission (only a user action may).
  const [activeTab] = await browser.tabs.query({ active: true, currentWindow: true });
  const backup = readBackupState((await browser.storage.local.get(BACKUP_STATE_KEY))[BACKUP_STATE_KEY]);
  const age = backupAge(backup, new Date(), locale);
  render(
    <ReaderPopup
      locale={locale}
      initial={settings}
      settings={{ update: updateSettings, watch: watchSettings }}
      readStatus={async () => {
        const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
        if (tab?.id === undefined) throw new Error('no active tab');
        return askTab((id, m: ToTab) => browser.tabs.sendMessage(id, m), tab.id, { type: 'reader/status' });
      }}
      notesUrl={browser.runtime.getURL('/notes.html' as '/')}
      backupLine={age === null ? t(locale, 'notes.backupNever') : tf(locale, 'notes.backupLast', { age })}
      openOptions={manifest.options_ui || manifest.options_page ? () => void browser.runtime.openOptionsPage() : null}
      readHere={
        activeTab && /^https:/.test(activeTab.url ?? '')
          ? async () => {
              const result = await enableOnTab(browser, activeTab);
              if (!result.ok) return t(locale, result.reason === 'unsupported-page' ? 'sites.unsupported' : 'sites.failed');
              return t(locale, result.remembered ? 'sites.remembered' : 'sites.thisTabOnly');
            }
          : null
      }
    />,
    document.getElementById('app')!,
  );
})();
