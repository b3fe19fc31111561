import { Fragment } from 'preact';
import type { SavedTerm } from '../../utils/highlights/types';
import { t, type UiLocale } from '../../utils/i18n/page-strings';
import { formatDate } from './HighlightRow';

export interface VocabularyListProps {
  terms: readonly SavedTerm[];
  locale: UiLocale;
  onRemove: (id: string) => void;
}

/** The sentence as text, the term (either script) in bold. */
function Sentence({ sentence, forms }: { sentence: string; forms: string[] }) {
  const form = forms.find((f) => f !== '' && sentence.includes(f));
  if (form === undefined) return <>{sentence}</>;
  const parts = sentence.split(form);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <strong>{form}</strong>}
          {part}
        </Fragment>
      ))}
    </>
  );
}

/** The reader's saved terms, newest first, each with the sentence it was found in and its article. */
export function VocabularyList({ terms, locale, onRemove }: VocabularyListProps) {
  if (terms.length === 0) return <p class="empty">{t(locale, 'notes.noTerms')}</p>;
  return (
    <ul class="terms" aria-label={t(locale, 'notes.vocabulary')}>
      {terms.map((term) => (
        <li key={term.id} class="term">
          <div class="forms">
            <span lang="zh-Hant" class="trad">
              {term.trad}
            </span>
            {term.simp !== term.trad && (
              <span lang="zh-Hans" class="simp">
                {term.simp}
              </span>
            )}
            <span lang="zh-Latn-pinyin" class="pinyin">
              {term.pinyin}
            </span>
            <span lang="en" class="en">
              {term.en}
            </span>
          </div>
          {term.explanation && <p class="explain">{term.explanation}</p>}
          <p class="sentence">
            <Sentence sentence={term.sentence} forms={[term.trad, term.simp]} />
          </p>
          <div class="meta">
            <a href={term.articleUrl} target="_blank" rel="noopener noreferrer">
              {term.articleTitle}
            </a>
            <span>{formatDate(term.created, locale)}</span>
            <button type="button" onClick={() => onRemove(term.id)} aria-label={`${t(locale, 'notes.removeTerm')}: ${term.trad}`}>
              {t(locale, 'notes.removeTerm')}
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
