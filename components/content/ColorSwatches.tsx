import { HIGHLIGHT_COLORS, type HighlightColor } from '../../utils/highlights/types';
import { t, type UiLocale } from '../../utils/i18n/strings';

/** One button a highlight colour, the chosen one pressed: in the selection toolbar and the highlight card. */
export function ColorSwatches({ locale, selected, onPick }: { locale: UiLocale; selected: HighlightColor; onPick: (color: HighlightColor) => void }) {
  return (
    <>
      {HIGHLIGHT_COLORS.map((c) => (
        <button
          key={c}
          type="button"
          class="swatch-button"
          aria-label={t(locale, `highlight.color.${c}`)}
          aria-pressed={c === selected}
          onClick={() => onPick(c)}
        >
          <span class="swatch" data-color={c} aria-hidden="true" />
        </button>
      ))}
    </>
  );
}
