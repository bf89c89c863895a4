import { watchAbort } from './abort-watch.js';
import type { ServerAddress } from './server-address.js';
import type { RecordType } from './types.js';
import { decodeMessage, isReplyTo, type DecodedMessage } from './wire.js';

/** One packet's worth of asking one server one question. */
export interface ExchangeRequest {
  server: ServerAddress;
  id: number;
  /** Normalized (lower-case, no trailing dot). */
  name: string;
  type: RecordType;
  query: Buffer;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** How one exchange ended. Transports never reject, except when the signal aborts. */
export type ExchangeResult =
  | { kind: 'message'; message: DecodedMessage }
  | { kind: 'timeout' }
  | { kind: 'error'; error: string };

/**
 * What a packet from the server means for this exchange; undefined means "not ours, keep waiting",
 * which is what makes a forged or stale answer harmless.
 */
export function readReply(packet: Buffer, request: ExchangeRequest): ExchangeResult | undefined {
  if (packet.length < 2 || packet.readUInt16BE(0) !== request.id) return undefined;
  let message: DecodedMessage;
  try {
    message = decodeMessage(packet);
  } catch (error) {
    return { kind: 'error', error: `malformed answer (${errorText(error)})` };
  }
  return isReplyTo(message, request.id, request.name, request.type) ? { kind: 'message', message } : undefined;
}

/**
 * The lifecycle both transports share: exactly one result, a deadline, abort, and `close` run on every
 * path, so no socket or timer outlives the exchange.
 */
export function exchangeWithDeadline(
  request: ExchangeRequest,
  open: (finish: (result: ExchangeResult) => void) => () => void,
): Promise<ExchangeResult> {
  return new Promise((resolve, reject) => {
    const { signal } = request;
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    let settled = false;
    let close: (() => void) | undefined;
    const settle = (done: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      unwatch?.();
      close?.();
      done();
    };
    const timer = setTimeout(() => settle(() => resolve({ kind: 'timeout' })), request.timeoutMs);
    const unwatch = signal && watchAbort(signal, () => settle(() => reject(signal.reason)));
    try {
      const closer = open((result) => settle(() => resolve(result)));
      if (settled) closer();
      else close = closer;
    } catch (error) {
      settle(() => resolve({ kind: 'error', error: errorText(error) }));
    }
  });
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
