import type { SaveState } from '../../components/content/CardParts';
import { MAX_WORD_UNITS } from '../../utils/dictionary/lookup';
import type { DictionaryMatch } from '../../utils/dictionary/types';
import type { SavedTerm } from '../../utils/highlights/types';
import { t, type UiLocale } from '../../utils/i18n/strings';
import type { DictionaryModifier } from '../../utils/settings/settings';
import { sentenceAroundRange } from '../card/save-term';
import { isInsideSkipped, OWN_HOST_PREFIX } from '../marking/eligible-text';
import { inField } from '../highlights/selection';
import { trustedOnly } from '../ui/trusted';
import { outlineWord } from './lookup-highlight';
import { savedWordFrom } from './save-word';
import { gatherText, isHanAt, isInsideTerm, rangeHolds, rangeOf, sameStart, stillThere, textPointAt, type GatheredText, type TextPoint } from './text-at-point';
import { HOST } from '../../utils/dom-names';
import { createDictionaryCardView } from './dictionary-card-view';
import { followingWords, type FollowingWord } from '../../utils/dictionary/following-words';
import { FOLLOWING_WORDS } from '../../utils/dictionary/card-limits';

export { DICTIONARY_HOST_TAG } from './dictionary-card-view';

export interface DictionarySettings {
  enabled: boolean;
  modifier: DictionaryModifier;
  locale: UiLocale;
  hoverDelayMs: number;
  fontSizePx?: number;
}

export interface DictionaryHoverOptions extends DictionarySettings {
  doc: Document;
  /** The background's dictionary/lookup. */
  lookup: (text: string) => Promise<DictionaryMatch | null>;
  cssText: string;
  /** How long the pointer may take to travel from the word into the card. */
  leaveGraceMs?: number;
  /** A dictionary card opened: the glossary card closes. */
  onOpen?: () => void;
  /** The reader turned dictionary cards off: the glossary card's dictionary section goes too. */
  onTurnedOff?: () => void;
  /** Called each time a card has been drawn and placed (benchmark and tests). */
  onShown?: (word: string) => void;
  articleRoot: () => Element;
  article: () => { url: string; title: string };
  saveTerm?: (term: SavedTerm) => Promise<{ added: boolean }>;
  /** Glossary terms drawn as highlights (not marks) at this point: their card, not the dictionary's. */
  isDrawnTermAt?: (point: TextPoint) => boolean;
}

export interface DictionaryHover {
  /**
   * Looks up the word at a position of the text and opens its card, saying it to screen readers (the
   * keyboard's word cursor); the word's range, or null when no dictionary word starts there.
   */
  openAt(point: TextPoint): Promise<Range | null>;
  update(settings: Partial<DictionarySettings>): void;
  /** Whether the reader has dictionary cards on (the setting), which also gives a term card its dictionary section. */
  isEnabled(): boolean;
  hide(): void;
  destroy(): void;
}

interface Shown {
  match: DictionaryMatch;
  range: Range;
  /** The words after it, once looked up: the card's "Followed by" line. */
  following: readonly FollowingWord[];
}

/** Text gathered at the pointer: the longest word there, and the words that may follow it. */
const GATHERED_UNITS = MAX_WORD_UNITS * (1 + FOLLOWING_WORDS);

/** What a screen reader hears for a word the keyboard opened: the word, its reading and first senses. */
function spokenWord(match: DictionaryMatch): string {
  const entry = match.entries[0];
  return entry ? `${match.word} ${entry.pinyin}: ${entry.senses.slice(0, 2).join('; ')}` : match.word;
}

/** Whether two shown words are one: the same word at the same place, hovered again. */
const sameWord = (a: Shown, b: Shown) => a.match.word === b.match.word && sameStart(a.range, b.range);

const held = (event: MouseEvent | KeyboardEvent, modifier: DictionaryModifier) =>
  modifier === 'none' ||
  (modifier === 'Alt' ? event.altKey : modifier === 'Control' ? event.ctrlKey : event.shiftKey);

/**
 * Dictionary cards for Chinese words outside the glossary's marks: the pointer resting on a Han
 * character (after the hover delay), a tap, or openAt looks up the longest word starting there,
 * outlines it and shows its card. The lookup starts when the pointer arrives, so its round trip
 * to the background overlaps the delay. Only the reader's own input counts.
 */
