import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { CollectedEvent, CollectorCounts, RefusalReason } from './events.js';
import { isLoopbackAddress, parseListenAddress } from './listen-address.js';
import { readOrderWebhook, readPixelEvent } from './read-event.js';
import { WEBHOOK_HMAC_HEADER, WEBHOOK_ID_HEADER, WEBHOOK_TOPIC_HEADER, webhookHmacMatches } from './webhook-hmac.js';

export interface CollectorOptions {
  /** host:port to bind, exactly: `127.0.0.1:9411` (port 0 picks a free one). */
  listen: string;
  /** Checks each webhook's X-Shopify-Hmac-Sha256 when given; refuses webhooks that lack or fail it. */
  webhookSecret?: string;
  /** The collector stops when it aborts: the end of the run. */
  signal?: AbortSignal;
  /** A pixel event or an order is a few KB; a body over this is refused unread. */
  maxBodyBytes?: number;
  /** Events kept at most; past it requests are refused (503) and counted, so memory stays bounded and the loss is known. */
  maxEvents?: number;
  /** Keep pixel events of this name only (others are answered 200 and counted as ignored). */
  eventName?: string;
  /** Binding to an address other machines reach is the caller's decision to make explicitly. */
  allowNonLoopback?: boolean;
  /** One line per request for --debug: method, path without query, status. Never a header or body. */
  log?: (line: string) => void;
}

export interface Collector {
  address: { host: string; port: number; url: string };
  /** Every event accepted so far, in arrival order (a copy). */
  events(): CollectedEvent[];
  /** A snapshot of what was accepted, ignored and refused. */
  readonly counts: CollectorCounts;
  /** Closes the listener and every open connection; safe to call twice. Events stay readable. */
  stop(): Promise<void>;
}

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
export const DEFAULT_MAX_EVENTS = 200_000;

/** sendBeacon and a fetch that avoids a CORS preflight send JSON as text/plain, as custom pixels commonly do. */
const JSON_TYPES = /^(application\/(?:[\w.+-]+\+)?json|text\/plain)\s*(;|$)/i;

const STATUS: Record<RefusalReason, number> = {
  method: 405,
  'content-type': 415,
  'too-large': 413,
  'not-json': 400,
  'unknown-shape': 400,
  topic: 404,
  'signature-missing': 401,
  'signature-invalid': 401,
  full: 503,
};

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * The purchase-event collector for the length of a run: accepts JSON POSTs at any path in the shape
 * of a Web Pixels event or a Shopify `orders/create` webhook and keeps their identifiers. Everything
 * else is refused and counted. Binds only where `listen` says.
 */
export const startCollector = async (options: CollectorOptions): Promise<Collector> => {
  const { host, port } = parseListenAddress(options.listen);
  if (!isLoopbackAddress(host) && !options.allowNonLoopback) throw new Error(`the attribution collector listens on loopback only unless allowed (listen: ${options.listen})`);
  options.signal?.throwIfAborted();
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
  const started = performance.now();
  const kept: CollectedEvent[] = [];
  const counts: CollectorCounts = { accepted: 0, ignored: 0, refused: {} };

  const answer = (request: IncomingMessage, response: ServerResponse, outcome: RefusalReason | 'accepted' | 'ignored'): void => {
    const status = outcome === 'accepted' ? 204 : outcome === 'ignored' ? 200 : STATUS[outcome];
    if (outcome === 'accepted' || outcome === 'ignored') counts[outcome] += 1;
    else counts.refused[outcome] = (counts.refused[outcome] ?? 0) + 1;
    options.log?.(`collector ${request.method ?? '?'} ${(request.url ?? '/').split('?')[0]?.slice(0, 100)} → ${status}`);
    // A refused body may still be arriving: close the connection rather than read it.
    response.writeHead(status, outcome === 'accepted' || outcome === 'ignored' ? {} : { connection: 'close', 'content-type': 'text/plain' });
    response.end(outcome === 'accepted' ? undefined : outcome === 'ignored' ? 'ignored' : `refused: ${outcome}`);
  };

  const judge = (request: IncomingMessage, body: Buffer): RefusalReason | 'accepted' | 'ignored' => {
    const topic = header(request.headers, WEBHOOK_TOPIC_HEADER);
    if (topic !== undefined && options.webhookSecret !== undefined) {
      const given = header(request.headers, WEBHOOK_HMAC_HEADER);
      if (!given) return 'signature-missing';
      if (!webhookHmacMatches(options.webhookSecret, body, given)) return 'signature-invalid';
    }
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      return 'not-json';
    }
    const read = topic === undefined ? readPixelEvent(json) : readOrderWebhook(topic, json, header(request.headers, WEBHOOK_ID_HEADER));
    if ('refused' in read) return read.refused;
    if (read.event.source === 'pixel' && options.eventName !== undefined && read.event.name !== options.eventName) return 'ignored';
    if (kept.length >= maxEvents) return 'full';
    const verified = topic === undefined ? {} : { verified: options.webhookSecret !== undefined };
    kept.push({ ...read.event, ...verified, receivedAtMs: Math.round(performance.now() - started) });
    return 'accepted';
  };

  const accept = (request: IncomingMessage, response: ServerResponse): void => {
    if (request.method !== 'POST') return answer(request, response, 'method');
    if (!JSON_TYPES.test(header(request.headers, 'content-type') ?? '')) return answer(request, response, 'content-type');
    if (Number(header(request.headers, 'content-length') ?? 0) > maxBodyBytes) return answer(request, response, 'too-large');
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size <= maxBodyBytes) chunks.push(chunk);
      else {
        // Chunked bodies announce no length: refuse as soon as the cap is passed.
        done = true;
        chunks.length = 0;
        answer(request, response, 'too-large');
      }
    });
    request.on('end', () => {
      if (done) return;
      done = true;
      answer(request, response, judge(request, Buffer.concat(chunks)));
    });
    request.on('error', () => undefined);
  };

  const server = createServer(accept);
  // A client that trickles headers or a body is not a webhook sender: it does not hold a socket for long.
  server.headersTimeout = 5_000;
  server.requestTimeout = 10_000;
  server.maxConnections = 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = server.address();
  if (bound === null || typeof bound === 'string') throw new Error('the attribution collector did not bind a TCP port');

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= new Promise<void>((resolve) => {
      options.signal?.removeEventListener('abort', onAbort);
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return stopped;
  };
  const onAbort = (): void => void stop();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) await stop();

  const urlHost = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
  return {
    address: { host: bound.address, port: bound.port, url: `http://${urlHost}:${bound.port}/` },
    events: () => [...kept],
    get counts(): CollectorCounts {
      return { accepted: counts.accepted, ignored: counts.ignored, refused: { ...counts.refused } };
    },
    stop,
  };
};
