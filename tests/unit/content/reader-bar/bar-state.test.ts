import { describe, expect, it } from 'vitest';
import { clampBarPosition, countDrawnHighlights, DEFAULT_BAR_STATE, nudge, parseBarState } from '../../../../content/reader-bar/bar-state';
import { htmlDocument } from '../../fixture-dom';

describe('the reader bar’s remembered state', () => {
  it('reads back what was stored', () => {
    expect(parseBarState({ position: { x: 10, y: 20 }, collapsed: true })).toEqual({ position: { x: 10, y: 20 }, collapsed: true });
    expect(parseBarState({ position: null, collapsed: false })).toEqual(DEFAULT_BAR_STATE);
  });

  it('reads damaged or hostile values as the default, so the bar is never lost', () => {
    for (const raw of [undefined, null, 'x', { position: { x: Infinity, y: 0 }, collapsed: false }, { position: { x: 1 }, collapsed: true }, { collapsed: 'yes' }]) {
      expect(parseBarState(raw)).toEqual(DEFAULT_BAR_STATE);
    }
  });

  it('keeps the bar inside a smaller window', () => {
    expect(clampBarPosition({ x: 1500, y: -30 }, { width: 300, height: 40 }, { width: 1000, height: 700 })).toEqual({ x: 696, y: 4 });
    expect(clampBarPosition({ x: 100, y: 200 }, { width: 300, height: 40 }, { width: 1000, height: 700 })).toEqual({ x: 100, y: 200 });
  });

  it('moves with the arrow keys, further with Shift, and ignores other keys', () => {
    expect(nudge({ x: 100, y: 100 }, 'ArrowLeft', false)).toEqual({ x: 84, y: 100 });
    expect(nudge({ x: 100, y: 100 }, 'ArrowDown', true)).toEqual({ x: 100, y: 164 });
    expect(nudge({ x: 100, y: 100 }, 'Enter', false)).toBeNull();
  });

  it('counts each drawn highlight once, however many elements it spans', () => {
    const doc = htmlDocument(
      '<p><pr-highlight data-highlight-id="a">x</pr-highlight><b><pr-highlight data-highlight-id="a">y</pr-highlight></b><pr-highlight data-highlight-id="b">z</pr-highlight></p>',
    );
    expect(countDrawnHighlights(doc.body)).toBe(2);
  });
});
