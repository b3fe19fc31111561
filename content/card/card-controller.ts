import { h, render } from 'preact';
import { TermCard, type SaveState } from '../../components/content/TermCard';
import type { CompiledEntry } from '../../utils/glossary/types';
import type { ArticleLang, SavedTerm } from '../../utils/highlights/types';
import { savedTermFrom, sentenceAround } from './save-term';
import { t, type UiLocale } from '../../utils/i18n/strings';
import { mountUi } from '../ui/mount-ui';
import { placeCard } from '../ui/place-card';
import { trustedOnly } from '../ui/trusted';
import { TERM_TAG } from '../marking/eligible-text';
import { ELEMENT_ID, HOST } from '../../utils/dom-names';

export const CARD_HOST_TAG = HOST.termCard;
const CARD_ID = ELEMENT_ID.termCard;

export interface CardControllerOptions {
  doc: Document;
  entries: ReadonlyMap<string, CompiledEntry>;
  /** Where marks are counted: the article body. */
  articleRoot: () => Element;
  /** Occurrences counted in the article's text, when not every mark is drawn yet (a very long page). */
  countOf?: (entryId: string) => number | undefined;
  locale: UiLocale;
  pageLang: ArticleLang;
  cssText: string;
  hoverDelayMs?: number;
  /** The card's base font size in px (the card's CSS var --pr-font-size); the stylesheet's default when absent. */
  fontSizePx?: number;
  /** How long the mouse may take to travel from the term into the card. */
  leaveGraceMs?: number;
  /** Called each time a card has been drawn and placed (used by the benchmark and tests). */
  onShown?: (term: Element) => void;
  /** The article the terms are read in, stored with a saved term. */
  article?: () => { url: string; title: string };
  /** Stores a term the reader saves (the background's terms/save); without it the card offers no "Save term". */
  saveTerm?: (term: SavedTerm) => Promise<{ added: boolean }>;
}

/** The reader's settings the card follows; changing them redraws an open card. */
export type CardSettings = Pick<CardControllerOptions, 'locale' | 'hoverDelayMs' | 'fontSizePx'>;

export interface CardController {
  show(term: Element): void;
  /** Says the term and its English to screen readers (the keyboard term cursor moved to it). */
  announce(term: Element): void;
  update(settings: Partial<CardSettings>): void;
  hide(): void;
  destroy(): void;
}

