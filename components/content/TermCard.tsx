import type { CompiledEntry } from '../../utils/glossary/types';
import type { ArticleLang } from '../../utils/highlights/types';
import { categoryLabel, occurrences, t, type UiLocale } from '../../utils/i18n/strings';
import { CardActions, Forms, SaveTermRow, type SaveState } from './CardParts';

export interface TermCardProps {
  id: string;
  entry: CompiledEntry;
  /** How many times the term is marked in this article. */
  count: number;
  locale: UiLocale;
  pageLang: ArticleLang;
  pinned: boolean;
  onTogglePin: () => void;
  onClose: () => void;
  /** "Save term", when the page can store terms; `state` is the last save's outcome. */
  save?: { state: SaveState; onSave: () => void };
}

export type { SaveState };

export function TermCard({ id, entry, count, locale, pageLang, pinned, onTogglePin, onClose, save }: TermCardProps) {
  const chinese = <Forms trad={entry.trad} simp={entry.simp} />;
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
      <div class="meta">
        {entry.category && <span class="category">{categoryLabel(locale, entry.category)}</span>}
        <span class="count">{occurrences(locale, count)}</span>
      </div>
      {save && <SaveTermRow locale={locale} state={save.state} onSave={save.onSave} />}
    </div>
  );
}
