import * as v from 'valibot';

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
