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

/** Thrown (as its reason) when the run's stop cut a request short: not the store's doing. */
export class Stopped extends Error {}

/**
 * The requests in flight, so a stop aborts them all at once. Each request is aborted through its own
 * dispatch controller: a per-request AbortSignal (and the listener it hangs on the run's signal) costs
 * more than the request itself on a fast loopback store.
 */
export class InFlightRequests {
  readonly #aborts = new Set<(reason: Error) => void>();
  #stopped: Error | undefined;

  get stopped(): Error | undefined {
    return this.#stopped;
  }

  add(abort: (reason: Error) => void): void {
    if (this.#stopped) abort(this.#stopped);
    else this.#aborts.add(abort);
  }

  delete(abort: (reason: Error) => void): void {
    this.#aborts.delete(abort);
  }

  stopAll(reason: Error): void {
    this.#stopped = reason;
    for (const abort of this.#aborts) abort(reason);
    this.#aborts.clear();
  }
}

/** Lower-case names (as undici parses them); set-cookie always a list, as exchanges promise. */
const normaliseHeaders = (headers: Record<string, string | string[] | undefined>): Record<string, string | string[]> => {
  const result: Record<string, string | string[]> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined) continue;
    result[name] = name === 'set-cookie' && !Array.isArray(value) ? [value] : value;
  }
  return result;
};

/**
 * Sends one request, once: no retry (a retried POST /cart/add.js adds twice and fakes a race), no redirect
 * followed (a 302 is the answer). The body is kept up to MAX_BODY_BYTES; the rest is read and dropped so
 * the connection stays usable. Transport trouble and a timeout (whole request, connect included) come back
 * as `error`; a stop through `group` rejects with Stopped.
 */
export const sendOnce = (dispatcher: Dispatcher, outgoing: Outgoing, timeoutMs: number, group: InFlightRequests): Promise<Reply> =>
  new Promise((resolve, reject) => {
    let status = 0;
    let headers: Record<string, string | string[]> = {};
    const kept: Buffer[] = [];
    let size = 0;
    let abort: ((reason: Error) => void) | undefined;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort?.(new Error('timeout'));
    }, timeoutMs);
    const settle = (): void => {
      clearTimeout(timer);
      if (abort) group.delete(abort);
    };
    const handler: Dispatcher.DispatchHandler = {
      onRequestStart: (controller) => {
        abort = (reason) => controller.abort(reason);
        // Due while it waited for a connection: it goes no further.
        if (timedOut) abort(new Error('timeout'));
        else group.add(abort);
      },
      onResponseStart: (_controller, statusCode, responseHeaders) => {
        status = statusCode;
        headers = normaliseHeaders(responseHeaders as Record<string, string | string[] | undefined>);
      },
      onResponseData: (_controller, chunk) => {
        if (size >= MAX_BODY_BYTES) return;
        const part = size + chunk.length > MAX_BODY_BYTES ? chunk.subarray(0, MAX_BODY_BYTES - size) : chunk;
        kept.push(part);
        size += part.length;
      },
      onResponseEnd: () => {
        settle();
        resolve({ status, headers, body: kept.length === 1 ? kept[0]!.toString('utf8') : Buffer.concat(kept).toString('utf8') });
      },
      onResponseError: (_controller, error) => {
        settle();
        if (group.stopped) reject(new Stopped(group.stopped.message));
        else resolve({ error: timedOut ? 'timeout' : transportError(error) });
      },
    };
    dispatcher.dispatch(
      {
        origin: outgoing.origin,
        path: outgoing.path,
        method: outgoing.method,
        headers: outgoing.headers,
        body: outgoing.body ?? null,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      },
      handler,
    );
  });
