import type { SaveStatus } from '../../components/content/HighlightCard';

/** The open highlight card: which highlight, its save status and feedback, and what opened it. */
export interface OpenCard {
  id: string;
  status: SaveStatus;
  error?: string;
  notice?: string;
  /** The element the card was opened from; focus returns there. */
  anchor: HTMLElement;
}

export interface CardState {
  get(): OpenCard | null;
  open(card: OpenCard): void;
  close(): void;
  /** Changes the card only if it is still the one of `id` (a save may answer after it moved on). */
  patch(id: string, changes: Partial<Omit<OpenCard, 'id' | 'anchor'>>): void;
}

export function createCardState(): CardState {
  let card: OpenCard | null = null;
  return {
    get: () => card,
    open(next) {
      card = next;
    },
    close() {
      card = null;
    },
    patch(id, changes) {
      if (card?.id === id) card = { ...card, ...changes };
    },
  };
}
