import type { SaveState } from '../../components/content/TermCard';
import type { CompiledEntry } from '../../utils/glossary/types';
import type { SavedTerm } from '../../utils/highlights/types';
import type { UiLocale } from '../../utils/i18n/strings';
import type { CardTarget } from './card-target';
import { savedTermFrom, sentenceAroundRange } from './save-term';

export interface CardSaveOptions {
  articleRoot: () => Element;
  locale: () => UiLocale;
  article?: () => { url: string; title: string };
  store?: (term: SavedTerm) => Promise<{ added: boolean }>;
  /** Whether the card still shows this target when the store answers. */
  isShown: (target: CardTarget) => boolean;
  redraw: (target: CardTarget) => void;
}

export interface CardSave {
  /** The card's Save term control for this target, or nothing when saving is not wired. */
  control(target: CardTarget, entry: CompiledEntry): { save?: { state: SaveState; onSave: () => void } };
  /** A new term is shown: its button starts afresh. */
  reset(): void;
}

/** "Save term" on the term card: one save at a time, its state shown on the card that asked. */
export function createCardSave(options: CardSaveOptions): CardSave {
  let state: SaveState = 'idle';

  async function save(target: CardTarget, entry: CompiledEntry): Promise<void> {
    const { store, article } = options;
    if (!store || !article || state === 'saving') return;
    const record = savedTermFrom(entry, sentenceAroundRange(target.range(), options.articleRoot()), article(), options.locale(), {
      now: new Date(),
      newId: () => crypto.randomUUID(),
    });
    state = 'saving';
    options.redraw(target);
    let outcome: SaveState;
    try {
      await store(record);
      outcome = 'saved';
    } catch {
      outcome = 'failed';
    }
    if (!options.isShown(target)) return;
    state = outcome;
    options.redraw(target);
  }

  return {
    control: (target, entry) =>
      options.store && options.article ? { save: { state, onSave: () => void save(target, entry) } } : {},
    reset: () => {
      state = 'idle';
    },
  };
}
