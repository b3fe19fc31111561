import type { TermMatch } from '../../utils/glossary/matcher';
import type { FirstMarks } from '../../utils/messaging/to-background';
import { FIRST_MARKS_MAX_CHARS } from '../../utils/messaging/to-background';
import { collectEligibleText } from './eligible-text';
import { createTermMarker } from './term-marker';

export interface FirstMarksOptions {
  root: Element;
  /** The background's glossary/first-marks. */
  matchTexts: (texts: string[]) => Promise<FirstMarks>;
  /** Records the text nodes made here: the page's own marker then only draws the reader's entries in them. */
  ownNodes: WeakMap<Text, string>;
}

export interface FirstMarksResult {
  count: number;
  /** The entries marked, for their details. */
  ids: string[];
}

/**
 * Marks a short article with matches made in the background, before the page has the glossary's
 * index or a matcher of its own (both cost tens of milliseconds at page start). Text the page
 * changed meanwhile is left to the page's marker, and so are the reader's own entries.
 */
export async function markFirstScreen({ root, matchTexts, ownNodes }: FirstMarksOptions): Promise<FirstMarksResult> {
  const texts = collectEligibleText(root).map((node) => node.data);
  if (!texts.length || texts.reduce((n, text) => n + text.length, 0) > FIRST_MARKS_MAX_CHARS) return { count: 0, ids: [] };
  const { ids, found } = await matchTexts(texts);
  const answers = new Map<string, TermMatch[]>();
  texts.forEach((text, i) => answers.set(text, found[i] ?? []));
  // Matches depend only on the text they were found in, so equal text gets the same answer.
  const marker = createTermMarker({
    matcher: { match: (text) => answers.get(text) ?? [], matchEach: (list) => list.map((text) => answers.get(text) ?? []) },
    entryIds: ids,
    ownNodes,
  });
  return { count: marker.markNow(root), ids };
}
