import type { Dispatcher } from 'undici';
import type { HttpMethod } from '../journey/types.js';
import { transportError } from './transport-error.js';

/** The longest answer kept: observers and captures read carts and pages, never downloads. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface Outgoing {
  origin: string;
  /** Base path and step path, as sent. */
  path: string;
  method: HttpMethod;
  headers: Record<string, string>;
  body?: string;
}

export type Reply = { status: number; headers: Record<string, string | string[]>; body: string } | { error: string };

/** Reads the body whole, keeping at most MAX_BODY_BYTES: the rest is read and dropped so the connection stays usable. */
const readCapped = async (body: Dispatcher.ResponseData['body'], declaredLength: number): Promise<string> => {
  if (declaredLength >= 0 && declaredLength <= MAX_BODY_BYTES) return body.text();
  const kept: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    if (size >= MAX_BODY_BYTES) continue;
    const part = chunk.subarray(0, MAX_BODY_BYTES - size);
    kept.push(part);
    size += part.length;
  }
  return Buffer.concat(kept).toString('utf8');
};

/** Lower-case names; set-cookie always a list, as exchanges promise. */
const normaliseHeaders = (headers: Dispatcher.ResponseData['headers']): Record<string, string | string[]> => {
  const result: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    result[name] = name === 'set-cookie' && !Array.isArray(value) ? [value] : value;
  }
  return result;
};

/**
 * Sends one request, once: no retry (a retried POST /cart/add.js adds twice and fakes a race), no
 * redirect followed (a 302 is the answer). Transport trouble and a timeout come back as `error`; a stop by
 * `signal` is thrown as the signal's reason so the caller can tell it from the store's trouble.
 */
export const sendOnce = async (dispatcher: Dispatcher, outgoing: Outgoing, timeoutMs: number, signal: AbortSignal): Promise<Reply> => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('no answer in time', 'TimeoutError')), timeoutMs);
  const stop = (): void => controller.abort(signal.reason);
  signal.addEventListener('abort', stop, { once: true });
  try {
    signal.throwIfAborted();
    const response = await dispatcher.request({
      origin: outgoing.origin,
      path: outgoing.path,
      method: outgoing.method,
      headers: outgoing.headers,
      body: outgoing.body ?? null,
      signal: controller.signal,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const declared = Number(response.headers['content-length'] ?? -1);
    const body = await readCapped(response.body, Number.isFinite(declared) ? declared : -1);
    return { status: response.statusCode, headers: normaliseHeaders(response.headers), body };
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    return { error: transportError(controller.signal.aborted ? controller.signal.reason : error) };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', stop);
  }
};
