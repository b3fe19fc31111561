import { useEffect, useRef, useState } from 'preact/hooks';
import type { HighlightChanges } from '../../background/db/highlight-store';
import { passageUrl } from '../../utils/export/text-fragment';
import { isPdfHighlight, pdfReaderUrl } from '../../utils/messaging/pdf-reader-url';
import type { Highlight } from '../../utils/highlights/types';
import { t, tf, type UiLocale } from '../../utils/i18n/strings';
import { formatTags, parseTags } from '../../extension-pages/notes/tags';

export interface HighlightRowProps {
  highlight: Highlight;
  locale: UiLocale;
  focused: boolean;
  onSave: (id: string, changes: HighlightChanges) => void;
  onDelete: (id: string) => void;
}

/** How long typing may pause before the note or tags are saved. */
const AUTOSAVE_MS = 700;

export function formatDate(iso: string, locale: UiLocale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(locale === 'zh' ? 'zh-TW' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** One highlight: its quote, a link to the passage, and its note and tags, saved as the reader types. */
export function HighlightRow({ highlight: h, locale, focused, onSave, onDelete }: HighlightRowProps) {
  const [note, setNote] = useState(h.note);
  const [tags, setTags] = useState(formatTags(h.tags));
  const pending = useRef<HighlightChanges>({});
  const timer = useRef<number | undefined>(undefined);
  const editing = useRef(false);

  const flush = () => {
    window.clearTimeout(timer.current);
    const changes = pending.current;
    pending.current = {};
    if (Object.keys(changes).length > 0) onSave(h.id, changes);
  };
  const schedule = (changes: HighlightChanges) => {
    Object.assign(pending.current, changes);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(flush, AUTOSAVE_MS);
  };
  // A row scrolled out of the virtual list unmounts: what was typed is saved, not dropped.
  useEffect(() => flush, []);
  // Changes from elsewhere (the highlight card in a tab) show, unless the reader is typing here.
  useEffect(() => {
    if (!editing.current) setNote(h.note);
  }, [h.note]);
  const storedTags = formatTags(h.tags);
  useEffect(() => {
    if (!editing.current) setTags(storedTags);
  }, [storedTags]);

  // A PDF's passage opens in the reader page, at its page and highlight; an article's, on the site.
  const link = isPdfHighlight(h)
    ? pdfReaderUrl('/pdf-reader.html', {
        pdfUrl: h.articleUrl,
        ...(h.pdfPage ? { page: h.pdfPage } : {}),
        highlightId: h.id,
        ...(h.attachedToArticle ? { articleUrl: h.attachedToArticle } : {}),
      })
    : passageUrl(h.articleUrl, h.quote);
  const onFocus = () => {
    editing.current = true;
  };
  const onBlur = () => {
    editing.current = false;
    flush();
  };
  return (
    <div class={`highlight color-${h.color}${focused ? ' focused' : ''}`} data-highlight-id={h.id}>
      <blockquote class="quote" lang={h.lang === 'zh' ? 'zh-Hant' : 'en'}>
        {h.quote.exact}
      </blockquote>
      <div class="meta">
        <span class="swatch" aria-hidden="true" />
        <span>{t(locale, `notes.color.${h.color}`)}</span>
        <span>{tf(locale, 'notes.highlighted', { date: formatDate(h.created, locale) })}</span>
        {link && (
          <a href={link} target="_blank" rel="noopener noreferrer">
            {t(locale, 'notes.openPassage')}
          </a>
        )}
        {h.attachedToArticle && (
          <a href={h.attachedToArticle} target="_blank" rel="noopener noreferrer">
            {t(locale, 'pdf.fromArticle')}
          </a>
        )}
        <button type="button" class="delete" onClick={() => onDelete(h.id)} aria-label={`${t(locale, 'notes.delete')}: ${h.quote.exact.slice(0, 40)}`}>
          {t(locale, 'notes.delete')}
        </button>
      </div>
      <label class="field">
        <span>{t(locale, 'notes.note')}</span>
        <textarea
          rows={2}
          value={note}
          onFocus={onFocus}
          onBlur={onBlur}
          onInput={(event) => {
            const value = event.currentTarget.value;
            setNote(value);
            schedule({ note: value });
          }}
        />
      </label>
      <label class="field">
        <span>{t(locale, 'notes.tags')}</span>
        <input
          type="text"
          value={tags}
          onFocus={onFocus}
          onBlur={onBlur}
          onInput={(event) => {
            const value = event.currentTarget.value;
            setTags(value);
            schedule({ tags: parseTags(value) });
          }}
        />
      </label>
    </div>
  );
}
