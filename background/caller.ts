import { articleUrlOf } from '../utils/site/article-url';

/** What `runtime.onMessage` tells about who sent a message (the parts the background reads). */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/**
 * Who is asking. An extension page (notes desk, options, popup, side panel) has full access. A tab
 * may read and change only the highlights of the article its address shows: a confused or
 * subverted content script cannot reach another article's notes, let alone all of them.
 */
export type Caller =
  | { kind: 'extension-page'; origin: string }
  | { kind: 'tab'; origin: string; articleUrl: string | null };

/** The caller, from a sender already known to be this extension; `extensionUrl` is its base URL. */
export function callerOf(sender: MessageSender, extensionUrl: string): Caller {
  const url = sender.url ?? '';
  // An extension page open in a tab (notes.html) also has a tab: its address says what it is.
  if (url.startsWith(extensionUrl)) return { kind: 'extension-page', origin: `page:${sender.tab?.id ?? 'none'}:${url}` };
  return { kind: 'tab', origin: `tab:${sender.tab?.id ?? 'none'}:${sender.frameId ?? 0}`, articleUrl: articleUrlOf(url) };
}

/** Whether the caller may read or change the highlights of this article. */
export function mayTouch(caller: Caller, articleUrl: string): boolean {
  return caller.kind === 'extension-page' || caller.articleUrl === articleUrl;
}

/** Throws the refusal a tab gets for another article's highlights. */
export function requireArticle(caller: Caller, articleUrl: string): void {
  if (!mayTouch(caller, articleUrl)) throw new Error('refused: this tab may only reach the highlights of the article it shows');
}
