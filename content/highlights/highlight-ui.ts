/**
 * The highlight UI in its one host: the toolbar beside a selection, a highlight's card, and the
 * notices (toast, orphan panel). It draws what it is given and places the toolbar or the card; the
 * session owns the state and what each control does.
 */
import { Fragment, h } from 'preact';
import { HighlightCard, type HighlightCardProps } from '../../components/content/HighlightCard';
import { HighlightNotices, type Toast } from '../../components/content/HighlightNotices';
import { SelectionToolbar } from '../../components/content/SelectionToolbar';
import { ELEMENT_ID, HOST } from '../../utils/dom-names';
import type { HighlightColor } from '../../utils/highlights/types';
import type { UiLocale } from '../../utils/i18n/strings';
import { mountUi } from '../ui/mount-ui';
import { placeFloating } from '../ui/place-card';
import { rangeReference } from '../ui/range-reference';

/** The card as the session hands it over: its props, less those the UI fills in, and what it was opened from. */
export interface CardView {
  props: Omit<HighlightCardProps, 'id' | 'locale'>;
  anchor: HTMLElement;
}

export interface HighlightView {
  toolbar: { range: Range; color: HighlightColor; onHighlight: (color: HighlightColor) => void } | null;
  card: CardView | null;
  toast: Toast | null;
  /** Quotes of the highlights that did not attach and are not dismissed. */
  orphans: string[];
  onDismissOrphans: () => void;
}

export interface HighlightUi {
  paint(view: HighlightView): void;
  contains(target: EventTarget | null): boolean;
  destroy(): void;
}

export function createHighlightUi(doc: Document, css: string, locale: UiLocale): HighlightUi {
  const win = doc.defaultView!;
  const ui = mountUi(doc, { tag: HOST.highlights, css });
  let stopPlacing: (() => void) | null = null;

  function unplace(): void {
    stopPlacing?.();
    stopPlacing = null;
  }

  function place(view: HighlightView): void {
    unplace();
    const root = ui.current()?.mount;
    const card = root?.querySelector<HTMLElement>('.card');
    const floating = card ?? root?.querySelector<HTMLElement>('.toolbar');
    if (!floating) return;
    const reference = card ? view.card?.anchor : view.toolbar && rangeReference(view.toolbar.range, win);
    if (!reference) return;
    stopPlacing = placeFloating(reference, floating, { placement: card ? 'bottom-start' : 'top', gap: 8 });
  }

  return {
    paint(view) {
      const { toolbar, card, toast, orphans } = view;
      if (!toolbar && !card && !toast && orphans.length === 0) {
        ui.clear();
        unplace();
        return;
      }
      ui.render(
        h(Fragment, null, [
          toolbar && h(SelectionToolbar, { key: 'toolbar', locale, color: toolbar.color, onHighlight: toolbar.onHighlight }),
          card && h(HighlightCard, { ...card.props, key: `card-${card.props.highlight.id}`, id: ELEMENT_ID.highlightCard, locale }),
          h(HighlightNotices, { key: 'notices', locale, toast, orphans, onDismissOrphans: view.onDismissOrphans }),
        ]),
      );
      place(view);
    },
    contains: (target) => ui.contains(target),
    destroy() {
      unplace();
      ui.destroy();
    },
  };
}
