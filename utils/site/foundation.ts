/** The foundation's own site, where the content script is declared in the manifest. */
export function isFoundationOrigin(origin: string): boolean {
  try {
    const host = new URL(origin).hostname.toLowerCase();
    return host === 'pf.org.tw' || host === 'www.pf.org.tw';
  } catch {
    return false;
  }
}
