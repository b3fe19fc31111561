import paletteCss from '../../components/common/palette.css?inline';
import { guardRoot } from './trusted';
import { ATTR } from '../../utils/dom-names';
export interface ShadowHost {
  host: HTMLElement;
  root: ShadowRoot;
  /** The element UI is rendered into. */
  mount: HTMLElement;
  remove(): void;
}

export type UiTheme = 'system' | 'light' | 'dark';

/** The reader's theme per document, and the hosts that follow it. */
const themes = new WeakMap<Document, { theme: UiTheme; hosts: Set<HTMLElement> }>();

function themeState(doc: Document) {
  let state = themes.get(doc);
  if (!state) themes.set(doc, (state = { theme: 'system', hosts: new Set() }));
  return state;
}

/**
 * Applies the reader's theme to every UI this extension shows in the page, now and later:
 * `data-theme` on each host, which the stylesheets read (light or dark override the system's).
 */
export function setUiTheme(doc: Document, theme: UiTheme): void {
  const state = themeState(doc);
  state.theme = theme;
  for (const host of state.hosts) {
    if (host.isConnected) host.setAttribute(ATTR.theme, theme);
    else state.hosts.delete(host);
  }
}

/**
 * Every host starts from nothing the page or another add-on could set (`all: initial`), takes no
 * room in the page, and sits above the page's own layers; a UI's stylesheet may adjust this. The
 * reset clears color-scheme too, so it is set again here for the controls the browser draws.
 */
const HOST_RESET = `:host {
  all: initial !important;
  position: fixed !important;
  inset: 0 auto auto 0 !important;
  width: 0 !important;
  height: 0 !important;
  z-index: 2147483647 !important;
  color-scheme: light dark !important;
}
:host([data-theme='light']) {
  color-scheme: light !important;
}
:host([data-theme='dark']) {
  color-scheme: dark !important;
}
`;

/**
 * A closed shadow root on a custom-named host: neither the page's CSS nor another add-on's reaches
 * the UI, and no page script can read its text (notes) or reach its controls. Untrusted events are
 * stopped at the root; the stylesheet is set as text, never parsed as markup.
 */
export function createShadowHost(doc: Document, tagName: string, cssText: string): ShadowHost {
  const host = doc.createElement(tagName);
  const state = themeState(doc);
  state.hosts.add(host);
  host.setAttribute(ATTR.theme, state.theme);
  const root = host.attachShadow({ mode: 'closed' });
  guardRoot(root);
  const style = doc.createElement('style');
  style.textContent = HOST_RESET + paletteCss + cssText;
  const mount = doc.createElement('div');
  root.append(style, mount);
  (doc.body ?? doc.documentElement).append(host);
  return { host, root, mount, remove: () => host.remove() };
}
