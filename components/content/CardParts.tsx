import { t, type UiLocale } from '../../utils/i18n/strings';

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

/** Pin and close, at the top of every card. */
export function CardActions({ locale, pinned, onTogglePin, onClose }: { locale: UiLocale; pinned: boolean; onTogglePin: () => void; onClose: () => void }) {
  return (
    <div class="actions">
      <button type="button" class="icon" aria-pressed={pinned} onClick={onTogglePin}>
        {pinned ? t(locale, 'card.unpin') : t(locale, 'card.pin')}
      </button>
      <button type="button" class="icon" aria-label={t(locale, 'card.close')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}

/** "Save term" and what the last save did. */
export function SaveTermRow({ locale, state, onSave }: { locale: UiLocale; state: SaveState; onSave: () => void }) {
  return (
    <div class="save">
      <button type="button" disabled={state === 'saving'} onClick={onSave}>
        {t(locale, 'card.saveTerm')}
      </button>
      <span role="status" class={state === 'failed' ? 'failed' : undefined}>
        {state === 'saved' ? t(locale, 'card.termSaved') : state === 'failed' ? t(locale, 'card.saveFailed') : ''}
      </span>
    </div>
  );
}

/** A word in Traditional, and in Simplified where it differs. */
export function Forms({ trad, simp }: { trad: string; simp: string }) {
  return (
    <div class="forms">
      <span class="trad" lang="zh-Hant">
        {trad}
      </span>
      {simp !== trad && (
        <span class="simp" lang="zh-Hans">
          {simp}
        </span>
      )}
    </div>
  );
}
