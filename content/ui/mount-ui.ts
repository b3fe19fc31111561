/**
 * The one way an in-page UI is shown: a host element with a closed shadow root (`shadow-host.ts`),
 * its stylesheet, a Preact render into it, and its removal. The host is made on first use and made
 * again if the page removed it; `destroy` unmounts the components before the host goes, so their
 * effects and timers end with it.
 */
import { render, type ComponentChild } from 'preact';
import { createShadowHost, type ShadowHost } from './shadow-host';

export interface UiMountOptions {
  tag: string;
  css: string;
  /** Runs on each new host: nodes beside the rendered UI (a live region), the host's look. */
  onCreate?: (shadow: ShadowHost) => void;
  /** Puts a new host in the page; the end of the body unless given. */
  place?: (host: HTMLElement) => void;
}

export interface UiMount {
  /** The host and its root, or null when none is in the page. */
  current(): ShadowHost | null;
  /** The host, made now if there is none in the page. */
  ensure(): ShadowHost;
  /** Renders into the host, making it if needed. */
  render(ui: ComponentChild): void;
  /** Unmounts what is rendered; the host stays for the next render. */
  clear(): void;
  /** Whether an event's target is inside this UI (the host is all the page sees of it). */
  contains(target: EventTarget | null): boolean;
  /** Unmounts and takes the host out of the page. */
  destroy(): void;
}

export function mountUi(doc: Document, options: UiMountOptions): UiMount {
  let shadow: ShadowHost | null = null;
  const live = () => (shadow?.host.isConnected ? shadow : null);

  function ensure(): ShadowHost {
    const existing = live();
    if (existing) return existing;
    const made = createShadowHost(doc, options.tag, options.css);
    options.place?.(made.host);
    options.onCreate?.(made);
    shadow = made;
    return made;
  }

  return {
    current: live,
    ensure,
    render(ui) {
      render(ui, ensure().mount);
    },
    clear() {
      if (shadow) render(null, shadow.mount);
    },
    contains(target) {
      // Read as a node by shape: a document without a window (a parsed one) has no Node to test against.
      return !!shadow && !!target && 'nodeType' in target && shadow.host.contains(target as Node);
    },
    destroy() {
      if (!shadow) return;
      render(null, shadow.mount);
      shadow.remove();
      shadow = null;
    },
  };
}
