import { t, type UiLocale } from '../../utils/i18n/strings';
import { DICTIONARY_MODIFIERS, type DictionaryModifier, type Settings } from '../../utils/settings/settings';

export interface DictionaryControlsProps {
  locale: UiLocale;
  settings: Pick<Settings, 'dictionary' | 'dictionaryModifier'>;
  onChange: (patch: Partial<Pick<Settings, 'dictionary' | 'dictionaryModifier'>>) => void;
}

/** Dictionary cards on or off, and the key a lookup may wait for: in the options page and the popup. */
export function DictionaryControls({ locale, settings, onChange }: DictionaryControlsProps) {
  return (
    <fieldset class="dictionary-controls">
      <legend>{t(locale, 'dict.setting')}</legend>
      <label class="check">
        <input type="checkbox" checked={settings.dictionary} onChange={(e) => onChange({ dictionary: e.currentTarget.checked })} />
        {t(locale, 'dict.settingHint')}
      </label>
      <label class="field">
        <span>{t(locale, 'dict.modifier')}</span>
        <select
          value={settings.dictionaryModifier}
          disabled={!settings.dictionary}
          onChange={(e) => onChange({ dictionaryModifier: e.currentTarget.value as DictionaryModifier })}
        >
          {DICTIONARY_MODIFIERS.map((key) => (
            <option key={key} value={key}>
              {t(locale, `dict.modifier.${key}`)}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
