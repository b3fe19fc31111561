import * as v from 'valibot';
import type { GlossaryIndex } from '../glossary/types';

/**
 * Every message a content script or extension page sends to the background.
 * The background validates each one against this schema before acting on it.
 */
export const RequestSchema = v.variant('type', [
  v.strictObject({ type: v.literal('glossary/get') }),
]);

export type Request = v.InferOutput<typeof RequestSchema>;
export type RequestType = Request['type'];

/** What each request answers with. */
export interface ResponseMap {
  'glossary/get': GlossaryIndex;
}

export type Reply<T extends RequestType> = { ok: true; value: ResponseMap[T] } | { ok: false; error: string };
