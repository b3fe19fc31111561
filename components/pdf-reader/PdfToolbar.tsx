import { t, tf, type UiLocale } from '../../utils/i18n/page-strings';

export type PdfView = 'pages' | 'text';

export interface PdfStatus {
  kind: 'empty' | 'loading' | 'problem' | 'notice';
  text: string;
}

export interface PdfToolbarProps {
  locale: UiLocale;
  title?: string;
  pageCount?: number;
  /** The article page the PDF is attached to. */
  articleUrl?: string;
  view: PdfView;
  /** The views can be switched once a PDF with text is open. */
  canSwitch: boolean;
  status: PdfStatus[];
  onView: (view: PdfView) => void;
  onFile: (file: File) => void;
}

/** The reader page's bar: the PDF's title, the view switch, a file to open, and what went wrong. */
export function PdfToolbar(props: PdfToolbarProps) {
  const { locale } = props;
  return (
    <header class="pdf-toolbar">
      <div class="pdf-toolbar-row">
        <h1 class="pdf-title">{props.title ?? t(locale, 'pdf.pageTitle')}</h1>
        {props.pageCount ? <span class="pdf-pages-count">{tf(locale, 'pdf.pages', { count: props.pageCount })}</span> : null}
        {props.articleUrl ? (
          <a class="pdf-article-link" href={props.articleUrl}>
            {t(locale, 'pdf.fromArticle')}
          </a>
        ) : null}
        <div role="group" aria-label={t(locale, 'pdf.view')} class="pdf-view-switch">
          {(['pages', 'text'] as const).map((view) => (
            <button
              type="button"
              aria-pressed={props.view === view}
              disabled={!props.canSwitch}
              onClick={(event) => event.isTrusted && props.onView(view)}
            >
              {t(locale, view === 'pages' ? 'pdf.view.pages' : 'pdf.view.text')}
            </button>
          ))}
        </div>
        <label class="pdf-open-file">
          {t(locale, 'pdf.openFile')}
          <input
            type="file"
            accept="application/pdf,.pdf"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file && event.isTrusted) props.onFile(file);
            }}
          />
        </label>
      </div>
      {props.status.map((s) => (
        <p class={`pdf-status pdf-status-${s.kind}`} role={s.kind === 'problem' ? 'alert' : 'status'}>
          {s.text}
        </p>
      ))}
    </header>
  );
}
