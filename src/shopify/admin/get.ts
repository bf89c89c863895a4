import { setTimeout as sleep } from 'node:timers/promises';
import { request, type Dispatcher } from 'undici';
import { ACCESS_TOKEN_HEADER } from './api.js';

export interface GetSettings {
  token: string;
  signal?: AbortSignal;
  timeoutMs: number;
  maxRetries: number;
  maxRetryWaitMs: number;
  dispatcher?: Dispatcher;
  log?: (line: string) => void;
}

/** A failed Admin API read: names the path and the status, never the token or the query. */
export class AdminApiError extends Error {
  override name = 'AdminApiError';
  constructor(
    readonly path: string,
    readonly problem: string,
    readonly status?: number,
  ) {
    super(`Admin API GET ${path}: ${problem}`);
  }
}

const MAX_ANSWER_BYTES = 32 * 1024 * 1024;

const STATUS_HINT: Record<number, string> = {
  401: 'the access token was refused (401)',
  403: 'the access token lacks a scope this read needs: read_products, read_inventory, read_orders (403)',
  404: 'not found (404)',
};

/** Retry-After in seconds ("2.0", as Shopify sends it) or as an HTTP date; 1 s when absent, as the REST bucket leaks. */
const retryAfterMs = (value: string | string[] | undefined, now: number): number => {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text.trim() === '') return 1000;
  const seconds = Number(text);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - now);
};

const readCapped = async (body: Dispatcher.ResponseData['body'], path: string): Promise<string> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_ANSWER_BYTES) {
      body.destroy();
      throw new AdminApiError(path, `answer larger than ${MAX_ANSWER_BYTES} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
};

/** One GET with the access token, again after each 429 (bounded); the parsed JSON and the Link header. */
export const adminGet = async (url: string, settings: GetSettings): Promise<{ json: unknown; link: string | undefined }> => {
  const { timeoutMs, maxRetries, maxRetryWaitMs } = settings;
  const path = new URL(url).pathname;
  for (let attempt = 0; ; attempt += 1) {
    settings.signal?.throwIfAborted();
    const started = Date.now();
    let response: Dispatcher.ResponseData;
    try {
      response = await request(url, {
        method: 'GET',
        headers: { [ACCESS_TOKEN_HEADER]: settings.token, accept: 'application/json' },
        signal: settings.signal ? AbortSignal.any([settings.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        ...(settings.dispatcher ? { dispatcher: settings.dispatcher } : {}),
      });
    } catch (error) {
      settings.signal?.throwIfAborted();
      const timedOut = (error as Error).name === 'TimeoutError' || /TIMEOUT/.test(String((error as { code?: string }).code));
      throw new AdminApiError(path, timedOut ? `no answer within ${timeoutMs} ms` : String((error as { code?: string }).code ?? (error as Error).name));
    }
    settings.log?.(`Admin API GET ${path} → ${response.statusCode} in ${Date.now() - started} ms`);
    if (response.statusCode === 429 && attempt < maxRetries) {
      await response.body.dump();
      try {
        await sleep(Math.min(retryAfterMs(response.headers['retry-after'], Date.now()), maxRetryWaitMs), undefined, settings.signal ? { signal: settings.signal } : {});
      } catch (error) {
        settings.signal?.throwIfAborted(); // The run's own reason, not the timer's AbortError.
        throw error;
      }
      continue;
    }
    if (response.statusCode !== 200) {
      await response.body.dump();
      const problem = STATUS_HINT[response.statusCode] ?? (response.statusCode === 429 ? `still throttled (429) after ${maxRetries} retries` : `answered ${response.statusCode}`);
      throw new AdminApiError(path, problem, response.statusCode);
    }
    const text = await readCapped(response.body, path);
    const link = response.headers.link;
    try {
      return { json: JSON.parse(text), link: Array.isArray(link) ? link.join(', ') : link };
    } catch {
      throw new AdminApiError(path, 'the answer is not JSON', 200);
    }
  }
};

