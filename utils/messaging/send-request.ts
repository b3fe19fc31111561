import type { Reply, Request, ResponseMap } from './to-background';

type Send = (message: Request) => Promise<unknown>;

/** Sends one request to the background and unwraps its reply, throwing its error. */
export async function sendRequest<T extends Request>(send: Send, request: T): Promise<ResponseMap[T['type']]> {
  const reply = (await send(request)) as Reply<T['type']> | undefined;
  if (!reply) throw new Error('the extension did not answer; reload the page');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
