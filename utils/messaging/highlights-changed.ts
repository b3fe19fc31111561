import * as v from 'valibot';

/**
 * The key the background writes in `storage.local` after every change to an article's highlights;
 * every tab showing that article listens for it and redraws (no `tabs` permission needed).
 */
export const HIGHLIGHTS_CHANGED_KEY = 'highlightsChanged';
export interface HighlightsChanged {
  /** Every article whose highlights changed (an import may touch many). */
  articleUrls: string[];
  /** Who made the change (the request 'client/origin'): that context has already drawn it and skips the echo. */
  origin: string;
  /** Distinguishes two changes in the same millisecond. */
  serial: string;
}

const ChangeSchema = v.object({
  articleUrls: v.array(v.string()),
  origin: v.string(),
  serial: v.string(),
});

/**
 * Whether a change the background announced (under HIGHLIGHTS_CHANGED_KEY) should make a tab
 * showing `articleUrl` refetch: it touched that article and was made by someone else. The tab's
 * own changes are drawn already; `self` is the name the background gives it ('client/origin'),
 * null when it is not known, so every change counts.
 */
export function shouldRefetch(change: unknown, articleUrl: string, self: string | null): boolean {
  const parsed = v.safeParse(ChangeSchema, change);
  if (!parsed.success) return false;
  return parsed.output.origin !== self && parsed.output.articleUrls.includes(articleUrl);
}
