import { useEffect, useRef, useState } from 'preact/hooks';
import type { Highlight, HighlightColor } from '../../utils/highlights/types';
import { ColorSwatches } from './ColorSwatches';
import { t, type UiLocale } from '../../utils/i18n/strings';

export type SaveStatus = 'saved' | 'saving' | 'unsaved';

export interface HighlightCardProps {
  id: string;
  highlight: Highlight;
  locale: UiLocale;
  status: SaveStatus;
  /** Why the last write failed, shown to the reader. */
  error?: string;
  /** Short feedback after Copy. */
  notice?: string;
  /** Called on every keystroke; the caller debounces the save. */
  onNoteInput: (note: string) => void;
  onColor: (color: HighlightColor) => void;
  onTags: (tags: string[]) => void;
  onCopy: () => void;
  onDelete: () => void;
  /** Opens the notes desk on this highlight. */
  onOpenNotes: () => void;
  onRetry: () => void;
  onClose: () => void;
}

/** The card of one highlight. Every edit is saved by the caller as it happens: no Save button. */
export function HighlightCard(props: HighlightCardProps) {
  const { highlight, locale, status } = props;
  const [note, setNote] = useState(highlight.note);
  const [tagDraft, setTagDraft] = useState('');
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const noteId = `${props.id}-note`;

  useEffect(() => {
    noteRef.current?.focus({ preventScroll: true });
  }, [highlight.id]);

  const addTag = () => {
    const tag = tagDraft.trim();
    setTagDraft('');
    if (tag && !highlight.tags.includes(tag)) props.onTags([...highlight.tags, tag]);
  };

  return (
    <div id={props.id} class="card" role="dialog" aria-label={t(locale, 'highlight.card')} data-highlight-id={highlight.id}>
      <blockquote class="quote">{highlight.quote.exact}</blockquote>
      <label class="label" for={noteId}>
        {t(locale, 'highlight.note')}
      </label>
      <textarea
        id={noteId}
        ref={noteRef}
        rows={4}
        value={note}
        placeholder={t(locale, 'highlight.notePlaceholder')}
        onInput={(event) => {
          const value = event.currentTarget.value;
          setNote(value);
          props.onNoteInput(value);
        }}
      />
      <div class="row" role="group" aria-label={t(locale, 'highlight.colors')}>
        <ColorSwatches locale={locale} selected={highlight.color} onPick={props.onColor} />
      </div>
      <div class="row tags" role="group" aria-label={t(locale, 'highlight.tags')}>
        {highlight.tags.map((tag) => (
          <span class="tag" key={tag}>
            {tag}
            <button
              type="button"
              class="icon"
              aria-label={`${t(locale, 'highlight.removeTag')} ${tag}`}
              onClick={() => props.onTags(highlight.tags.filter((x) => x !== tag))}
            >
              ×
            </button>
          </span>
        ))}
        <input
          type="text"
          class="tag-input"
          aria-label={t(locale, 'highlight.addTag')}
          placeholder={t(locale, 'highlight.addTag')}
          value={tagDraft}
          maxLength={100}
          onInput={(event) => setTagDraft(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              addTag();
            }
          }}
          onBlur={addTag}
        />
      </div>
      <div class="row actions">
        <button type="button" onClick={props.onCopy}>
          {t(locale, 'highlight.copy')}
        </button>
        <button type="button" class="danger" onClick={props.onDelete}>
          {t(locale, 'highlight.delete')}
        </button>
        <button type="button" onClick={props.onOpenNotes}>
          {t(locale, 'highlight.openNotes')}
        </button>
        <span class="status" role="status" data-status={status}>
          {props.notice ??
            (status === 'unsaved'
              ? t(locale, 'highlight.unsaved')
              : status === 'saving'
                ? t(locale, 'highlight.saving')
                : t(locale, 'highlight.saved'))}
        </span>
        <button type="button" class="icon close" aria-label={t(locale, 'highlight.close')} onClick={props.onClose}>
          ×
        </button>
      </div>
      {props.error && (
        <div class="error" role="alert">
          {props.error}{' '}
          <button type="button" onClick={props.onRetry}>
            {t(locale, 'highlight.retry')}
          </button>
        </div>
      )}
    </div>
  );
}
