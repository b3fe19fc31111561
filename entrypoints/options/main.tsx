import * as OpenCC from 'opencc-js';
import { render } from 'preact';
import glossaryIndex from 'virtual:glossary-index';
import { browser } from 'wxt/browser';
import '../../components/extension-pages/options.css';
import { OptionsApp } from '../../components/extension-pages/OptionsApp';
import { BackupOptions } from '../../components/extension-pages/BackupOptions';
import { setAutoBackup } from '../../extension-pages/notes/backup-storage';
import { loadPersonalGlossary, updatePersonalGlossary, watchPersonalGlossary } from '../../utils/glossary/personal-storage';
import { t } from '../../utils/i18n/page-strings';
import { resolveLocale } from '../../utils/settings/settings';
import { loadSettings, updateSettings, watchSettings } from '../../utils/settings/settings-storage';
import { disableSite } from '../../utils/site/allow-site';

// Taiwan Traditional ↔ Mainland Simplified, phrase-aware: the reader's entries are found in both scripts.
const tools = {
  toSimplified: OpenCC.Converter({ from: 'tw', to: 'cn' }),
  toTraditional: OpenCC.Converter({ from: 'cn', to: 'tw' }),
};

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function start(root: HTMLElement): Promise<void> {
  let [settings, glossary] = await Promise.all([loadSettings(), loadPersonalGlossary()]);
  const draw = () => {
    const locale = resolveLocale(settings, browser.i18n.getUILanguage());
    document.documentElement.lang = locale === 'zh' ? 'zh-Hant' : 'en';
    document.title = t(locale, 'options.title');
    render(
      <>
        <OptionsApp
        builtIn={glossaryIndex.entries}
        tools={tools}
        locale={locale}
        settings={settings}
        glossary={glossary}
        updateSettings={updateSettings}
        updateGlossary={updatePersonalGlossary}
        removeSite={(origin) => disableSite(browser, origin)}
        download={download}
        />
        <BackupOptions
          locale={locale}
          requestDownloads={() => browser.permissions.request({ permissions: ['downloads'] })}
          setAuto={setAutoBackup}
        />
      </>,
      root,
    );
  };
  // Changes made here, in the popup, the reader bar or another options tab all redraw the page.
  watchSettings((next) => {
    settings = next;
    draw();
  });
  watchPersonalGlossary((next) => {
    glossary = next;
    draw();
  });
  draw();
}

void start(document.getElementById('app')!);
