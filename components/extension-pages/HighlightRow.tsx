import { useEffect, useRef, useState } from 'preact/hooks';
import type { HighlightChanges } from '../../background/db/highlight-store';
import { passageUrl } from '../../utils/export/text-fragment';
import { isPdfHighlight, localPdfReaderUrl, pdfReaderUrl } from '../../utils/messaging/pdf-reader-url';
import { isLocalPdfKey } from '../../utils/pdf/local-pdf';
import type { Highlight } from '../../utils/highlights/types';
import { t, type UiLocale } from '../../utils/i18n/page-strings';
import { formatTags, parseTags } from '../../extension-pages/notes/tags';

export interface HighlightRowProps {
  highlight: Highlight;
  locale: UiLocale;
  focused: boolean;
  /** The note and tags are open for editing (a click on the note, or Enter on the row). */
  editing: boolean;
  onEdit: (editing: boolean) => void;
  onSave: (id: string, changes: HighlightChanges) => void;
  onDelete: (id: string) => void;
}

/** How long typing may pause before the note or tags are saved. */
const AUTOSAVE_MS = 700;

export function formatDate(iso: string, locale: UiLocale, style: 'short' | 'long' = 'long'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(locale === 'zh' ? 'zh-TW' : 'en-GB', style === 'short' ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * One highlight as a compact row: colour, quote, tags and date; the note as text. Editing opens
 * the note and tags fields in place, saved as the reader types.
 */
export function HighlightRow({ highlight: h, locale, focused, editing, onEdit, onSave, onDelete }: HighlightRowProps) {
  const [note, setNote] = useState(h.note);
  const [tags, setTags] = useState(formatTags(h.tags));
  const pending = useRef<HighlightChanges>({});
  const timer = useRef<number | undefined>(undefined);
  const noteField = useRef<HTMLTextAreaElement>(null);

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
    if (!editing) setNote(h.note);
  }, [h.note, editing]);
  const storedTags = formatTags(h.tags);
  useEffect(() => {
    if (!editing) setTags(storedTags);
  }, [storedTags, editing]);
  useEffect(() => {
    if (editing) noteField.current?.focus();
  }, [editing]);

  const finish = () => {
    flush();
    onEdit(false);
  };
  // A PDF's passage opens in the reader page, at its page and highlight (a local file's once the reader chooses it again); an article's, on the site.
  const place = { ...(h.pdfPage ? { page: h.pdfPage } : {}), highlightId: h.id };
  const link = isLocalPdfKey(h.articleUrl)
    ? localPdfReaderUrl('/pdf-reader.html', { key: h.articleUrl, name: h.articleTitle, ...place })
    : isPdfHighlight(h)
    ? pdfReaderUrl('/pdf-reader.html', {
        pdfUrl: h.articleUrl,
        ...(h.pdfPage ? { page: h.pdfPage } : {}),
        highlightId: h.id,
        ...(h.attachedToArticle ? { articleUrl: h.attachedToArticle } : {}),
      })
    : passageUrl(h.articleUrl, h.quote);
  const colour = t(locale, `notes.color.${h.color}`);
  return (
    <div
      class={`highlight color-${h.color}${focused ? ' focused' : ''}${editing ? ' editing' : ''}`}
      data-highlight-id={h.id}
      onFocusOut={(event) => {
        // Leaving the editor for outside the row ends editing; the note button, removed as the editor opens, does not.
        const fromEditor = (event.target as Element).closest('.editor') !== null;
        if (editing && fromEditor && !event.currentTarget.contains(event.relatedTarget as Node | null)) finish();
      }}
    >
      <span class="swatch" role="img" aria-label={colour} title={colour} />
      <div class="body">
        <blockquote class="quote" lang={h.lang === 'zh' ? 'zh-Hant' : 'en'}>
          {h.quote.exact}
        </blockquote>
        {editing ? (
          <div
            class="editor"
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.stopPropagation();
                finish();
              }
            }}
          >
            <textarea
              ref={noteField}
              rows={3}
              aria-label={t(locale, 'notes.note')}
              value={note}
              onInput={(event) => {
                setNote(event.currentTarget.value);
                schedule({ note: event.currentTarget.value });
              }}
            />
            <input
              type="text"
              aria-label={t(locale, 'notes.tags')}
              placeholder={t(locale, 'notes.tags')}
              value={tags}
              onInput={(event) => {
                setTags(event.currentTarget.value);
                schedule({ tags: parseTags(event.currentTarget.value) });
              }}
            />
            <button type="button" onClick={finish}>
              {t(locale, 'notes.done')}
            </button>
          </div>
        ) : (
          <button type="button" class={`note${h.note.trim() === '' ? ' empty-note' : ''}`} onClick={() => onEdit(true)}>
            {h.note.trim() === '' ? t(locale, 'notes.addNote') : h.note}
          </button>
        )}
        <div class="meta">
          {h.tags.map((tag) => (
            <span key={tag} class="tag">
              {tag}
            </span>
          ))}
          <time dateTime={h.created}>{formatDate(h.created, locale, 'short')}</time>
          {h.attachedToArticle && (
            <a href={h.attachedToArticle} target="_blank" rel="noopener noreferrer">
              {t(locale, 'pdf.fromArticle')}
            </a>
          )}
          {link && (
            <a href={link} target="_blank" rel="noopener noreferrer">
              {t(locale, 'notes.openPassage')}
            </a>
          )}
          <button type="button" class="delete" onClick={() => onDelete(h.id)} aria-label={`${t(locale, 'notes.delete')}: ${h.quote.exact.slice(0, 40)}`}>
            {t(locale, 'notes.delete')}
          </button>
        </div>
      </div>
    </div>
  );
}
