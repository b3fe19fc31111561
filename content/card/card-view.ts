import { h } from 'preact';
import { TermCard, type SaveState } from '../../components/content/TermCard';
import type { DictionaryEntry } from '../../utils/dictionary/types';
import type { FollowingWord } from '../../utils/dictionary/following-words';
import type { CompiledEntry } from '../../utils/glossary/types';
import type { ArticleLang } from '../../utils/highlights/types';
import { t, type UiLocale } from '../../utils/i18n/strings';
import { mountUi } from '../ui/mount-ui';
import { placeCard } from '../ui/place-card';
import { ELEMENT_ID, HOST } from '../../utils/dom-names';
import type { CardTarget } from './card-target';

export const CARD_HOST_TAG = HOST.termCard;
const CARD_ID = ELEMENT_ID.termCard;

/** What one drawing of the card shows. */
export interface CardContent {
  entry: CompiledEntry;
  otherSenses: CompiledEntry[];
  count: number;
  pinned: boolean;
  onTogglePin: () => void;
  onClose: () => void;
  save?: { state: SaveState; onSave: () => void };
  /** CC-CEDICT's entries for the same word, once they have arrived. */
  dictionary?: readonly DictionaryEntry[];
  /** The dictionary's words right after the term, once they have arrived. */
  following?: readonly FollowingWord[];
}

export interface CardView {
  /** Draws the card; `place` also (re)starts keeping it beside its term. */
  draw(target: CardTarget, content: CardContent, place: boolean): void;
  /** Says a text to screen readers through the card's live region. */
  say(text: string): void;
  clear(): void;
  /** Whether an event target lies in the card's host. */
  contains(target: EventTarget | null): boolean;
  /** The focused element inside the card, if any. */
  focused(): HTMLElement | null;
  setLook(look: { locale?: UiLocale; fontSizePx?: number | undefined }): void;
  destroy(): void;
}

export interface CardViewOptions {
  doc: Document;
  cssText: string;
  locale: UiLocale;
  pageLang: ArticleLang;
  fontSizePx?: number | undefined;
  /** Whether the target is still the one shown when a placement arrives. */
  isShown: (target: CardTarget) => boolean;
  onShown?: (target: CardTarget) => void;
}

/** The card's host, closed shadow root, live region, rendering and placement: the one place that mounts it. */
export function createCardView(options: CardViewOptions): CardView {
  const { doc, pageLang } = options;
  const win = doc.defaultView!;
  let { locale, fontSizePx } = options;
  let status: HTMLElement | null = null;
  let stopPlacing: (() => void) | null = null;

  function applyLook(host: HTMLElement): void {
    if (fontSizePx) host.style.setProperty('--pr-font-size', `${fontSizePx}px`);
    else host.style.removeProperty('--pr-font-size');
  }

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

  function stop(): void {
    stopPlacing?.();
    stopPlacing = null;
  }

  return {
    draw(target, content, place) {
      ui.render(h(TermCard, { id: CARD_ID, ...content, locale, pageLang }));
      if (!place) return;
      const card = ui.current()?.mount.firstElementChild as HTMLElement | null;
      if (!card) return;
      stop();
      stopPlacing = placeCard(target.anchor, card, () => options.isShown(target), () => options.onShown?.(target));
    },
    say(text) {
      ui.ensure();
      // Set a moment after the card is drawn, so the region's change is heard as new.
      win.setTimeout(() => {
        if (status) status.textContent = text;
      }, 50);
    },
    clear() {
      stop();
      ui.clear();
    },
    contains: ui.contains,
    focused: () => (ui.current()?.root.activeElement as HTMLElement | null) ?? null,
    setLook(look) {
      if (look.locale) locale = look.locale;
      if ('fontSizePx' in look) fontSizePx = look.fontSizePx;
      const shadow = ui.current();
      if (shadow) applyLook(shadow.host);
    },
    destroy() {
      stop();
      ui.destroy();
    },
  };
}
