import { setTimeout as sleep } from 'node:timers/promises';
import { request, type Dispatcher } from 'undici';
import type { z } from 'zod';
import {
  ACCESS_TOKEN_HEADER,
  ADMIN_PATHS,
  INVENTORY_ITEM_BATCH,
  inventoryLevelsAnswer,
  MAX_PAGE_LIMIT,
  ORDER_FIELDS,
  ordersAnswer,
  variantAnswer,
  type AdminInventoryLevel,
  type AdminOrder,
} from './api.js';
import { nextPageUrl } from './link-header.js';

export interface AdminClientOptions {
  /** The store's Admin origin: `https://staging.acme.example` (a path prefix is kept). */
  base: string;
  /** Sent as X-Shopify-Access-Token; never in an error, a log line or a result. */
  token: string;
  signal?: AbortSignal;
  /** Per request. */
  timeoutMs?: number;
  /** 429s answered per request before giving up. */
  maxRetries?: number;
  /** A longer Retry-After is waited only this long (the run has a time limit of its own). */
  maxRetryWaitMs?: number;
  /** Pages followed at most per listing: a store serving pages forever does not hold the run. */
  maxPages?: number;
  dispatcher?: Dispatcher;
  /** One line per request for --debug: path, status, ms. */
  log?: (line: string) => void;
}

export interface AdminClient {
  /** The variant's inventory item id (the product JSON does not carry it). */
  variantInventoryItem(variantId: number | string): Promise<number>;
  /** Levels at every location for these items, asked 50 ids at a time. */
  inventoryLevels(itemIds: readonly number[]): Promise<AdminInventoryLevel[]>;
  /** Every order created at or after `iso`, of any status, across all pages. */
  ordersSince(iso: string): Promise<AdminOrder[]>;
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

const chunk = <T>(items: readonly T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** Reads ground truth from a store's Admin REST API with its access token: GETs only. */
export const adminClient = (options: AdminClientOptions): AdminClient => {
  const base = new URL(options.base);
  const prefix = base.pathname.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxRetries = options.maxRetries ?? 4;
  const maxRetryWaitMs = options.maxRetryWaitMs ?? 10_000;
  const maxPages = options.maxPages ?? 400;
  const urlOf = (path: string, query: Record<string, string>): string => {
    const url = new URL(base.origin);
    url.pathname = `${prefix}${path}`;
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    return url.toString();
  };

  /** One GET, again after each 429 (bounded); the parsed JSON and the Link header. */
  const get = async (url: string): Promise<{ json: unknown; link: string | undefined }> => {
    const path = new URL(url).pathname;
    for (let attempt = 0; ; attempt += 1) {
      options.signal?.throwIfAborted();
      const started = Date.now();
      let response: Dispatcher.ResponseData;
      try {
        response = await request(url, {
          method: 'GET',
          headers: { [ACCESS_TOKEN_HEADER]: options.token, accept: 'application/json' },
          signal: options.signal ? AbortSignal.any([options.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs),
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
          ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
        });
      } catch (error) {
        options.signal?.throwIfAborted();
        const timedOut = (error as Error).name === 'TimeoutError' || /TIMEOUT/.test(String((error as { code?: string }).code));
        throw new AdminApiError(path, timedOut ? `no answer within ${timeoutMs} ms` : String((error as { code?: string }).code ?? (error as Error).name));
      }
      options.log?.(`Admin API GET ${path} → ${response.statusCode} in ${Date.now() - started} ms`);
      if (response.statusCode === 429 && attempt < maxRetries) {
        await response.body.dump();
        try {
          await sleep(Math.min(retryAfterMs(response.headers['retry-after'], Date.now()), maxRetryWaitMs), undefined, options.signal ? { signal: options.signal } : {});
        } catch (error) {
          options.signal?.throwIfAborted(); // The run's own reason, not the timer's AbortError.
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

  const parse = <T>(schema: z.ZodType<T>, json: unknown, path: string): T => {
    const result = schema.safeParse(json);
    if (!result.success) throw new AdminApiError(path, `unexpected answer: ${result.error.issues[0]?.path.join('.') || 'body'} ${result.error.issues[0]?.message ?? ''}`.trim(), 200);
    return result.data;
  };

  /** Every item of a listing across its `Link: rel="next"` pages, which must stay on the store's origin. */
  const all = async <T>(firstUrl: string, pick: (json: unknown, path: string) => T[]): Promise<T[]> => {
    const items: T[] = [];
    const visited = new Set<string>();
    let url: string | undefined = firstUrl;
    while (url !== undefined) {
      const path = new URL(url).pathname;
      if (visited.size >= maxPages) throw new AdminApiError(path, `more than ${maxPages} pages`);
      if (visited.has(url)) throw new AdminApiError(path, 'the next page link points back to a page already read');
      visited.add(url);
      const { json, link } = await get(url);
      items.push(...pick(json, path));
      const next = nextPageUrl(link, url);
      if (next !== undefined && new URL(next).origin !== base.origin) throw new AdminApiError(path, `refused to follow the next page to another origin (${new URL(next).origin})`);
      url = next;
    }
    return items;
  };

  return {
    async variantInventoryItem(variantId) {
      const path = ADMIN_PATHS.variant(variantId);
      const { json } = await get(urlOf(path, {}));
      return parse(variantAnswer, json, path).variant.inventory_item_id;
    },
    async inventoryLevels(itemIds) {
      const levels: AdminInventoryLevel[] = [];
      for (const batch of chunk([...new Set(itemIds)], INVENTORY_ITEM_BATCH)) {
        const first = urlOf(ADMIN_PATHS.inventoryLevels, { inventory_item_ids: batch.join(','), limit: String(MAX_PAGE_LIMIT) });
        levels.push(...(await all(first, (json, path) => parse(inventoryLevelsAnswer, json, path).inventory_levels)));
      }
      return levels;
    },
    ordersSince(iso) {
      const first = urlOf(ADMIN_PATHS.orders, { created_at_min: iso, status: 'any', limit: String(MAX_PAGE_LIMIT), fields: ORDER_FIELDS });
      return all(first, (json, path) => parse(ordersAnswer, json, path).orders);
    },
  };
};
