import type { DictionaryEntry } from '../../utils/dictionary/types';
import type { FollowingWord } from '../../utils/dictionary/following-words';
import { dictionaryWordOf } from '../../utils/dictionary/card-limits';
import type { CompiledEntry } from '../../utils/glossary/types';
import type { ArticleLang, SavedTerm } from '../../utils/highlights/types';
import type { UiLocale } from '../../utils/i18n/strings';
import { trustedOnly } from '../ui/trusted';
import { TERM_TAG } from '../marking/eligible-text';
import type { DrawnTerms } from '../marking/term-highlights';
import { textPointAt } from '../dictionary/text-at-point';
import { createHoverIntent } from './hover-intent';
import { createCardView } from './card-view';
import { highlightTarget, markTarget, type CardTarget } from './card-target';
import { createCardSave } from './card-save';
import { ATTR } from '../../utils/dom-names';

export { CARD_HOST_TAG } from './card-view';

export interface CardControllerOptions {
  doc: Document;
  entries: ReadonlyMap<string, CompiledEntry>;
  /** Where marks are counted: the article body. */
  articleRoot: () => Element;
  /** Occurrences counted in the article's text, when not every mark is drawn yet (a very long page). */
  countOf?: (entryId: string) => number | undefined;
  /** Terms drawn as highlights (the reader's own entries): found under the pointer by hit-testing. */
  highlights?: () => DrawnTerms | undefined;
  locale: UiLocale;
  pageLang: ArticleLang;
  cssText: string;
  hoverDelayMs?: number;
  /** The card's base font size in px (the card's CSS var --pr-font-size); the stylesheet's default when absent. */
  fontSizePx?: number;
  /** How long the mouse may take to travel from the term into the card. */
  leaveGraceMs?: number;
  /** Called each time a card has been drawn and placed (used by the benchmark and tests). */
  onShown?: (term: Element | Range) => void;
  /** The article the terms are read in, stored with a saved term. */
  article?: () => { url: string; title: string };
  /** Stores a term the reader saves (the background's terms/save); without it the card offers no "Save term". */
  saveTerm?: (term: SavedTerm) => Promise<{ added: boolean }>;
  /**
   * CC-CEDICT's entries for a word when the dictionary has it whole, or null: the card shows them in
   * a second section once they arrive, never waiting for them.
   */
  dictionaryEntries?: (word: string) => Promise<readonly DictionaryEntry[] | null>;
  /** The dictionary's words right after a term's range in the text (its card's "Followed by" line). */
  followingWords?: (term: Range) => Promise<readonly FollowingWord[]>;
  /**
   * Asks for the details of terms the card has not got (fetched after marking: a slow or failed
   * answer); the card is drawn when `detailsArrived` says they are in.
   */
  want?: (ids: readonly string[]) => void;
}

/** The reader's settings the card follows; changing them redraws an open card. */
export type CardSettings = Pick<CardControllerOptions, 'locale' | 'hoverDelayMs' | 'fontSizePx'>;

/** Who opened a card: the keyboard's term cursor keeps it until the pointer really moves. */
export type CardOpener = 'pointer' | 'keyboard';

export interface CardController {
  show(term: Element | CardTarget, by?: CardOpener): void;
  /** Says the term and its English to screen readers (the keyboard term cursor moved to it). */
  announce(term: Element | CardTarget): void;
  update(settings: Partial<CardSettings>): void;
  /** More terms' details are in `entries`: a card waiting for its own is drawn now. */
  detailsArrived(): void;
  /** The reader turned dictionary cards off: an open card's dictionary section goes. */
  dropDictionary(): void;
  hide(): void;
  destroy(): void;
}

const targetOf = (term: Element | CardTarget): CardTarget => ('anchor' in term ? term : markTarget(term));

/** The word the dictionary is asked for, from the term's text in the page. */
function wordOf(target: CardTarget, entry: CompiledEntry): string {
  return dictionaryWordOf((target.element?.textContent ?? target.range().toString()).trim(), entry);
}

/**
 * The one owner of the term card: decides which term's card is open, whoever asks (hover intent,
 * a tap, the keyboard's term cursor), and draws it through the card view.
 */
