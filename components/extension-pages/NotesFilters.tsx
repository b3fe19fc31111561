import { HIGHLIGHT_COLORS, type HighlightColor } from '../../utils/highlights/types';
import { t, type UiLocale } from '../../utils/i18n/page-strings';
import { SORTS, type Sort } from '../../extension-pages/notes/rows';

export interface NotesFiltersProps {
  locale: UiLocale;
  text: string;
  onText: (text: string) => void;
  color: HighlightColor | undefined;
  onColor: (color: HighlightColor | undefined) => void;
  tag: string | undefined;
  tags: readonly string[];
  onTag: (tag: string | undefined) => void;
  /** Absent in the side panel, whose article is the active tab's. */
  article?: { chosen: string | undefined; options: readonly { url: string; title: string }[]; onChoose: (url: string | undefined) => void };
  sort: Sort;
  onSort: (sort: Sort) => void;
}

/** One labelled menu; '' stands for "All" where `all` is given. */
function Menu({ id, label, value, all, options, onChange }: {
  id: string;
  label: string;
  value: string;
  all?: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  return (
    <label>
      <span id={id}>{label}</span>
      <select aria-labelledby={id} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        {all !== undefined && <option value="">{all}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The desk's search, filters and sort order. */
export function NotesFilters({ locale, text, onText, color, onColor, tag, tags, onTag, article, sort, onSort }: NotesFiltersProps) {
  const all = t(locale, 'notes.filter.all');
  // An article the page was opened on but that has no highlight (any more) stays choosable.
  const articles =
    article && article.chosen !== undefined && !article.options.some((a) => a.url === article.chosen)
      ? [{ url: article.chosen, title: article.chosen }, ...article.options]
      : (article?.options ?? []);
  return (
    <div class="filters">
      <input type="search" aria-label={t(locale, 'notes.search')} placeholder={t(locale, 'notes.search')} value={text} onInput={(event) => onText(event.currentTarget.value)} />
      <Menu
        id="notes-color-label"
        label={t(locale, 'notes.filter.color')}
        value={color ?? ''}
        all={all}
        options={HIGHLIGHT_COLORS.map((c) => ({ value: c, label: t(locale, `notes.color.${c}`) }))}
        onChange={(value) => onColor((value || undefined) as HighlightColor | undefined)}
      />
      <Menu id="notes-tag-label" label={t(locale, 'notes.filter.tag')} value={tag ?? ''} all={all} options={tags.map((name) => ({ value: name, label: name }))} onChange={(value) => onTag(value || undefined)} />
      {article && (
        <Menu
          id="notes-article-label"
          label={t(locale, 'notes.filter.article')}
          value={article.chosen ?? ''}
          all={all}
          options={articles.map((a) => ({ value: a.url, label: a.title }))}
          onChange={(value) => article.onChoose(value || undefined)}
        />
      )}
      <Menu
        id="notes-sort-label"
        label={t(locale, 'notes.sort')}
        value={sort}
        options={SORTS.map((option) => ({ value: option, label: t(locale, `notes.sort.${option}`) }))}
        onChange={(value) => onSort(value as Sort)}
      />
    </div>
  );
}
