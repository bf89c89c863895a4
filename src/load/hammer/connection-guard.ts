import { performance } from 'node:perf_hooks';
import type { Socket } from 'node:net';

/**
 * The parts of an autocannon 9 client (lib/httpClient.js) the guard reaches into. They are internal, so
 * the package is pinned to ^9; a test for each behaviour below fails if an update moves them.
 */
export interface CannonClient {
  conn: Socket;
  parser: { initialize(type: string): void; finish(): unknown };
  pipelinedRequests: { clear(): void };
  requestIterator: { currentRequestIndex: number; context: Record<string, unknown> };
  reqsMade: number;
  _connect(): void;
  _doRequest(): void;
  _resetConnection(): void;
  on(event: 'headers', listener: (info: { headers: string[]; statusCode: number; shouldKeepAlive: boolean }) => void): unknown;
  on(event: 'response' | 'timeout', listener: () => void): unknown;
  on(event: 'connError', listener: (error: Error) => void): unknown;
}

/** Where the guard reports what became of each request it saw written. */
export interface GuardEvents {
  /** A request of step `step` was never answered and no error says why: the connection lost it. */
  lost(step: number): void;
  timedOut(step: number, latencyMs: number): void;
  failed(step: number, error: Error, latencyMs: number): void;
}

/** Where the write time of the request in flight is kept, for onResponse to measure from. */
export const SENT_AT = 'q4checkSentAt';

const answerEndsWithClose = (headers: readonly string[], statusCode: number): boolean => {
  if (statusCode < 200 || statusCode === 204 || statusCode === 304) return false;
  for (let index = 0; index < headers.length; index += 2) {
    const name = headers[index]!.toLowerCase();
    if (name === 'content-length') return false;
    if (name === 'transfer-encoding' && /chunked/i.test(headers[index + 1] ?? '')) return false;
  }
  return true;
};

/**
 * Keeps an autocannon connection honest when the server closes it, two ways autocannon gets wrong:
 * - an answer with `Connection: close`: autocannon writes the next step into the closing socket, where it
 *   is lost without an error, and the reconnect moves on to the step after; the guard holds the next step
 *   back and sends it on a fresh connection instead;
 * - an answer delimited by the connection's close (no length): autocannon never ends it, and its parser
 *   stays stuck for the rest of the run; the guard ends the answer at the close and starts every new
 *   connection with a clean parser.
 * - a connection that ends with a request unanswered: autocannon keeps that request queued and pins the
 *   next answer on it, under the wrong step; the guard starts each connection with an empty queue.
 * It also tells what became of each written request (answered, timed out, failed, lost).
 */
export const guardConnection = (client: CannonClient, events: GuardEvents): void => {
  let closing = false;
  let closeDelimited = false;
  let ended = false;
  let inFlight: { step: number; sentAt: number } | undefined;
  /** The request in flight when autocannon replaced its connection: a timeout or an error may still claim it. */
  let orphan: { step: number; sentAt: number } | undefined;

  const connect = client._connect.bind(client);
  const doRequest = client._doRequest.bind(client);

  client._connect = () => {
    closing = false;
    closeDelimited = false;
    ended = false;
    // Nothing of the old connection carries over: its unanswered request would take the next answer.
    client.pipelinedRequests.clear();
    client.parser.initialize('RESPONSE');
    connect();
    client.conn.prependListener('end', () => {
      ended = true;
      if (closeDelimited) client.parser.finish();
    });
  };

  client._doRequest = () => {
    if (closing) {
      // The server is closing this connection: the next step goes on a new one. After 'end', autocannon reconnects by itself.
      closing = false;
      if (!ended) client._resetConnection();
      return;
    }
    const before = client.reqsMade;
    const sentAt = performance.now();
    doRequest();
    if (client.reqsMade === before) return;
    if (inFlight) {
      orphan = inFlight;
      // autocannon signals a timeout right after it reconnects; anything else that replaced the connection lost the request.
      queueMicrotask(() => {
        if (orphan) events.lost(orphan.step);
        orphan = undefined;
      });
    }
    inFlight = { step: client.requestIterator.currentRequestIndex, sentAt };
    client.requestIterator.context[SENT_AT] = sentAt;
  };

  client.on('headers', (info) => {
    closeDelimited = answerEndsWithClose(info.headers, info.statusCode);
    closing = !info.shouldKeepAlive || closeDelimited;
  });
  client.on('response', () => {
    inFlight = undefined;
  });
  client.on('timeout', () => {
    const timedOut = orphan ?? inFlight;
    if (timedOut) events.timedOut(timedOut.step, performance.now() - timedOut.sentAt);
    if (orphan) orphan = undefined;
    else inFlight = undefined;
  });
  client.on('connError', (error) => {
    if (inFlight) events.failed(inFlight.step, error, performance.now() - inFlight.sentAt);
    inFlight = undefined;
  });
};
