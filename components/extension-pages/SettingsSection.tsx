import type { OptionsEnv } from './options-env';
import { DictionaryControls } from '../common/DictionaryControls';
import { CATEGORIES } from '../../utils/glossary/types';
import { categoryLabel, t } from '../../utils/i18n/page-strings';
import { CARD_FONT_SIZE_PX, GLOSS_LEVELS, GLOSS_MODES, HOVER_DELAY_MS, SCRIPT_PREFERENCES, THEMES, UI_LANGUAGES, type Settings } from '../../utils/settings/settings';

function Choice<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[];
  text: (v: T) => string;
  onChange: (v: T) => void;
}) {
  return (
    <label class="field">
      <span>{props.label}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as T)}>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.text(o)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The reader's settings: languages, glosses, cards, theme, dictionary and the other sites. */
export function SettingsForm({ locale, settings, updateSettings, removeSite }: OptionsEnv) {
  const set = (patch: Partial<Settings>) => void updateSettings(patch);
  const number = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t(locale, 'options.settings')}</h2>
      <Choice
        label={t(locale, 'options.language')}
        value={settings.uiLanguage}
        options={UI_LANGUAGES}
        text={(v) => t(locale, `options.language.${v}`)}
        onChange={(uiLanguage) => set({ uiLanguage })}
      />
      <Choice
        label={t(locale, 'options.script')}
        value={settings.script}
        options={SCRIPT_PREFERENCES}
        text={(v) => t(locale, `options.script.${v}`)}
        onChange={(script) => set({ script })}
      />
      <Choice
        label={t(locale, 'options.glossMode')}
        value={settings.glossMode}
        options={GLOSS_MODES}
        text={(v) => t(locale, `options.glossMode.${v}`)}
        onChange={(glossMode) => set({ glossMode })}
      />
      <Choice
        label={t(locale, 'options.glossLevel')}
        value={settings.glossLevel}
        options={GLOSS_LEVELS}
        text={(v) => t(locale, `options.glossLevel.${v}`)}
        onChange={(glossLevel) => set({ glossLevel })}
      />
      <fieldset>
        <legend>{t(locale, 'options.categories')}</legend>
        {CATEGORIES.map((c) => (
          <label key={c} class="check">
            <input
              type="checkbox"
              checked={settings.glossCategories.includes(c)}
              onChange={(e) =>
                set({
                  glossCategories: e.currentTarget.checked
                    ? [...settings.glossCategories, c]
                    : settings.glossCategories.filter((x) => x !== c),
                })
              }
            />
            {categoryLabel(locale, c)}
          </label>
        ))}
      </fieldset>
      <label class="field">
        <span>{t(locale, 'options.hoverDelay')}</span>
        <input
          type="number"
          min={HOVER_DELAY_MS.min}
          max={HOVER_DELAY_MS.max}
          step={HOVER_DELAY_MS.step}
          value={settings.hoverDelayMs}
          onChange={(e) => set({ hoverDelayMs: number(e.currentTarget.value) })}
        />
      </label>
      <label class="field">
        <span>{t(locale, 'options.fontSize')}</span>
        <input
          type="number"
          min={CARD_FONT_SIZE_PX.min}
          max={CARD_FONT_SIZE_PX.max}
          step={CARD_FONT_SIZE_PX.step}
          value={settings.cardFontSize}
          onChange={(e) => set({ cardFontSize: number(e.currentTarget.value) })}
        />
      </label>
      <Choice
        label={t(locale, 'options.theme')}
        value={settings.theme}
        options={THEMES}
        text={(v) => t(locale, `options.theme.${v}`)}
        onChange={(theme) => set({ theme })}
      />
      <DictionaryControls locale={locale} settings={settings} onChange={set} />
      <h3>{t(locale, 'options.sites')}</h3>
      <p class="hint">{t(locale, 'options.sitesHint')}</p>
      {settings.allowedOrigins.length === 0 ? (
        <p>{t(locale, 'options.sitesNone')}</p>
      ) : (
        <ul class="sites">
          {settings.allowedOrigins.map((origin) => (
            <li key={origin}>
              <span>{origin}</span>{' '}
              <button type="button" aria-label={`${t(locale, 'options.remove')} ${origin}`} onClick={() => void removeSite(origin)}>
                {t(locale, 'options.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
