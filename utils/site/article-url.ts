import { FOUNDATION_HOSTS } from './foundation';

/**
 * The article's identity: https, `www.pf.org.tw`, the path, no query or fragment.
 * Returns null for addresses that are not on the foundation's site.
 */
export function canonicalArticleUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!FOUNDATION_HOSTS.includes(url.hostname.toLowerCase())) return null;
  const path = url.pathname.replace(/\/{2,}/g, '/');
  return `https://www.pf.org.tw${path}`;
}
