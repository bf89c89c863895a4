import { setMaxListeners } from 'node:events';
import { Agent } from 'undici';
import { InFlightRequests } from './send.js';

/** A run's target as the sessions use it: the origin to connect to and the base path step paths follow. */
export const splitTarget = (target: string): { origin: string; basePath: string } => {
  const url = new URL(target);
  return { origin: url.origin, basePath: url.pathname.replace(/\/+$/, '') };
};

/** What a run sends through, and how it stops: the caller's signal aborts every request in flight at once. */
export interface RunTransport {
  dispatcher: Agent;
  requests: InFlightRequests;
  /** Aborted when the caller's signal is; sessions in think time or at a barrier listen on it. */
  stopSignal: AbortSignal;
  /** Stops listening to the caller's signal and closes every connection. */
  close(): void;
}

/** One connection per shopper at most, no pipelining, the request time limit on connecting and on the answer. */
export const openTransport = (signal: AbortSignal, connections: number, requestTimeoutMs: number): RunTransport => {
  const stop = new AbortController();
  // Every session in think time listens on this one signal: many at once is expected, not a leak.
  setMaxListeners(0, stop.signal);
  const requests = new InFlightRequests();
  const dispatcher = new Agent({
    connections: Math.max(1, connections),
    pipelining: 1,
    headersTimeout: requestTimeoutMs,
    bodyTimeout: requestTimeoutMs,
    connect: { timeout: requestTimeoutMs },
  });
  const forward = (): void => {
    stop.abort(signal.reason);
    requests.stopAll(new Error('stopped'));
    void dispatcher.destroy().catch(() => undefined);
  };
  if (signal.aborted) forward();
  else signal.addEventListener('abort', forward, { once: true });
  return {
    dispatcher,
    requests,
    stopSignal: stop.signal,
    close: () => {
      signal.removeEventListener('abort', forward);
      void dispatcher.destroy().catch(() => undefined);
    },
  };
};
