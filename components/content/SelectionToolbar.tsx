import type { HighlightColor } from '../../utils/highlights/types';
import { ColorSwatches } from './ColorSwatches';
import { t, type UiLocale } from '../../utils/i18n/strings';

export interface SelectionToolbarProps {
  locale: UiLocale;
  /** The colour the Highlight button uses: the last one chosen. */
  color: HighlightColor;
  onHighlight: (color: HighlightColor) => void;
}

/** Shown next to a selection in the article: Highlight in the last colour, or pick one. */
export function SelectionToolbar({ locale, color, onHighlight }: SelectionToolbarProps) {
  return (
    <div
      class="toolbar"
      role="toolbar"
      aria-label={t(locale, 'highlight.toolbar')}
      // Pressing a button must not clear the reader's selection.
      onMouseDown={(event) => event.preventDefault()}
    >
      <button type="button" class="primary" data-color={color} onClick={() => onHighlight(color)}>
        <span class="swatch" data-color={color} aria-hidden="true" />
        {t(locale, 'highlight.action')}
      </button>
      <ColorSwatches locale={locale} selected={color} onPick={onHighlight} />
    </div>
  );
}
