import { useState } from 'preact/hooks';
import type { DictionaryEntry, WordRef } from '../../utils/dictionary/types';
import { t, tf, type UiLocale } from '../../utils/i18n/strings';
import { DICTIONARY_CARD_ENTRIES, FIRST_SENSES } from '../../utils/dictionary/card-limits';
import { CardActions, FollowingWordsLine, Forms, SaveTermRow, type SaveState } from './CardParts';
import type { FollowingWord } from '../../utils/dictionary/following-words';

export interface DictionaryCardProps {
  id: string;
  entries: readonly DictionaryEntry[];
  /** The words after this one in the text, once their lookups have answered. */
  following?: readonly FollowingWord[];
  locale: UiLocale;
  pinned: boolean;
  onTogglePin: () => void;
  onClose: () => void;
  save?: { state: SaveState; onSave: () => void };
}

const refText = (ref: WordRef) => `${ref.trad}${ref.simp !== ref.trad ? `|${ref.simp}` : ''}${ref.pinyin ? ` ${ref.pinyin}` : ''}`;

/** The senses of one entry, a few at first; the rest on request. `pinyin` false: the card above already gives the reading. */
export function DictionarySenses({ entry, locale, pinyin = true }: { entry: DictionaryEntry; locale: UiLocale; pinyin?: boolean }) {
  const [all, setAll] = useState(false);
  const shown = all ? entry.senses : entry.senses.slice(0, FIRST_SENSES);
  return (
    <>
      {pinyin && (
        <div class="pinyin" lang="zh-Latn-pinyin">
          {entry.pinyin}
          {entry.taiwanPinyin && (
            <span class="taiwan">
              {' '}
              · {t(locale, 'dict.taiwan')} <span lang="zh-Latn-pinyin">{entry.taiwanPinyin}</span>
            </span>
          )}
        </div>
      )}
      <ol class="senses" lang="en">
        {shown.map((sense) => (
          <li>{sense}</li>
        ))}
      </ol>
      {entry.senses.length > FIRST_SENSES && (
        <button type="button" class="more" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t(locale, 'dict.fewerSenses') : tf(locale, 'dict.moreSenses', { n: entry.senses.length })}
        </button>
      )}
      {entry.classifiers.length > 0 && (
        <div class="mainland">
          {t(locale, 'dict.classifiers')}: <span lang="zh">{entry.classifiers.map(refText).join('、')}</span>
        </div>
      )}
      {entry.variantOf.length > 0 && (
        <div class="mainland">
          {t(locale, 'dict.variantOf')}: <span lang="zh">{entry.variantOf.map(refText).join('、')}</span>
        </div>
      )}
    </>
  );
}

/** A CC-CEDICT word's card, in the glossary card's style, saying where its text comes from. */
export function DictionaryCard({ id, entries, following = [], locale, pinned, onTogglePin, onClose, save }: DictionaryCardProps) {
  const shown = entries.slice(0, DICTIONARY_CARD_ENTRIES);
  return (
    <div id={id} class="card dictionary" role="tooltip" aria-label={t(locale, 'dict.label')}>
      {shown.map((entry, i) => (
        <section class="entry" key={`${entry.trad}/${entry.pinyin}`}>
          <div class="head">
            <Forms trad={entry.trad} simp={entry.simp} />
            {i === 0 && <CardActions locale={locale} pinned={pinned} onTogglePin={onTogglePin} onClose={onClose} />}
          </div>
          <DictionarySenses entry={entry} locale={locale} />
        </section>
      ))}
      <FollowingWordsLine locale={locale} words={following} />
      <div class="meta">
        <span class="source">{t(locale, 'dict.source')}</span>
      </div>
      {save && <SaveTermRow locale={locale} state={save.state} onSave={save.onSave} />}
    </div>
  );
}
