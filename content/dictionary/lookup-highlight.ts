/** The Custom Highlight the looked-up word is outlined with (styled in lookup-highlight.css). */
import { CSS_HIGHLIGHT } from '../../utils/dom-names';
export const LOOKUP_HIGHLIGHT = CSS_HIGHLIGHT.lookup;

type HighlightWindow = Window & {
  Highlight?: new (...ranges: Range[]) => { priority: number };
  CSS?: { highlights?: Map<string, unknown> };
};

/**
 * Outlines the word with the CSS Custom Highlight API, which paints over the text without
 * changing the DOM (no wrapper element for the page's scripts or the marker to trip over);
 * null takes the outline away. Browsers without the API show the card alone.
 */
export function outlineWord(win: Window, range: Range | null): void {
  const { Highlight, CSS: css } = win as HighlightWindow;
  if (!Highlight || !css?.highlights) return;
  if (range) {
    // Above the term ranges whichever was registered last (their layer leaves and rejoins the registry).
    const outline = new Highlight(range);
    outline.priority = 1;
    css.highlights.set(LOOKUP_HIGHLIGHT, outline);
  } else css.highlights.delete(LOOKUP_HIGHLIGHT);
}
