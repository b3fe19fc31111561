import type { CompiledEntry } from '../../utils/glossary/types';
import type { SavedTerm } from '../../utils/highlights/types';
import type { UiLocale } from '../../utils/i18n/strings';

/** The longest sentence kept with a saved term (characters). */
export const MAX_SENTENCE_CHARS = 300;

// The blocks a sentence cannot cross.
const BLOCKS = 'p, li, blockquote, dd, dt, td, th, h1, h2, h3, h4, h5, h6, figcaption, pre';
// A sentence ends at 。！？ (with any closing quotes or brackets after it), or at . ! ? followed by
// a space or the end of the text, so "3.5" and "pf.org.tw" do not split one.
const END = /[。！？][」』”’"')）]*|\.[」』”’"')）]*(?=\s|$)|[!?][」』”’"')）]*(?=\s|$)/gu;

/**
 * The sentence a marked term was read in: the text of its paragraph (or list item, cell…) from the
 * end of the previous sentence to the end of its own, whitespace collapsed, at most
 * MAX_SENTENCE_CHARS long (cut either side of the term, marked with …).
 */
export function sentenceAround(term: Element, root: Element): string {
  const range = term.ownerDocument.createRange();
  range.selectNode(term);
  return sentenceAroundRange(range, root);
}

/** The sentence around a word that is a range of the text (a dictionary word), as sentenceAround. */
export function sentenceAroundRange(word: Range, root: Element): string {
  const start = word.startContainer;
  const block = (start.nodeType === 1 ? (start as Element) : start.parentElement)?.closest(BLOCKS);
  const container = block && root.contains(block) ? block : root;
  const range = word.cloneRange();
  range.selectNodeContents(container);
  range.setEnd(word.startContainer, word.startOffset);
  const before = range.toString();
  range.selectNodeContents(container);
  range.setStart(word.endContainer, word.endOffset);
  const after = range.toString();
  return sentenceFrom(before, word.toString(), after);
}

/** The sentence holding `word`, given the text before and after it (see sentenceAround). */
export function sentenceFrom(before: string, word: string, after: string, max = MAX_SENTENCE_CHARS): string {
  let start = 0;
  for (const match of before.matchAll(END)) start = match.index + match[0].length;
  const end = after.matchAll(END).next().value;
  const left = [...collapse(before.slice(start)).trimStart()];
  const right = [...collapse(end ? after.slice(0, end.index + end[0].length) : after).trimEnd()];
  const budget = Math.max(0, max - [...word].length - 2);
  const leftKept = Math.min(left.length, Math.max(Math.floor(budget / 2), budget - right.length));
  const rightKept = Math.min(right.length, budget - leftKept);
  return [
    leftKept < left.length ? '…' : '',
    left.slice(left.length - leftKept).join(''),
    word,
    right.slice(0, rightKept).join(''),
    rightKept < right.length ? '…' : '',
  ].join('');
}

function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ');
}

/** The record "Save term" stores: the entry as the card shows it, the sentence, and the article. */
export function savedTermFrom(
  entry: CompiledEntry,
  sentence: string,
  article: { url: string; title: string },
  locale: UiLocale,
  options: { now: Date; newId: () => string },
): SavedTerm {
  // The explanation in the reader's language, else whichever the entry has.
  const explanation = (locale === 'zh' ? entry.explainZh || entry.explainEn : entry.explainEn || entry.explainZh);
  return {
    id: options.newId(),
    termId: entry.id,
    trad: entry.trad,
    simp: entry.simp,
    en: entry.en,
    pinyin: entry.pinyin,
    explanation,
    sentence,
    articleUrl: article.url,
    articleTitle: article.title,
    created: options.now.toISOString(),
  };
}
