export interface ShadowHost {
  host: HTMLElement;
  root: ShadowRoot;
  /** The element UI is rendered into. */
  mount: HTMLElement;
  remove(): void;
}

/**
 * An open shadow root on a custom-named host, so neither the page's CSS nor another
 * add-on's reaches the UI; the stylesheet is set as text, never parsed as markup.
 */
export function createShadowHost(doc: Document, tagName: string, cssText: string): ShadowHost {
  const host = doc.createElement(tagName);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = cssText;
  const mount = doc.createElement('div');
  root.append(style, mount);
  (doc.body ?? doc.documentElement).append(host);
  return { host, root, mount, remove: () => host.remove() };
}
