import * as v from 'valibot';
import { RequestSchema, type Reply, type Request, type RequestType, type ResponseMap } from '../utils/messaging/protocol';

export type Handlers = {
  [T in RequestType]: (request: Extract<Request, { type: T }>) => ResponseMap[T] | Promise<ResponseMap[T]>;
};

export interface MessageSender {
  id?: string;
  url?: string;
}

/**
 * The background's door: refuses anything not sent by this extension or not of the
 * protocol's shape, and turns failures into a reply the sender can show.
 */
export function createRequestHandler(handlers: Handlers, extensionId: string) {
  return async (message: unknown, sender: MessageSender): Promise<Reply<RequestType>> => {
    if (sender.id !== extensionId) return { ok: false, error: 'refused: the message did not come from this extension' };
    const parsed = v.safeParse(RequestSchema, message);
    if (!parsed.success) {
      return { ok: false, error: `refused: not a valid request (${v.summarize(parsed.issues).replace(/\n/g, '; ')})` };
    }
    const request = parsed.output;
    try {
      const handler = handlers[request.type] as (r: Request) => unknown;
      return { ok: true, value: (await handler(request)) as ResponseMap[RequestType] };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
