import { FOUNDATION_HOSTS } from './foundation';
import { parseWebUrl } from './web-url';

/**
 * The article's identity: https, `www.pf.org.tw`, the path, no query or fragment.
 * Returns null for addresses that are not on the foundation's site.
 */
export function canonicalArticleUrl(raw: string): string | null {
  const url = parseWebUrl(raw);
  if (!url) return null;
  if (!FOUNDATION_HOSTS.includes(url.hostname.toLowerCase())) return null;
  const path = url.pathname.replace(/\/{2,}/g, '/');
  return `https://www.pf.org.tw${path}`;
}

/** An article's identity on another site: origin and path, no query or fragment. Null for anything but https. */
export function genericCanonicalUrl(raw: string): string | null {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'https:') return null;
    return `${url.origin}${url.pathname.replace(/\/{2,}/g, '/')}`;
  } catch {
    return null;
  }
}

/**
 * The article a page address shows, as the content script names it: the foundation's canonical
 * form on its site, origin and path elsewhere. Null for non-http(s) addresses.
 */
export function articleUrlOf(raw: string): string | null {
  return canonicalArticleUrl(raw) ?? genericCanonicalUrl(raw);
}
