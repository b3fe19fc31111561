import * as v from 'valibot';
import { RequestSchema, type Reply, type Request, type RequestType, type ResponseMap } from '../utils/messaging/to-background';
import { callerOf, type Caller, type MessageSender } from './caller';

export type Handlers = {
  [T in RequestType]: (request: Extract<Request, { type: T }>, caller: Caller) => ResponseMap[T] | Promise<ResponseMap[T]>;
};

/**
 * What a tab may ask; the rest (the whole glossary with the reader's own entries, import, purge,
 * saved-term removal) belongs to the extension's pages. A tab marks from the match index.
 */
const TAB_REQUESTS: ReadonlySet<RequestType> = new Set<RequestType>([
  'glossary/match',
  'glossary/entries',
  'glossary/first-marks',
  'dictionary/lookup',
  'script/dictionary',
  'settings/update',
  'highlights/list',
  'highlights/add',
  'highlights/update',
  'highlights/remove',
  'highlights/restore',
  'terms/save',
  'highlights/orphans',
  'notes/open',
  'pdf/open',
  'client/origin',
]);

/**
 * The background's door: refuses anything not sent by this extension or not of the protocol's
 * shape, binds a tab to the article it shows (see caller.ts), and turns failures into a reply the
 * sender can show. `extensionUrl` is the extension's base URL (runtime.getURL('/')).
 */
export function createRequestHandler(handlers: Handlers, extensionId: string, extensionUrl: string) {
  return async (message: unknown, sender: MessageSender): Promise<Reply<RequestType>> => {
    if (sender.id !== extensionId) return { ok: false, error: 'refused: the message did not come from this extension' };
    const parsed = v.safeParse(RequestSchema, message);
    if (!parsed.success) {
      return { ok: false, error: `refused: not a valid request (${v.summarize(parsed.issues).replace(/\n/g, '; ')})` };
    }
    const request = parsed.output;
    const caller = callerOf(sender, extensionUrl);
    if (caller.kind === 'tab' && !TAB_REQUESTS.has(request.type)) {
      return { ok: false, error: `refused: ${request.type} is for the notes desk, not for a web page's tab` };
    }
    try {
      const handler = handlers[request.type] as (r: Request, c: Caller) => unknown;
      return { ok: true, value: (await handler(request, caller)) as ResponseMap[RequestType] };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
