import { BuiltInHiding } from './BuiltInHiding';
import { GlossaryEditor } from './GlossaryEditor';
import { ImportExport } from './ImportExport';
import { SettingsForm } from './SettingsSection';
import { AboutSection } from './AboutSection';
import { t } from '../../utils/i18n/page-strings';
import type { OptionsEnv } from './options-env';
import { KeyboardHelp } from './KeyboardHelp';

export function OptionsApp(props: OptionsEnv) {
  const { locale } = props;
  return (
    <main class="options" lang={locale === 'zh' ? 'zh-Hant' : 'en'}>
      <h1>{t(locale, 'options.title')}</h1>
      <SettingsForm {...props} />
      <GlossaryEditor {...props} />
      <BuiltInHiding {...props} />
      <ImportExport {...props} />
      <KeyboardHelp locale={locale} />
      <AboutSection locale={locale} />
    </main>
  );
}
