import { t, type UiLocale } from '../../utils/i18n/strings';
import { FOLLOWING_SENSES } from '../../utils/dictionary/card-limits';
import type { FollowingWord } from '../../utils/dictionary/following-words';

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

/** The words after the card's word, each with its reading and first senses: the rest of the phrase it begins. */
export function FollowingWordsLine({ locale, words }: { locale: UiLocale; words: readonly FollowingWord[] }) {
  if (!words.length) return null;
  return (
    <div class="following" role="group" aria-label={t(locale, 'dict.following')}>
      <div class="section-label">{t(locale, 'dict.following')}</div>
      <ul>
        {words.map(({ word, entry }, i) => (
          <li key={`${i}:${word}`}>
            <span class="word" lang="zh">
              {word}
            </span>{' '}
            <span class="pinyin" lang="zh-Latn-pinyin">
              {entry.pinyin}
            </span>{' '}
            <span lang="en">{entry.senses.slice(0, FOLLOWING_SENSES).join('; ')}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
