import { isWebUrl } from '../site/web-url';
/** The notes page's address, opened on one article or one highlight (read back by the page from its hash). */
export function notesPageUrl(base: string, target: { articleUrl?: string; highlightId?: string } = {}): string {
  const params = new URLSearchParams();
  if (target.articleUrl) params.set('article', target.articleUrl);
  if (target.highlightId) params.set('highlight', target.highlightId);
  const hash = params.toString();
  return hash ? `${base}#${hash}` : base;
}

/** The target a notes page address carries in its hash (the inverse of notesPageUrl). */
export function readNotesHash(hash: string): { articleUrl?: string; highlightId?: string } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const articleUrl = params.get('article') ?? '';
  const highlightId = params.get('highlight') ?? '';
  return {
    ...(isWebUrl(articleUrl) ? { articleUrl } : {}),
    ...(highlightId !== '' ? { highlightId } : {}),
  };
}
