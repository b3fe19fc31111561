import { storage } from 'wxt/utils/storage';
import { BAR_STATE_KEY, parseBarState, type BarState } from './bar-state';

/** The bar's place and fold, per reader (storage.local, shared by every tab). */
export const barStateStore = {
  load: async (): Promise<BarState> => parseBarState(await storage.getItem(BAR_STATE_KEY)),
  save: (state: BarState): Promise<void> => storage.setItem(BAR_STATE_KEY, state),
};
