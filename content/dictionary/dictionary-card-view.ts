import type { VirtualElement } from '@floating-ui/dom';
import { h } from 'preact';
import { DictionaryCard, type DictionaryCardProps } from '../../components/content/DictionaryCard';
import { ELEMENT_ID, HOST } from '../../utils/dom-names';
import { mountUi } from '../ui/mount-ui';
import { placeCard } from '../ui/place-card';
import { t, type UiLocale } from '../../utils/i18n/strings';

export const DICTIONARY_HOST_TAG = HOST.dictionary;

export interface DictionaryCardView {
  /** Draws the card; `place` also (re)starts keeping it beside the word's range. */
  draw(props: Omit<DictionaryCardProps, 'id'>, place?: { range: Range; isShown: () => boolean; onPlaced: () => void }): void;
  clear(): void;
  /** Says a text to screen readers through the host's live region. */
  say(text: string): void;
  /** Whether an event target lies in the card's host. */
  contains(target: EventTarget | null): boolean;
  setFontSize(px: number | undefined): void;
  destroy(): void;
}

/** The dictionary card's host, closed shadow root, rendering and placement: the one place that mounts it. */
export function createDictionaryCardView(doc: Document, cssText: string, locale: () => UiLocale, fontSizePx?: number): DictionaryCardView {
  let fontSize = fontSizePx;
  let stopPlacing: (() => void) | null = null;
  const applyLook = (host: HTMLElement) => {
    if (fontSize) host.style.setProperty('--pr-font-size', `${fontSize}px`);
    else host.style.removeProperty('--pr-font-size');
  };
  let status: HTMLElement | null = null;
  const ui = mountUi(doc, {
    tag: DICTIONARY_HOST_TAG,
    css: cssText,
    onCreate: (shadow) => {
      // A live region that exists before it speaks, so screen readers hear each change.
      status = doc.createElement('div');
      status.className = 'pr-announce';
      status.setAttribute('role', 'status');
      status.setAttribute('aria-label', t(locale(), 'dict.label'));
      shadow.root.append(status);
      applyLook(shadow.host);
    },
  });
  const stop = () => {
    stopPlacing?.();
    stopPlacing = null;
  };

  return {
    draw(props, place) {
      ui.render(h(DictionaryCard, { id: ELEMENT_ID.dictionaryCard, ...props }));
      if (!place) return;
      const card = ui.current()?.mount.firstElementChild as HTMLElement | null;
      if (!card) return;
      const { range } = place;
      const reference: VirtualElement = {
        getBoundingClientRect: () => range.getBoundingClientRect(),
        getClientRects: () => range.getClientRects(),
        contextElement: range.startContainer.parentElement ?? undefined,
      };
      stop();
      stopPlacing = placeCard(reference, card, place.isShown, place.onPlaced);
    },
    clear() {
      stop();
      ui.clear();
    },
    say(text) {
      ui.ensure();
      // Set a moment after the card is drawn, so the region's change is heard as new.
      doc.defaultView?.setTimeout(() => {
        if (status) status.textContent = text;
      }, 50);
    },
    contains: ui.contains,
    setFontSize(px) {
      fontSize = px;
      const shadow = ui.current();
      if (shadow) applyLook(shadow.host);
    },
    destroy() {
      stop();
      ui.destroy();
    },
  };
}
