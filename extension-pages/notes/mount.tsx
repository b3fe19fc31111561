import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { NotesApp } from '../../components/extension-pages/NotesApp';
import { ProspectDb } from '../../background/db/database';
import { INTEGRITY_STATUS_KEY } from '../../background/db/integrity-status';
import { localeFromLanguage, t, type UiLocale } from '../../utils/i18n/page-strings';
import { readNotesHash } from '../../utils/messaging/notes-url';
import type { Request } from '../../utils/messaging/to-background';
import { sendRequest } from '../../utils/messaging/send-request';
import { useActiveArticle, type TabsApi } from './active-article';
import { recordedWipe } from './integrity-notice';
import { recordBackup, useBackupState } from './backup-storage';
import { loadSettings, watchSettings } from '../../utils/settings/settings-storage';
import type { Theme } from '../../utils/settings/settings';

const request = <T extends Request>(message: T) => sendRequest((m) => browser.runtime.sendMessage(m), message);

function useRecordedWipe(): [boolean, () => void] {
  const [wiped, setWiped] = useState(false);
  useEffect(() => {
    void browser.storage.local.get(INTEGRITY_STATUS_KEY).then((items) => setWiped(recordedWipe(items[INTEGRITY_STATUS_KEY]) !== undefined));
  }, []);
  const dismiss = () => {
    setWiped(false);
    void browser.storage.local.remove(INTEGRITY_STATUS_KEY);
  };
  return [wiped, dismiss];
}

function NotesPage({ db, locale }: { db: ProspectDb; locale: UiLocale }) {
  const [wiped, dismiss] = useRecordedWipe();
  const backup = useBackupState();
  return (
    <NotesApp
      db={db}
      locale={locale}
      request={request}
      target={readNotesHash(location.hash)}
      wiped={wiped}
      onDismissWipe={dismiss}
      backup={backup}
      onBackedUp={(at) => void recordBackup(at)}
      doc={document}
    />
  );
}

function SidePanel({ db, locale }: { db: ProspectDb; locale: UiLocale }) {
  const [wiped, dismiss] = useRecordedWipe();
  const backup = useBackupState();
  const articleUrl = useActiveArticle(browser.tabs as unknown as TabsApi);
  if (articleUrl === undefined) return null;
  return (
    <NotesApp
      db={db}
      locale={locale}
      request={request}
      target={{}}
      scope={{ articleUrl }}
      wiped={wiped}
      onDismissWipe={dismiss}
      backup={backup}
      onBackedUp={(at) => void recordBackup(at)}
      doc={document}
    />
  );
}

/**
 * Starts the notes page (all highlights) or the side panel (the active tab's article). Both open
 * the database directly: they live in the extension's origin, like the background.
 */
export function mountNotes(kind: 'page' | 'sidepanel'): void {
  const locale = localeFromLanguage(browser.i18n.getUILanguage());
  // The theme chosen in the options ('system' leaves it to the browser); notes.css follows color-scheme.
  const applyTheme = (theme: Theme) => {
    document.documentElement.dataset.theme = theme;
  };
  void loadSettings().then((settings) => applyTheme(settings.theme));
  watchSettings((settings) => applyTheme(settings.theme));
  document.documentElement.lang = locale === 'zh' ? 'zh-Hant' : 'en';
  document.title = t(locale, 'notes.title');
  // Asks the browser not to evict the database under storage pressure (granted silently or not at all).
  void navigator.storage?.persist?.().catch(() => false);
  const db = new ProspectDb();
  const root = document.getElementById('app') as HTMLElement;
  render(kind === 'page' ? <NotesPage db={db} locale={locale} /> : <SidePanel db={db} locale={locale} />, root);
}
