import { anchorAll, type Anchor } from '../../utils/anchoring/anchor';
import type { Normalize } from '../../utils/anchoring/match-quote';
import { buildTextIndex } from '../../utils/anchoring/text-offsets';
import type { Highlight } from '../../utils/highlights/types';
import { drawHighlights, undrawAll } from './draw';

/** Anchors found earlier, in slices (`anchorAllYielding`), for `list` against the article's `text` then. */
export interface EarlierAnchors {
  list: Highlight[];
  anchors: (Anchor | null)[];
  text: string;
}

/**
 * Takes every highlight out of the article and draws `list` again. The earlier anchors are used
 * when neither the article's text nor the list changed since they were found; otherwise (the
 * script switch, a new highlight) the list is anchored again at once. Returns those that did not attach.
 */
export function redrawAll(
  root: Element,
  earlier: EarlierAnchors,
  list: Highlight[],
  isUnsaved: (id: string) => boolean,
  normalize?: Normalize,
): Highlight[] {
  undrawAll(root);
  const index = buildTextIndex(root);
  const unchanged = index.text === earlier.text && list.length === earlier.list.length && list.every((h, i) => h === earlier.list[i]);
  const anchors = unchanged ? earlier.anchors : anchorAll(root, list, { index, normalize });
  const requests = [];
  const lost: Highlight[] = [];
  for (let i = 0; i < list.length; i++) {
    const anchor = anchors[i];
    const highlight = list[i]!;
    if (anchor) requests.push({ id: highlight.id, color: highlight.color, start: anchor.start, end: anchor.end, unsaved: isUnsaved(highlight.id) });
    else lost.push(highlight);
  }
  drawHighlights(index, requests);
  return lost;
}
