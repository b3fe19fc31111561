import { CATEGORIES, type Category } from '../../utils/glossary/types';
import { categoryLabel, t, type UiLocale } from '../../utils/i18n/strings';
import type { Script } from '../../utils/chinese-script/script';
import { GLOSS_LEVELS, GLOSS_MODES, type GlossLevel, type GlossMode } from '../../utils/settings/settings';

export interface BilingualControlsProps {
  locale: UiLocale;
  /** Whether a Chinese article is there to switch (not on English pages). */
  scriptAvailable: boolean;
  /** The script shown now; null when not known (none of the buttons is pressed). */
  shown: Script | null;
  /** The dictionary for the other direction is loading. */
  busy: boolean;
  glossMode: GlossMode;
  glossLevel: GlossLevel;
  glossCategories: readonly Category[];
  onScript: (script: Script) => void;
  onGlossMode: (mode: GlossMode) => void;
  onGlossLevel: (level: GlossLevel) => void;
  onGlossCategories: (categories: Category[]) => void;
}

/** The script switch, the gloss mode and the reading level: shared by the reader bar and the toolbar popup. */
export function BilingualControls(props: BilingualControlsProps) {
  const { locale, shown, busy, glossMode, glossLevel, glossCategories } = props;
  const scriptButton = (script: Script, key: 'bar.simplified' | 'bar.traditional') => (
    <button
      type="button"
      class="script"
      lang={script === 'simplified' ? 'zh-Hans' : 'zh-Hant'}
      aria-pressed={shown === script}
      aria-label={t(locale, key)}
      title={t(locale, key)}
      // aria-disabled, not disabled: a disabled button drops the keyboard focus the reader pressed it with.
      aria-disabled={busy}
      onClick={() => {
        if (!busy) props.onScript(script);
      }}
    >
      {script === 'simplified' ? '简' : '繁'}
    </button>
  );
  return (
    <div class="controls">
      {props.scriptAvailable && (
        <div class="group" role="group" aria-label={t(locale, 'bar.script')} aria-busy={busy}>
          {scriptButton('traditional', 'bar.traditional')}
          {scriptButton('simplified', 'bar.simplified')}
        </div>
      )}
      <label class="field">
        <span>{t(locale, 'bar.glosses')}</span>
        <select
          value={glossMode}
          onChange={(e) => props.onGlossMode((e.currentTarget as HTMLSelectElement).value as GlossMode)}
        >
          {GLOSS_MODES.map((mode) => (
            <option value={mode}>{t(locale, `bar.gloss.${mode}`)}</option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t(locale, 'bar.level')}</span>
        <select
          value={glossLevel}
          onChange={(e) => props.onGlossLevel((e.currentTarget as HTMLSelectElement).value as GlossLevel)}
        >
          {GLOSS_LEVELS.map((level) => (
            <option value={level}>{t(locale, `bar.level.${level}`)}</option>
          ))}
        </select>
      </label>
      {glossLevel === 'categories' && (
        <fieldset class="categories">
          <legend>{t(locale, 'bar.categories')}</legend>
          {CATEGORIES.map((category) => (
            <label>
              <input
                type="checkbox"
                checked={glossCategories.includes(category)}
                onChange={(e) => {
                  const on = (e.currentTarget as HTMLInputElement).checked;
                  props.onGlossCategories(
                    CATEGORIES.filter((c) => (c === category ? on : glossCategories.includes(c))),
                  );
                }}
              />
              {categoryLabel(locale, category)}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
