import { passageUrl } from '../../utils/export/text-fragment';
import type { Highlight } from '../../utils/highlights/types';
import { t, type UiLocale } from '../../utils/i18n/strings';

/** The clipboard text for Copy: the quote, the article's title and a link to the passage. */
export function copyText(highlight: Highlight): string {
  const quote = highlight.quote.exact.trim();
  const quoted = highlight.lang === 'zh' ? `「${quote}」` : `“${quote}”`;
  const link = passageUrl(highlight.articleUrl, highlight.quote) ?? highlight.articleUrl;
  return [quoted, `— ${highlight.articleTitle}`, link].join('\n');
}

/** Copies a highlight for the reader; returns what the card says about it (copied, or why not). */
export async function copyHighlight(highlight: Highlight, writeClipboard: (text: string) => Promise<void>, locale: UiLocale): Promise<string> {
  try {
    await writeClipboard(copyText(highlight));
    return t(locale, 'highlight.copied');
  } catch {
    return t(locale, 'highlight.copyFailed');
  }
}