export function createCardController(options: CardControllerOptions): CardController {
  const { doc, entries, pageLang } = options;
  let { locale } = options;
  const win = doc.defaultView!;
  let current: CardTarget | null = null;
  let pinned = false;
  // What the dictionary adds to the card open now, each part once its lookup has answered.
  let fromDictionary: { target: CardTarget; entries: readonly DictionaryEntry[]; following: readonly FollowingWord[] } | null = null;
  /** The target whose card is on screen; behind `current` while its details are still coming. */
  let drawnFor: CardTarget | null = null;
  // The highlight term under the pointer, so leaving it is noticed once.
  let pointerOnDrawn: CardTarget | null = null;

  const view = createCardView({
    doc,
    cssText: options.cssText,
    locale,
    pageLang,
    fontSizePx: options.fontSizePx,
    isShown: (target) => current === target,
    onShown: (target) => options.onShown?.(target.element ?? target.range()),
  });
  const intent = createHoverIntent<CardTarget>({
    open: (target) => show(target),
    close: hide,
    delayMs: options.hoverDelayMs ?? 180,
    graceMs: options.leaveGraceMs ?? 300,
    setTimer: (fn, ms) => win.setTimeout(fn, ms),
    clearTimer: (id) => win.clearTimeout(id),
  });
  const saving = createCardSave({
    articleRoot: options.articleRoot,
    locale: () => locale,
    ...(options.article ? { article: options.article } : {}),
    ...(options.saveTerm ? { store: options.saveTerm } : {}),
    isShown: (target) => current === target,
    redraw: (target) => draw(target, false),
  });

  const markOf = (target: EventTarget | null): Element | null =>
    target instanceof win.Element ? target.closest(TERM_TAG.toLowerCase()) : null;

  function countOf(entry: CompiledEntry): number {
    const marks = options.articleRoot().querySelectorAll(`${TERM_TAG.toLowerCase()}[${ATTR.termId}="${CSS.escape(entry.id)}"]`).length;
    return options.countOf?.(entry.id) ?? marks + (options.highlights?.()?.countOf(entry.id) ?? 0);
  }

  function draw(target: CardTarget, place: boolean): void {
    const entry = entries.get(target.id);
    if (!entry) {
      options.want?.([target.id, ...target.senses]);
      return;
    }
    drawnFor = target;
    const otherSenses = target.senses.flatMap((id) => (id !== entry.id ? (entries.get(id) ?? []) : []));
    view.draw(
      target,
      {
        entry,
        otherSenses,
        count: Math.max(countOf(entry), 1),
        pinned,
        onTogglePin: () => {
          pinned = !pinned;
          draw(target, false);
        },
        onClose: hide,
        ...saving.control(target, entry),
        ...(fromDictionary?.target === target ? { dictionary: fromDictionary.entries, following: fromDictionary.following } : {}),
      },
      place,
    );
  }

  /** Asks the dictionary for the term's word and the words after it; each answer is drawn in place, below what is shown. */
  function lookUpWord(target: CardTarget): void {
    const entry = entries.get(target.id);
    if (!entry || fromDictionary?.target === target) return;
    const asked = { target, entries: [] as readonly DictionaryEntry[], following: [] as readonly FollowingWord[] };
    fromDictionary = asked;
    const arrived = (part: Partial<typeof asked>) => {
      if (fromDictionary !== asked || current !== target) return;
      Object.assign(asked, part);
      draw(target, false);
    };
    const failed = (error: unknown) => {
      // Asked again the next time the card opens.
      if (fromDictionary === asked) fromDictionary = null;
      console.error('Prospect Reader: dictionary lookup failed', error);
    };
    options.dictionaryEntries?.(wordOf(target, entry)).then((found) => {
      if (found?.length) arrived({ entries: found });
    }, failed);
    options.followingWords?.(target.range()).then((words) => {
      if (words.length) arrived({ following: words });
    }, failed);
  }

  function show(term: Element | CardTarget, by: CardOpener = 'pointer'): void {
    const target = targetOf(term);
    if (by === 'keyboard') intent.keyboardTookOver();
    else intent.cancel();
    if (current !== target) {
      pinned = false;
      saving.reset();
      fromDictionary = null;
    }
    current = target;
    draw(target, true);
    lookUpWord(target);
  }

  function hide(): void {
    intent.cancel();
    current = null;
    drawnFor = null;
    pinned = false;
    fromDictionary = null;
    view.clear();
  }

  const onMouseOver = (event: MouseEvent) => {
    if (view.contains(event.target)) {
      pointerOnDrawn = null;
      return intent.stay();
    }
    const mark = markOf(event.target);
    if (!mark) return;
    // Off the drawn term now: coming back to it is entering it again.
    pointerOnDrawn = null;
    intent.enter(markTarget(mark), current);
  };

  const onMouseOut = (event: MouseEvent) => {
    const mark = markOf(event.target);
    const from = mark ? markTarget(mark) : view.contains(event.target) ? current : null;
    if (!from) return;
    const to = event.relatedTarget;
    if (view.contains(to) || (mark && to instanceof win.Node && mark.contains(to))) return;
    intent.leave(!!current && !pinned);
  };

  // Drawn terms have no element to enter or leave: the pointer's position is hit-tested instead.
  const onMouseMove = (event: MouseEvent) => {
    intent.moved(event.clientX, event.clientY, event.movementX !== 0 || event.movementY !== 0);
    const layer = options.highlights?.();
    if (!layer || layer.size() === 0 || view.contains(event.target) || markOf(event.target)) return;
    const point = textPointAt(doc, event.clientX, event.clientY);
    const term = point ? layer.termAt(point.node, point.offset) : null;
    const target = term ? highlightTarget(term) : null;
    if (target === pointerOnDrawn) return;
    const left = pointerOnDrawn;
    pointerOnDrawn = target;
    if (target) intent.enter(target, current);
    else if (left) intent.leave(!!current && !pinned);
  };

  // Where focus was before it entered the card, so Escape can hand it back.
  let focusBefore: HTMLElement | null = null;
  const onFocusIn = (event: FocusEvent) => {
    if (view.contains(event.target) && !view.contains(event.relatedTarget)) {
      focusBefore = event.relatedTarget instanceof win.HTMLElement ? event.relatedTarget : null;
    }
  };

  const onPointerDown = (event: PointerEvent) => {
    if (view.contains(event.target)) return;
    const mark = markOf(event.target);
    const layer = options.highlights?.();
    const point = !mark && layer?.size() ? textPointAt(doc, event.clientX, event.clientY) : null;
    const drawn = point ? layer!.termAt(point.node, point.offset) : null;
    const target = mark ? markTarget(mark) : drawn ? highlightTarget(drawn) : null;
    // A tap has no hover: it opens the card at once. Elsewhere, a press closes an unpinned card.
    if (target && event.pointerType !== 'mouse') show(target);
    else if (current && !pinned && target !== current) hide();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !current) return;
    const focusWasInCard = view.contains(doc.activeElement);
    hide();
    if (focusWasInCard) {
      if (focusBefore?.isConnected) focusBefore.focus({ preventScroll: true });
      else view.focused()?.blur();
    }
    focusBefore = null;
  };

  const listeners: [string, EventListener][] = [
    ['mouseover', onMouseOver as EventListener],
    ['mouseout', onMouseOut as EventListener],
    ['mousemove', onMouseMove as EventListener],
    ['focusin', onFocusIn as EventListener],
    ['pointerdown', onPointerDown as EventListener],
    ['keydown', onKeyDown as EventListener],
  ];
  // Passive listeners that never cancel: the page's own clicks and keys go through untouched.
  // Only the reader's own input counts: a page script's synthetic events open and close nothing.
  const trusted = listeners.map(([type, fn]) => [type, trustedOnly(fn)] as const);
  for (const [type, fn] of trusted) doc.addEventListener(type, fn, { capture: true, passive: true });

  return {
    show,
    announce(term) {
      const entry = entries.get(targetOf(term).id);
      if (entry) view.say(pageLang === 'en' ? `${entry.en}: ${entry.trad}` : `${entry.trad}: ${entry.en}`);
    },
    hide,
    update(settings) {
      if (settings.locale) locale = settings.locale;
      if (settings.hoverDelayMs !== undefined) intent.setDelay(settings.hoverDelayMs);
      view.setLook({ ...(settings.locale ? { locale: settings.locale } : {}), ...(settings.fontSizePx !== undefined ? { fontSizePx: settings.fontSizePx } : {}) });
      if (current) draw(current, false);
    },
    detailsArrived() {
      if (!current) return;
      const late = drawnFor !== current;
      draw(current, late);
      if (late) lookUpWord(current);
    },
    dropDictionary() {
      if (!fromDictionary) return;
      fromDictionary = null;
      if (current) draw(current, false);
    },
    destroy() {
      hide();
      for (const [type, fn] of trusted) doc.removeEventListener(type, fn, { capture: true });
      view.destroy();
    },
  };
}
