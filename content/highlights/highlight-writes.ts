/**
 * Every change this tab asks the background to make to a highlight: store a new one, edit one,
 * delete with Undo, retry. The local record changes first and the write follows, so a failed write
 * loses nothing: the card says why and Retry sends the same again.
 */
import type { Highlight } from '../../utils/highlights/types';
import { t, type UiLocale } from '../../utils/i18n/strings';
import type { Request, ResponseMap } from '../../utils/messaging/to-background';
import type { CardState } from './card-state';
import type { HighlightRecords } from './highlight-records';
import type { Toasts } from './toasts';

export type Send = <T extends Request>(request: T) => Promise<ResponseMap[T['type']]>;

export type HighlightChanges = Partial<Pick<Highlight, 'note' | 'tags' | 'color'>>;

export interface HighlightWritesOptions {
  send: Send;
  locale: UiLocale;
  records: HighlightRecords;
  card: CardState;
  toasts: Toasts;
  /** How long Undo is offered after a delete. */
  undoMs: number;
  /** The note still being typed, which wins over what an earlier save returned. */
  typingNote: (id: string) => string | undefined;
  /** Marks a highlight's drawn elements as stored or not. */
  markUnsaved: (id: string, unsaved: boolean) => void;
  /** Takes a highlight's marks out of the article. */
  undraw: (id: string) => void;
  redraw: () => Promise<void>;
  paint: () => void;
  onStored?: (highlight: Highlight) => void;
}

export interface HighlightWrites {
  store(id: string): Promise<void>;
  edit(id: string, changes: HighlightChanges): void;
  remove(id: string): Promise<void>;
  /** Sends again what failed: the whole highlight if it was never stored, else its editable fields. */
  retry(id: string): void;
}

export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createHighlightWrites(options: HighlightWritesOptions): HighlightWrites {
  const { send, locale, records, card, toasts, paint } = options;
  const { saved, pending } = records;

  async function store(id: string): Promise<void> {
    const entry = pending.get(id);
    if (!entry) return;
    try {
      const stored = await send({ type: 'highlights/add', highlight: entry.highlight });
      pending.delete(id);
      saved.set(id, stored);
      options.markUnsaved(id, false);
      card.patch(id, { status: 'saved', error: undefined });
      if (toasts.current()?.action?.label === t(locale, 'highlight.retry')) toasts.hide();
      paint();
      options.onStored?.(stored);
    } catch (error) {
      if (!pending.has(id)) return;
      pending.set(id, { ...entry, error: errorText(error) });
      options.markUnsaved(id, true);
      card.patch(id, { status: 'unsaved', error: errorText(error) });
      toasts.show({
        message: `${t(locale, 'highlight.saveFailed')}: ${errorText(error)}`,
        action: { label: t(locale, 'highlight.retry'), run: () => void store(id) },
      }, 0);
    }
  }

  function edit(id: string, changes: HighlightChanges): void {
    const entry = pending.get(id);
    if (entry) {
      // Not stored yet: the edit travels with the next attempt to store it.
      pending.set(id, { ...entry, highlight: { ...entry.highlight, ...changes } });
      paint();
      return;
    }
    const current = saved.get(id);
    if (!current) return;
    saved.set(id, { ...current, ...changes });
    card.patch(id, { status: 'saving', error: undefined, notice: undefined });
    paint();
    send({ type: 'highlights/update', id, changes })
      .then((updated) => {
        const typing = options.typingNote(id);
        if (saved.has(id)) saved.set(id, typing === undefined ? updated : { ...updated, note: typing });
        if (typing === undefined) card.patch(id, { status: 'saved' });
        paint();
      })
      .catch((error: unknown) => {
        card.patch(id, { status: 'unsaved', error: errorText(error) });
        paint();
      });
  }

  async function remove(id: string): Promise<void> {
    if (pending.delete(id)) {
      options.undraw(id);
      paint();
      return;
    }
    try {
      const removed = await send({ type: 'highlights/remove', id });
      saved.delete(id);
      options.undraw(id);
      if (removed) {
        toasts.show({ message: t(locale, 'highlight.deleted'), action: { label: t(locale, 'highlight.undo'), run: () => void undo(removed) } }, options.undoMs);
      } else {
        paint();
      }
    } catch (error) {
      toasts.show({ message: errorText(error) }, options.undoMs);
    }
  }

  async function undo(highlight: Highlight): Promise<void> {
    toasts.hide();
    try {
      // The background brings back the record it kept in "Recently deleted", exactly as stored.
      const restored = await send({ type: 'highlights/restore', id: highlight.id });
      saved.set(restored.id, restored);
      await options.redraw();
    } catch (error) {
      toasts.show({ message: errorText(error) }, options.undoMs);
    }
  }

  function retry(id: string): void {
    if (pending.has(id)) {
      void store(id);
      return;
    }
    const highlight = saved.get(id);
    if (highlight) edit(id, { note: highlight.note, tags: highlight.tags, color: highlight.color });
  }

  return { store, edit, remove, retry };
}
