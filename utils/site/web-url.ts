/** An http(s) address, parsed; null for any other scheme or for text that is no address at all. */
export function parseWebUrl(text: string): URL | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
}

export const isWebUrl = (text: string): boolean => parseWebUrl(text) !== null;
