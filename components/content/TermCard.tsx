import type { DictionaryEntry } from '../../utils/dictionary/types';
import type { CompiledEntry } from '../../utils/glossary/types';
import type { ArticleLang } from '../../utils/highlights/types';
import { categoryLabel, checkedOn, occurrences, t, type UiLocale } from '../../utils/i18n/strings';
import { CardActions, FollowingWordsLine, SaveTermRow, type SaveState } from './CardParts';
import type { FollowingWord } from '../../utils/dictionary/following-words';
import { CURATED_CARD_DICTIONARY_ENTRIES } from '../../utils/dictionary/card-limits';
import { DictionarySenses } from './DictionaryCard';

export interface TermCardProps {
  id: string;
  entry: CompiledEntry;
  /** The other entries a shared form may mean, when the text around it does not decide (東海). */
  otherSenses?: CompiledEntry[];
  /** How many times the term is marked in this article. */
  count: number;
  locale: UiLocale;
  pageLang: ArticleLang;
  pinned: boolean;
  onTogglePin: () => void;
  onClose: () => void;
  /** "Save term", when the page can store terms; `state` is the last save's outcome. */
  save?: { state: SaveState; onSave: () => void };
  /** CC-CEDICT's entries for the same word, when it has the word whole: a second section, last. */
  dictionary?: readonly DictionaryEntry[];
  /** The dictionary's words right after the term in the text (美國 then 政府): the phrase it begins. */
  following?: readonly FollowingWord[];
}

export type { SaveState };

export function TermCard({ id, entry, otherSenses = [], count, locale, pageLang, pinned, onTogglePin, onClose, save, dictionary = [], following = [] }: TermCardProps) {
  const chinese = (
    <div class="forms">
      <span class="trad" lang="zh-Hant">
        {entry.trad}
      </span>
      {entry.simp !== entry.trad && (
        <span class="simp" lang="zh-Hans">
          {entry.simp}
        </span>
      )}
    </div>
  );
  const english = (
    <div class="english" lang="en">
      {entry.en}
    </div>
  );
  return (
    <div id={id} class="card" role="tooltip" aria-label={t(locale, 'card.label')}>
      <div class="head">
        {pageLang === 'en' ? english : chinese}
        <CardActions locale={locale} pinned={pinned} onTogglePin={onTogglePin} onClose={onClose} />
      </div>
      {pageLang === 'en' && chinese}
      {entry.pinyin && (
        <div class="pinyin" lang="zh-Latn-pinyin">
          {entry.pinyin}
        </div>
      )}
      {pageLang === 'zh' && english}
      {entry.mainland.length > 0 && (
        <div class="mainland">
          {t(locale, 'card.mainland')}:{' '}
          <span lang="zh-Hans">{entry.mainland.join('、')}</span>
        </div>
      )}
      {(locale === 'zh' ? entry.explainZh : entry.explainEn) && (
        <p class="explain" lang={entry.personal ? undefined : locale === 'zh' ? 'zh-Hant' : 'en'}>
          {locale === 'zh' ? entry.explainZh : entry.explainEn}
        </p>
      )}
      {otherSenses.length > 0 && (
        <div class="other-senses">
          <div class="other-senses-label">{t(locale, 'card.otherSense')}</div>
          {otherSenses.map((sense) => (
            <div class="sense" key={sense.id}>
              <span lang={pageLang === 'en' ? 'zh-Hant' : 'en'}>{pageLang === 'en' ? sense.trad : sense.en}</span>
              {' — '}
              <span lang={locale === 'zh' ? 'zh-Hant' : 'en'}>{locale === 'zh' ? sense.explainZh : sense.explainEn}</span>
            </div>
          ))}
        </div>
      )}
      <div class="meta">
        {entry.category && <span class="category">{categoryLabel(locale, entry.category)}</span>}
        {entry.checked && <span class="checked">{checkedOn(locale, entry.checked)}</span>}
        <span class="count">{occurrences(locale, count)}</span>
      </div>
      {save && <SaveTermRow locale={locale} state={save.state} onSave={save.onSave} />}
      {dictionary.length > 0 && (
        // Last, so arriving after the curated card moves nothing the reader is already reading.
        <div class="from-dictionary" role="group" aria-label={t(locale, 'dict.section')}>
          <div class="section-label">{t(locale, 'dict.section')}</div>
          {dictionary.slice(0, CURATED_CARD_DICTIONARY_ENTRIES).map((word) => (
            <div class="entry" key={`${word.trad}/${word.pinyin}`}>
              <DictionarySenses entry={word} locale={locale} pinyin={!!word.taiwanPinyin || word.pinyin.toLowerCase() !== entry.pinyin.toLowerCase()} />
            </div>
          ))}
          <div class="meta">
            <span class="source">{t(locale, 'dict.source')}</span>
          </div>
        </div>
      )}
      <FollowingWordsLine locale={locale} words={following} />
    </div>
  );
}
