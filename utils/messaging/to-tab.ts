import * as v from 'valibot';

/** Keyboard commands (manifest `commands`) for the bilingual controls, forwarded by the background to the tab. */
export const READER_COMMANDS = ['toggle-script', 'cycle-glosses'] as const;
export type ReaderCommand = (typeof READER_COMMANDS)[number];

/**
 * Messages the background (a shortcut) or the toolbar popup sends to an article tab about its
 * bilingual controls. Beside tab-message.ts (highlights); each listener answers only its own.
 */
export const ReaderMessageSchema = v.variant('type', [
  v.strictObject({ type: v.literal('reader/command'), command: v.picklist(READER_COMMANDS) }),
  v.strictObject({ type: v.literal('reader/status') }),
]);
export type ReaderMessage = v.InferOutput<typeof ReaderMessageSchema>;

/** What a tab tells the popup about its article. */
export interface ReaderStatus {
  articleUrl: string;
  lang: 'zh' | 'en';
  /** The script the article was published in and the one it is shown in (null on English pages). */
  native: 'traditional' | 'simplified' | null;
  shown: 'traditional' | 'simplified' | null;
  highlights: { drawn: number; notAttached: number };
}

export interface ReaderReplyMap {
  'reader/command': null;
  'reader/status': ReaderStatus;
}

export type ReaderReply<T extends ReaderMessage['type']> =
  | { ok: true; value: ReaderReplyMap[T] }
  | { ok: false; error: string };

export function isReaderCommand(command: string): command is ReaderCommand {
  return (READER_COMMANDS as readonly string[]).includes(command);
}

type ReaderHandlers = {
  [T in ReaderMessage['type']]: (m: Extract<ReaderMessage, { type: T }>) => Promise<ReaderReplyMap[T]> | ReaderReplyMap[T];
};

/**
 * The tab's side: null (no answer, so another listener may answer) for anything not from this
 * extension or not of this schema; otherwise the handler's reply, a failure turned into an error reply.
 */
export function answerReaderMessage(
  handlers: ReaderHandlers,
  extensionId: string,
  message: unknown,
  sender: { id?: string },
): Promise<ReaderReply<ReaderMessage['type']>> | null {
  if (sender.id !== extensionId) return null;
  const parsed = v.safeParse(ReaderMessageSchema, message);
  if (!parsed.success) return null;
  const handler = handlers[parsed.output.type] as (m: ReaderMessage) => unknown;
  return Promise.resolve()
    .then(() => handler(parsed.output))
    .then(
      (value) => ({ ok: true as const, value: value as ReaderReplyMap[ReaderMessage['type']] }),
      (error: unknown) => ({ ok: false as const, error: error instanceof Error ? error.message : String(error) }),
    );
}

/** Sends a message to a tab's content script and unwraps the reply; throws when the tab has no reader. */
export async function askTab<T extends ReaderMessage>(
  sendToTab: (tabId: number, message: ReaderMessage) => Promise<unknown>,
  tabId: number,
  message: T,
): Promise<ReaderReplyMap[T['type']]> {
  const reply = (await sendToTab(tabId, message)) as ReaderReply<T['type']> | undefined;
  if (!reply) throw new Error('no Prospect Reader in this tab');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** Forwards a shortcut to the tab it was pressed in; a tab without an article has no listener and is left alone. */
export async function forwardReaderCommand(
  tabId: number | undefined,
  command: ReaderCommand,
  sendToTab: (tabId: number, message: ReaderMessage) => Promise<unknown>,
): Promise<boolean> {
  if (tabId === undefined || tabId < 0) return false;
  try {
    await askTab(sendToTab, tabId, { type: 'reader/command', command });
    return true;
  } catch {
    return false;
  }
}
