import type { Category, CompiledEntry } from '../../utils/glossary/types';
import type { ArticleLang } from '../../utils/highlights/types';
import { TERM_TAG } from '../marking/eligible-text';
import type { GlossLevel, GlossMode } from '../../utils/settings/settings';
import type { Script } from '../chinese-script/page-script';
import { ATTR } from '../../utils/dom-names';

export interface GlossChoice {
  mode: GlossMode;
  level: GlossLevel;
  /** Used when `level` is 'categories'. */
  categories: readonly Category[];
}

/** The attributes a glossed mark carries; the page's stylesheet shows them (components/inline-gloss.css). */
export const GLOSS_ATTR = ATTR.gloss;
export const GLOSS_MODE_ATTR = ATTR.glossMode;

/** What a gloss says: the English on Chinese pages; on English pages the Chinese, in the reader's script. */
export function glossText(entry: CompiledEntry, pageLang: ArticleLang, script: Script): string {
  if (pageLang === 'zh') return entry.en;
  return script === 'simplified' ? entry.simp : entry.trad;
}

/**
 * For each mark in document order (by its term id), the entry to gloss it with, or null:
 * every mark, only each term's first mark in the article, or only marks of the chosen categories.
 */
export function selectGlosses(
  termIds: readonly string[],
  entries: ReadonlyMap<string, CompiledEntry>,
  choice: GlossChoice,
): (CompiledEntry | null)[] {
  if (choice.mode === 'off') return termIds.map(() => null);
  const seen = new Set<string>();
  return termIds.map((id) => {
    const entry = entries.get(id) ?? null;
    // A gloss is an attribute the page can read; what the reader wrote never goes there.
    if (!entry || entry.personal) return null;
    if (choice.level === 'first') {
      if (seen.has(id)) return null;
      seen.add(id);
    }
    // A reader's own entry without a category is glossed only when every term is.
    if (choice.level === 'categories' && !(entry.category && choice.categories.includes(entry.category))) return null;
    return entry;
  });
}

export interface GlossTarget {
  root: Element;
  entries: ReadonlyMap<string, CompiledEntry>;
  pageLang: ArticleLang;
  script: Script;
}

/**
 * Puts the chosen glosses on the marks under `root` as attributes only, so the page's text
 * (and every offset into it) stays exactly as it was; returns the number of glossed marks.
 */
export function applyGlosses(target: GlossTarget, choice: GlossChoice): number {
  const marks = [...target.root.querySelectorAll(TERM_TAG.toLowerCase())];
  const chosen = selectGlosses(
    marks.map((m) => m.getAttribute(ATTR.termId) ?? ''),
    target.entries,
    choice,
  );
  let count = 0;
  marks.forEach((mark, i) => {
    const entry = chosen[i];
    if (!entry) {
      mark.removeAttribute(GLOSS_ATTR);
      mark.removeAttribute(GLOSS_MODE_ATTR);
      return;
    }
    const text = glossText(entry, target.pageLang, target.script);
    if (mark.getAttribute(GLOSS_ATTR) !== text) mark.setAttribute(GLOSS_ATTR, text);
    if (mark.getAttribute(GLOSS_MODE_ATTR) !== choice.mode) mark.setAttribute(GLOSS_MODE_ATTR, choice.mode);
    count++;
  });
  return count;
}

/** The mode a shortcut moves to next: off → ruby → after → off. */
export function nextGlossMode(mode: GlossMode): GlossMode {
  return mode === 'off' ? 'ruby' : mode === 'ruby' ? 'after' : 'off';
}
