import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ACCESS_TOKEN_HEADER, ADMIN_PATHS, type AdminInventoryLevel, type AdminOrder, formatLink, INVENTORY_ITEM_BATCH, MAX_PAGE_LIMIT } from '../../shopify/admin/index.js';
import { decodeCursor, encodeCursor, pageOf, type PageCursor } from './paging.js';
import type { AdminStore, AdminStoreOrder } from './store.js';

export interface AdminHandlerOptions {
  store: AdminStore;
  /** The Admin API access token the requests must carry. */
  accessToken: string;
  /** Pages hold at most this many items whatever `limit` asks (≤ 250): small in tests, so paging is exercised. */
  maxPageSize?: number;
}

/** Answers a request under /admin/ and returns true, or returns false and leaves it to the storefront. */
export type AdminHandler = (request: IncomingMessage, response: ServerResponse) => boolean;

/** Shopify's default page when no `limit` is given. */
const DEFAULT_LIMIT = 50;

/** Shopify's own answer to a wrong or missing token. */
const INVALID_TOKEN = '[API] Invalid API key or access token (unrecognized login or wrong password)';

type Answer = { status: number; body: unknown; link?: string };

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** Compared as digests, so neither the content nor the length of the token leaks through timing. */
const tokenMatches = (given: string | string[] | undefined, expected: string): boolean => typeof given === 'string' && given !== '' && timingSafeEqual(digest(given), digest(expected));

const orderJson = (order: AdminStoreOrder): AdminOrder => ({
  id: order.id,
  checkout_token: order.checkoutToken,
  created_at: order.createdAt,
  line_items: order.lines.map((line) => ({ variant_id: line.variantId, quantity: line.quantity })),
});

/** `fields=id,created_at` keeps only those top-level fields, as Shopify does. */
const onlyFields = (item: object, fields: string | null): object => {
  if (fields === null) return item;
  const wanted = new Set(fields.split(',').map((field) => field.trim()));
  return Object.fromEntries(Object.entries(item).filter(([name]) => wanted.has(name)));
};

/**
 * The three Admin REST (2026-10) endpoints q4check reads ground truth from, over an in-memory store:
 * token-checked, with Shopify's cursor pagination (`page_info` and `Link`) on the listings.
 */
export const createAdminHandler = (options: AdminHandlerOptions): AdminHandler => {
  const maxPageSize = Math.min(options.maxPageSize ?? MAX_PAGE_LIMIT, MAX_PAGE_LIMIT);

  /** One page of a listing: the first request's filters, or those its cursor carries. */
  const listing = <T extends object>(url: URL, host: string, key: string, filterNames: readonly string[], select: (filters: Record<string, string>) => T[] | Answer): Answer => {
    const query = url.searchParams;
    const limit = Number(query.get('limit') ?? DEFAULT_LIMIT);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_LIMIT) return { status: 400, body: { errors: { limit: `must be between 1 and ${MAX_PAGE_LIMIT}` } } };
    let cursor: PageCursor;
    const pageInfo = query.get('page_info');
    if (pageInfo !== null) {
      if ([...query.keys()].some((name) => !['page_info', 'limit', 'fields'].includes(name))) return { status: 400, body: { errors: 'page_info may only be sent with limit and fields' } };
      const decoded = decodeCursor(pageInfo);
      if (decoded === undefined) return { status: 400, body: { errors: { page_info: 'Invalid value.' } } };
      cursor = decoded;
    } else {
      cursor = { offset: 0, filters: Object.fromEntries(filterNames.flatMap((name) => (query.has(name) ? [[name, query.get(name) ?? '']] : []))) };
    }
    const selected = select(cursor.filters);
    if (!Array.isArray(selected)) return selected;
    const page = pageOf(selected, cursor.offset, Math.min(limit, maxPageSize), cursor.filters);
    const fields = query.get('fields');
    const linkTo = (to: PageCursor | undefined): string | undefined => {
      if (to === undefined) return undefined;
      const next = new URL(`http://${host}${url.pathname}`);
      next.searchParams.set('limit', String(limit));
      if (fields !== null) next.searchParams.set('fields', fields);
      next.searchParams.set('page_info', encodeCursor(to));
      return next.toString();
    };
    const link = formatLink({ next: linkTo(page.next), previous: linkTo(page.previous) });
    return { status: 200, body: { [key]: page.items.map((item) => onlyFields(item, fields)) }, ...(link === undefined ? {} : { link }) };
  };

  const orders = (filters: Record<string, string>): AdminOrder[] | Answer => {
    const since = filters.created_at_min === undefined ? undefined : Date.parse(filters.created_at_min);
    if (Number.isNaN(since)) return { status: 400, body: { errors: { created_at_min: 'Invalid date.' } } };
    return options.store
      .orders()
      .filter((order) => since === undefined || Date.parse(order.createdAt) >= since)
      .map(orderJson);
  };

  const levels = (filters: Record<string, string>): AdminInventoryLevel[] | Answer => {
    const ids = (filters.inventory_item_ids ?? '').split(',').filter((id) => id !== '').map(Number);
    if (ids.length === 0) return { status: 422, body: { errors: 'inventory_item_ids or location_ids must be given' } };
    if (ids.length > INVENTORY_ITEM_BATCH) return { status: 422, body: { errors: `inventory_item_ids may name at most ${INVENTORY_ITEM_BATCH} items` } };
    const wanted = new Set(ids);
    return options.store
      .inventory()
      .filter((level) => wanted.has(level.inventoryItemId))
      .map((level) => ({ inventory_item_id: level.inventoryItemId, location_id: level.locationId, available: level.available }));
  };

  const route = (request: IncomingMessage, url: URL, host: string): Answer => {
    if (!tokenMatches(request.headers[ACCESS_TOKEN_HEADER], options.accessToken)) return { status: 401, body: { errors: INVALID_TOKEN } };
    if (request.method !== 'GET') return { status: 405, body: { errors: 'Method not allowed' } };
    if (url.pathname === ADMIN_PATHS.orders) return listing(url, host, 'orders', ['created_at_min', 'status'], orders);
    if (url.pathname === ADMIN_PATHS.inventoryLevels) return listing(url, host, 'inventory_levels', ['inventory_item_ids'], levels);
    const variantId = ADMIN_PATHS.variantPattern.exec(url.pathname)?.[1];
    const variant = variantId === undefined ? undefined : options.store.variant(Number(variantId));
    if (variant === undefined) return { status: 404, body: { errors: 'Not Found' } };
    return { status: 200, body: { variant: { id: variant.id, inventory_item_id: variant.inventoryItemId } } };
  };

  return (request, response) => {
    const target = request.url ?? '/';
    if (!target.startsWith('/admin/')) return false;
    const host = request.headers.host ?? `127.0.0.1:${request.socket.localPort ?? 0}`;
    let url: URL;
    try {
      url = new URL(target, `http://${host}`);
    } catch {
      url = new URL('http://127.0.0.1/admin/');
    }
    const answer = route(request, url, host);
    response.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...(answer.link === undefined ? {} : { link: answer.link }) });
    response.end(JSON.stringify(answer.body));
    return true;
  };
};
