import type { Dispatcher } from 'undici';
import type { z } from 'zod';
import {
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
import { AdminApiError, adminGet, type GetSettings } from './get.js';
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

const chunk = <T>(items: readonly T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** Reads ground truth from a store's Admin REST API with its access token: GETs only. */
export const adminClient = (options: AdminClientOptions): AdminClient => {
  const base = new URL(options.base);
  const prefix = base.pathname.replace(/\/+$/, '');
  const settings: GetSettings = { ...options, timeoutMs: options.timeoutMs ?? 10_000, maxRetries: options.maxRetries ?? 4, maxRetryWaitMs: options.maxRetryWaitMs ?? 10_000 };
  const get = (url: string): ReturnType<typeof adminGet> => adminGet(url, settings);
  const maxPages = options.maxPages ?? 400;
  const urlOf = (path: string, query: Record<string, string>): string => {
    const url = new URL(base.origin);
    url.pathname = `${prefix}${path}`;
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    return url.toString();
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