export function createCardController(options: CardControllerOptions): CardController {
  const { doc, entries, pageLang } = options;
  let { locale, fontSizePx } = options;
  let hoverDelay = options.hoverDelayMs ?? 180;
  const leaveGrace = options.leaveGraceMs ?? 300;
  const win = doc.defaultView!;
  let current: Element | null = null;
  let pinned = false;
  let saveState: SaveState = 'idle';
  let showTimer = 0;
  let hideTimer = 0;
  let stopAutoUpdate: (() => void) | null = null;

  const termOf = (target: EventTarget | null): Element | null =>
    target instanceof win.Element ? target.closest(TERM_TAG.toLowerCase()) : null;
  let status: HTMLElement | null = null;
  const ui = mountUi(doc, {
    tag: CARD_HOST_TAG,
    css: options.cssText,
    onCreate: (shadow) => {
      // A live region that exists before it speaks, so screen readers hear each change.
      status = doc.createElement('div');
      status.className = 'pr-announce';
      status.setAttribute('role', 'status');
      status.setAttribute('aria-label', t(locale, 'card.label'));
      shadow.root.append(status);
      applyLook(shadow.host);
    },
  });
  const inCard = ui.contains;
  const ensureHost = ui.ensure;

  function announce(term: Element): void {
    const entry = entries.get(term.getAttribute('data-term-id') ?? '');
    if (!entry) return;
    ensureHost();
    const said = pageLang === 'en' ? `${entry.en}: ${entry.trad}` : `${entry.trad}: ${entry.en}`;
    win.setTimeout(() => {
      if (status) status.textContent = said;
    }, 50);
  }

  function applyLook(host: HTMLElement): void {
    if (fontSizePx) host.style.setProperty('--pr-font-size', `${fontSizePx}px`);
    else host.style.removeProperty('--pr-font-size');
  }

  function draw(term: Element): void {
    const entry = entries.get(term.getAttribute('data-term-id') ?? '');
    if (!entry) return;
    const { mount } = ensureHost();
    const otherSenses = (term.getAttribute('data-term-senses') ?? '')
      .split(' ')
      .flatMap((id) => (id && id !== entry.id ? (entries.get(id) ?? []) : []));
    const count =
      options.countOf?.(entry.id) ??
      options.articleRoot().querySelectorAll(`${TERM_TAG.toLowerCase()}[data-term-id="${CSS.escape(entry.id)}"]`).length;
    render(
      h(TermCard, {
        id: CARD_ID,
        entry,
        otherSenses,
        count: Math.max(count, 1),
        locale,
        pageLang,
        pinned,
        onTogglePin: () => {
          pinned = !pinned;
          draw(term);
        },
        onClose: hide,
        ...(options.saveTerm && options.article ? { save: { state: saveState, onSave: () => void saveTerm(term, entry) } } : {}),
      }),
      mount,
    );
  }

  async function saveTerm(term: Element, entry: CompiledEntry): Promise<void> {
    const { saveTerm: store, article } = options;
    if (!store || !article || saveState === 'saving') return;
    const root = options.articleRoot();
    const record = savedTermFrom(entry, sentenceAround(term, root), article(), locale, {
      now: new Date(),
      newId: () => crypto.randomUUID(),
    });
    saveState = 'saving';
    draw(term);
    let outcome: SaveState;
    try {
      await store(record);
      outcome = 'saved';
    } catch {
      outcome = 'failed';
    }
    if (current !== term) return;
    saveState = outcome;
    draw(term);
  }

  function show(term: Element): void {
    win.clearTimeout(showTimer);
    win.clearTimeout(hideTimer);
    if (current !== term) {
      pinned = false;
      saveState = 'idle';
    }
    current = term;
    draw(term);
    const card = ui.current()?.mount.firstElementChild as HTMLElement | null;
    if (!card) return;
    stopAutoUpdate?.();
    stopAutoUpdate = placeCard(term, card, () => current === term, () => options.onShown?.(term));
  }

  function hide(): void {
    win.clearTimeout(showTimer);
    win.clearTimeout(hideTimer);
    stopAutoUpdate?.();
    stopAutoUpdate = null;
    current = null;
    pinned = false;
    ui.clear();
  }

  function scheduleHide(): void {
    if (pinned) return;
    win.clearTimeout(hideTimer);
    hideTimer = win.setTimeout(hide, leaveGrace);
  }

  const onMouseOver = (event: MouseEvent) => {
    if (inCard(event.target)) {
      win.clearTimeout(hideTimer);
      return;
    }
    const term = termOf(event.target);
    if (!term) return;
    if (term === current) {
      win.clearTimeout(hideTimer);
      return;
    }
    win.clearTimeout(showTimer);
    showTimer = win.setTimeout(() => show(term), hoverDelay);
  };

  const onMouseOut = (event: MouseEvent) => {
    const from = termOf(event.target) ?? (inCard(event.target) ? current : null);
    if (!from) return;
    const to = event.relatedTarget;
    if (inCard(to) || (to instanceof win.Node && from.contains(to))) return;
    win.clearTimeout(showTimer);
    if (current) scheduleHide();
  };

  // Where focus was before it entered the card, so Escape can hand it back.
  let focusBefore: HTMLElement | null = null;
  const onFocusIn = (event: FocusEvent) => {
    if (inCard(event.target) && !inCard(event.relatedTarget)) {
      focusBefore = event.relatedTarget instanceof win.HTMLElement ? event.relatedTarget : null;
    }
  };

  const onPointerDown = (event: PointerEvent) => {
    if (inCard(event.target)) return;
    const term = termOf(event.target);
    // A tap has no hover: it opens the card at once. Elsewhere, a press closes an unpinned card.
    if (term && event.pointerType !== 'mouse') show(term);
    else if (current && !pinned && term !== current) hide();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !current) return;
    const focusWasInCard = inCard(doc.activeElement);
    hide();
    if (focusWasInCard) {
      if (focusBefore?.isConnected) focusBefore.focus({ preventScroll: true });
      else (ui.current()?.root.activeElement as HTMLElement | null)?.blur();
    }
    focusBefore = null;
  };

  const listeners: [string, EventListener][] = [
    ['mouseover', onMouseOver as EventListener],
    ['mouseout', onMouseOut as EventListener],
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
    announce,
    hide,
    update(settings) {
      if (settings.locale) locale = settings.locale;
      if (settings.hoverDelayMs !== undefined) hoverDelay = settings.hoverDelayMs;
      if (settings.fontSizePx !== undefined) fontSizePx = settings.fontSizePx;
      const shadow = ui.current();
      if (shadow) applyLook(shadow.host);
      if (current) draw(current);
    },
    destroy() {
      hide();
      for (const [type, fn] of trusted) doc.removeEventListener(type, fn, { capture: true });
      ui.destroy();
    },
  };
}
