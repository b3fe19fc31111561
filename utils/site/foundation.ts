/** The foundation's hosts; the site is reached at www.pf.org.tw and at the bare domain. */
export const FOUNDATION_HOSTS: readonly string[] = ['www.pf.org.tw', 'pf.org.tw'];

/**
 * Where the content script runs and what the host permission covers: https only, since over http
 * a network attacker could do what a page script can.
 */
export const FOUNDATION_MATCHES: string[] = FOUNDATION_HOSTS.map((host) => `https://${host}/*`);

/** The foundation's own site over https, where the content script is declared in the manifest. */
export function isFoundationOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return url.protocol === 'https:' && FOUNDATION_HOSTS.includes(url.hostname.toLowerCase());
  } catch {
    return false;
  }
}