export function createDictionaryHover(options: DictionaryHoverOptions): DictionaryHover {
  const { doc } = options;
  const win = doc.defaultView!;
  const leaveGrace = options.leaveGraceMs ?? 300;
  let settings: DictionarySettings = {
    enabled: options.enabled,
    modifier: options.modifier,
    locale: options.locale,
    hoverDelayMs: options.hoverDelayMs,
    ...(options.fontSizePx ? { fontSizePx: options.fontSizePx } : {}),
  };
  const view = createDictionaryCardView(doc, options.cssText, () => settings.locale, settings.fontSizePx);
  let shown: Shown | null = null;
  /** The card still on `word`, or null; a new hover of the same word counts, as it carries that word's card on. */
  const shownOn = (word: Shown): Shown | null => (shown && sameWord(shown, word) ? shown : null);
  let pinned = false;
  let saveState: SaveState = 'idle';
  let pendingKey = '';
  let serial = 0;
  let showTimer = 0;
  let hideTimer = 0;
  let lastPointer: { x: number; y: number } | null = null;
  // A card the keyboard opened keeps its place while the pointer rests: the page scrolled to the word
  // slides other text under the resting pointer, and the browser reports that as a move.
  let keyboardOwned = false;
  // The mouse buttons held, as the last mouse event said: a key press does not say.
  let buttons = 0;

  const inCard = view.contains;
  const keyOf = (point: TextPoint) => `${serialOf(point.node)}:${point.offset}`;
  const nodeIds = new WeakMap<Node, number>();
  let nextNodeId = 0;
  const serialOf = (node: Node) => {
    let id = nodeIds.get(node);
    if (id === undefined) nodeIds.set(node, (id = ++nextNodeId));
    return id;
  };

  /** Draws the shown word's card; `place` also starts keeping it beside the word, then runs `placed`. */
  function draw(place = false, placed?: () => void): void {
    if (!shown) return;
    const placing = shown;
    view.draw(
      {
        entries: shown.match.entries,
        following: shown.following,
        locale: settings.locale,
        pinned,
        onTogglePin: () => {
          pinned = !pinned;
          draw();
        },
        onClose: hide,
        ...(options.saveTerm ? { save: { state: saveState, onSave: () => void save() } } : {}),
      },
      place
        ? {
            range: shown.range,
            isShown: () => shown === placing,
            onPlaced: () => {
              options.onShown?.(placing.match.word);
              placed?.();
            },
          }
        : undefined,
    );
  }

  async function save(): Promise<void> {
    const target = shown;
    const entry = target?.match.entries[0];
    if (!options.saveTerm || !target || !entry || saveState === 'saving') return;
    const record = savedWordFrom(entry, sentenceAroundRange(target.range, options.articleRoot()), options.article(), t(settings.locale, 'dict.source'), {
      now: new Date(),
      newId: () => crypto.randomUUID(),
    });
    saveState = 'saving';
    draw();
    let outcome: SaveState;
    try {
      await options.saveTerm(record);
      outcome = 'saved';
    } catch {
      outcome = 'failed';
    }
    // Hovered again meanwhile, the word has a new card: the outcome goes on that one, not on another word's.
    if (!shownOn(target)) return;
    saveState = outcome;
    draw();
  }

  function show(match: DictionaryMatch, gathered: GatheredText): void {
    win.clearTimeout(hideTimer);
    const next: Shown = { match, range: rangeOf(gathered, match.length), following: [] };
    const before = shownOn(next);
    if (before) next.following = before.following;
    else {
      pinned = false;
      saveState = 'idle';
    }
    shown = next;
    options.onOpen?.();
    outlineWord(win, next.range);
    const rest = gathered.text.slice(match.length);
    // In a task of their own once the card is placed: their messages would otherwise hold back its first frame.
    draw(true, before ? undefined : () => win.setTimeout(() => void lookUpFollowing(next, rest), 0));
  }

  /** The words after the shown word, asked for after its card is up; they join the card when they arrive. */
  async function lookUpFollowing(target: Shown, rest: string): Promise<void> {
    if (!shownOn(target)) return;
    try {
      const words = await followingWords(rest, options.lookup);
      // Hovered again meanwhile, the same word has a new card object: the words go on that one.
      const card = shownOn(target);
      if (!card || !words.length) return;
      card.following = words;
      draw();
    } catch (error) {
      console.error('Prospect Reader: dictionary lookup failed', error);
    }
  }

  function hide(): void {
    win.clearTimeout(showTimer);
    win.clearTimeout(hideTimer);
    pendingKey = '';
    serial++;
    shown = null;
    pinned = false;
    keyboardOwned = false;
    outlineWord(win, null);
    view.clear();
  }

  function scheduleHide(): void {
    if (!shown || pinned) return;
    win.clearTimeout(hideTimer);
    hideTimer = win.setTimeout(hide, leaveGrace);
  }

  function cancelPending(): void {
    win.clearTimeout(showTimer);
    pendingKey = '';
    serial++;
  }

  /** A point the dictionary may look up: a Han character outside curated marks and skipped text. */
  function lookable(point: TextPoint | null): point is TextPoint {
    return (
      !!point && isHanAt(point) && !isInsideTerm(point.node) && !options.isDrawnTermAt?.(point) && !isInsideSkipped(point.node, doc.documentElement)
    );
  }

  /**
   * Whether the reader asks for a card now, by pointer or by the modifier key alike: the key held, no
   * drag or selection (the highlight toolbar's moment), not writing (the highlight card's note, a field
   * of the page's). A card drawn over those would take the next click.
   */
  function wanted(event: MouseEvent | KeyboardEvent): boolean {
    const highlightCardFocused = doc.activeElement?.tagName.toLowerCase() === HOST.highlights;
    const writing = highlightCardFocused || (event.target instanceof win.Node && inField(event.target));
    return held(event, settings.modifier) && buttons === 0 && (doc.getSelection()?.isCollapsed ?? true) && !writing;
  }

  /** Looks up the word at the point; shows it after `delay` (the lookup runs meanwhile). */
  async function lookUp(point: TextPoint, delay: number): Promise<boolean> {
    // One catch for the lookup failing and for the card failing to be drawn.
    try {
      win.clearTimeout(showTimer);
      pendingKey = keyOf(point);
      const mine = ++serial;
      const gathered = gatherText(point, GATHERED_UNITS);
      const waited = new Promise<void>((resolve) => {
        showTimer = win.setTimeout(resolve, delay);
      });
      const [match] = await Promise.all([options.lookup(gathered.text), waited]);
      if (mine !== serial) return false;
      pendingKey = '';
      // The text may have changed meanwhile (marked, switched 繁/简): its card would outline other text, or nothing.
      if (!match || !stillThere(gathered)) {
        scheduleHide();
        return false;
      }
      show(match, gathered);
      return true;
    } catch (error) {
      console.error('Prospect Reader: dictionary lookup failed', error);
      return false;
    }
  }

  const onMouseMove = (event: MouseEvent) => {
    const resting = !lastPointer || (lastPointer.x === event.clientX && lastPointer.y === event.clientY);
    lastPointer = { x: event.clientX, y: event.clientY };
    buttons = event.buttons;
    if (keyboardOwned && resting) return;
    keyboardOwned = false;
    if (!settings.enabled) return;
    if (inCard(event.target)) {
      // Reached the card: a word passed over on the way there must not replace it.
      cancelPending();
      win.clearTimeout(hideTimer);
      return;
    }
    // Not over the extension's other UI (the highlight card, the toolbar, the reader bar), whose roots are closed.
    if (event.target instanceof win.Element && event.target.tagName.toUpperCase().startsWith(OWN_HOST_PREFIX)) {
      cancelPending();
      // The pointer left the word for that UI: the card goes too, or it would cover what the reader is reaching for.
      scheduleHide();
      return;
    }
    if (!wanted(event)) {
      cancelPending();
      return;
    }
    const point = textPointAt(doc, event.clientX, event.clientY);
    if (!lookable(point)) {
      cancelPending();
      scheduleHide();
      return;
    }
    if (shown && rangeHolds(shown.range, point)) {
      cancelPending();
      win.clearTimeout(hideTimer);
      return;
    }
    if (pendingKey === keyOf(point)) return;
    scheduleHide();
    void lookUp(point, settings.hoverDelayMs);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && shown) {
      hide();
      return;
    }
    // Pressing the modifier over a word looks it up at once, as in 10ten.
    if (!settings.enabled || settings.modifier === 'none' || event.key !== settings.modifier || !lastPointer || !wanted(event)) return;
    const point = textPointAt(doc, lastPointer.x, lastPointer.y);
    if (lookable(point)) void lookUp(point, 0);
  };

  const onPointerDown = (event: PointerEvent) => {
    buttons = event.buttons;
    if (inCard(event.target)) return;
    // A press is the reader acting (opening a highlight's card, selecting): the hover that led there is over.
    cancelPending();
    if (settings.enabled && event.pointerType !== 'mouse') {
      const point = textPointAt(doc, event.clientX, event.clientY);
      if (lookable(point)) {
        void lookUp(point, 0);
        return;
      }
    }
    if (shown && !pinned) hide();
  };

  const onPointerUp = (event: PointerEvent) => {
    buttons = event.buttons;
  };

  const listeners: [string, EventListener][] = [
    ['mousemove', trustedOnly(onMouseMove) as EventListener],
    ['keydown', trustedOnly(onKeyDown) as EventListener],
    ['pointerdown', trustedOnly(onPointerDown) as EventListener],
    ['pointerup', trustedOnly(onPointerUp) as EventListener],
  ];
  // Passive: the page's own events go through untouched.
  for (const [type, fn] of listeners) doc.addEventListener(type, fn, { capture: true, passive: true });

  return {
    async openAt(point) {
      if (!lookable(point)) return null;
      keyboardOwned = true;
      if (!(await lookUp(point, 0)) || !shown) return null;
      view.say(spokenWord(shown.match));
      return shown.range;
    },
    update(next) {
      const wasEnabled = settings.enabled;
      settings = { ...settings, ...next };
      if (!settings.enabled) {
        hide();
        if (wasEnabled) options.onTurnedOff?.();
      } else {
        view.setFontSize(settings.fontSizePx);
        draw();
      }
    },
    isEnabled: () => settings.enabled,
    hide,
    destroy() {
      hide();
      for (const [type, fn] of listeners) doc.removeEventListener(type, fn, { capture: true });
      view.destroy();
    },
  };
}
