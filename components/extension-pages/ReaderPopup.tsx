import { useEffect, useState } from 'preact/hooks';
import { t, tf, type UiLocale } from '../../utils/i18n/page-strings';
import type { ReaderStatus } from '../../utils/messaging/to-tab';
import type { Settings } from '../../utils/settings/settings';
import { BilingualControls } from '../common/BilingualControls';
import { DictionaryControls } from '../common/DictionaryControls';

export interface ReaderPopupProps {
  locale: UiLocale;
  initial: Settings;
  settings: {
    update(patch: Partial<Settings>): Promise<Settings>;
    watch(onChange: (settings: Settings) => void): () => void;
  };
  /** Asks the active tab about its article; rejects when the tab has no reader. */
  readStatus: () => Promise<ReaderStatus>;
  notesUrl: string;
  /** Null while the extension has no options page. */
  openOptions: (() => void) | null;
  /**
   * Turns the reader on for the active tab's site (asking the browser for its permission);
   * resolves with what to tell the reader. Null where that cannot be (the browser's own pages).
   */
  readHere: (() => Promise<string>) | null;
  /** "Last backup: 12 days ago." (or never). */
  backupLine: string;
}

/**
 * The toolbar popup: the reader bar's controls for the active tab. They are settings, so the tab
 * (and every other) follows a change at once; the tab reports what it shows and its highlights.
 */
export function ReaderPopup({ locale, initial, settings: store, readStatus, notesUrl, openOptions, readHere, backupLine }: ReaderPopupProps) {
  const [settings, setSettings] = useState(initial);
  const [siteMessage, setSiteMessage] = useState('');
  const [status, setStatus] = useState<ReaderStatus | null>(null);
  const [looked, setLooked] = useState(false);

  const refresh = () =>
    readStatus().then(
      (s) => {
        setStatus(s);
        setLooked(true);
      },
      () => {
        setStatus(null);
        setLooked(true);
      },
    );
  useEffect(() => {
    void refresh();
    return store.watch((next) => {
      setSettings(next);
      // The tab applies the change (a dictionary may load first); ask again for what it shows.
      setTimeout(() => void refresh(), 150);
    });
  }, []);

  const change = (patch: Partial<Settings>) => {
    setSettings({ ...settings, ...patch });
    void store.update(patch);
  };
  const chosenScript = settings.script === 'original' ? null : settings.script;
  return (
    <main class="popup" aria-label={t(locale, 'bar.label')}>
      <h1>{t(locale, 'bar.label')}</h1>
      {looked && !status && <p class="note">{t(locale, 'popup.noArticle')}</p>}
      {looked && !status && readHere && (
        <p class="note">
          <button type="button" onClick={() => void readHere().then(setSiteMessage, (e: unknown) => setSiteMessage(String(e)))}>
            {t(locale, 'sites.readHere')}
          </button>{' '}
          <span role="status">{siteMessage}</span>
        </p>
      )}
      <BilingualControls
        locale={locale}
        scriptAvailable={status ? status.shown !== null : true}
        shown={status?.shown ?? chosenScript}
        busy={false}
        glossMode={settings.glossMode}
        glossLevel={settings.glossLevel}
        glossCategories={settings.glossCategories}
        onScript={(script) => change({ script })}
        onGlossMode={(glossMode) => change({ glossMode })}
        onGlossLevel={(glossLevel) => change({ glossLevel })}
        onGlossCategories={(glossCategories) => change({ glossCategories })}
      />
      <DictionaryControls locale={locale} settings={settings} onChange={change} />
      {status && (
        <p class="note">
          {tf(locale, 'bar.highlights', { n: status.highlights.drawn })}
          {status.highlights.notAttached > 0 && ` · ${tf(locale, 'bar.notAttached', { n: status.highlights.notAttached })}`}
        </p>
      )}
      <p class="note">{backupLine}</p>
      <nav class="links">
        <a href={notesUrl} target="_blank" rel="noopener">
          {t(locale, 'popup.notes')}
        </a>
        {openOptions && (
          <button type="button" onClick={openOptions}>
            {t(locale, 'popup.options')}
          </button>
        )}
      </nav>
    </main>
  );
}
