import * as v from 'valibot';

/** Keyboard commands (manifest `commands`) for the bilingual controls, forwarded by the background to the tab. */
export const READER_COMMANDS = ['toggle-script', 'cycle-glosses'] as const;
export type ReaderCommand = (typeof READER_COMMANDS)[number];

/** The highlight shortcut and the context-menu item, forwarded by the background to the tab. */
export const HIGHLIGHT_COMMAND = 'highlight-selection';
export const HIGHLIGHT_MENU_ID = 'prospect-reader-highlight';

/**
 * Every message sent to an article tab (the other way from to-background.ts): from the background
 * (the shortcuts, the context menu) and from the toolbar popup. The tab's one listener checks each
 * against this schema and answers nothing else.
 */
export const ToTabSchema = v.variant('type', [
  v.strictObject({ type: v.literal('highlight/selection'), source: v.picklist(['command', 'menu']) }),
  v.strictObject({ type: v.literal('reader/command'), command: v.picklist(READER_COMMANDS) }),
  v.strictObject({ type: v.literal('reader/status') }),
]);
export type ToTab = v.InferOutput<typeof ToTabSchema>;

/** What a tab tells the popup about its article. */
export interface ReaderStatus {
  articleUrl: string;
  lang: 'zh' | 'en';
  /** The script the article was published in and the one it is shown in (null on English pages). */
  native: 'traditional' | 'simplified' | null;
  shown: 'traditional' | 'simplified' | null;
  highlights: { drawn: number; notAttached: number };
}

export interface TabReplyMap {
  'highlight/selection': null;
  'reader/command': null;
  'reader/status': ReaderStatus;
}

export type TabReply<T extends ToTab['type']> =
  | { ok: true; value: TabReplyMap[T] }
  | { ok: false; error: string };

export function isReaderCommand(command: string): command is ReaderCommand {
  return (READER_COMMANDS as readonly string[]).includes(command);
}

type TabHandlers = {
  [T in ToTab['type']]: (m: Extract<ToTab, { type: T }>) => Promise<TabReplyMap[T]> | TabReplyMap[T];
};

/**
 * The tab's side: null (no answer, so another listener may answer) for anything not from this
 * extension or not of this schema; otherwise the handler's reply, a failure turned into an error reply.
 */
export function answerTabMessage(
  handlers: TabHandlers,
  extensionId: string,
  message: unknown,
  sender: { id?: string },
): Promise<TabReply<ToTab['type']>> | null {
  if (sender.id !== extensionId) return null;
  const parsed = v.safeParse(ToTabSchema, message);
  if (!parsed.success) return null;
  const handler = handlers[parsed.output.type] as (m: ToTab) => unknown;
  return Promise.resolve()
    .then(() => handler(parsed.output))
    .then(
      (value) => ({ ok: true as const, value: value as TabReplyMap[ToTab['type']] }),
      (error: unknown) => ({ ok: false as const, error: error instanceof Error ? error.message : String(error) }),
    );
}

/** Sends a message to a tab's content script and unwraps the reply; throws when the tab has no reader. */
export async function askTab<T extends ToTab>(
  sendToTab: (tabId: number, message: ToTab) => Promise<unknown>,
  tabId: number,
  message: T,
): Promise<TabReplyMap[T['type']]> {
  const reply = (await sendToTab(tabId, message)) as TabReply<T['type']> | undefined;
  if (!reply) throw new Error('no Prospect Reader in this tab');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** Forwards a shortcut to the tab it was pressed in; a tab without an article has no listener and is left alone. */
export async function forwardReaderCommand(
  tabId: number | undefined,
  command: ReaderCommand,
  sendToTab: (tabId: number, message: ToTab) => Promise<unknown>,
): Promise<boolean> {
  if (tabId === undefined || tabId < 0) return false;
  try {
    await askTab(sendToTab, tabId, { type: 'reader/command', command });
    return true;
  } catch {
    return false;
  }
}

/**
 * Forwards the highlight shortcut or the menu click to the tab it happened in. A tab without our
 * content script (not an article) has no listener; that is not an error worth reporting.
 */
export async function forwardHighlight(
  tabId: number | undefined,
  source: 'command' | 'menu',
  sendToTab: (tabId: number, message: ToTab) => Promise<unknown>,
): Promise<boolean> {
  if (tabId === undefined || tabId < 0) return false;
  try {
    await sendToTab(tabId, { type: 'highlight/selection', source });
    return true;
  } catch {
    return false;
  }
}
