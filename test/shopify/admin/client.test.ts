import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AdminApiError, adminClient, type AdminClientOptions } from '../../../src/shopify/admin/index.js';

const TOKEN = 'shpat_0123456789abcdef0123456789abcdef';

type Route = (request: IncomingMessage, url: URL, response: ServerResponse) => void;

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    ),
  );
});

/** A tiny Admin-API-shaped server: every request is recorded, then answered by `route`. */
const serve = async (route: Route): Promise<{ base: string; seen: Array<{ path: string; query: URLSearchParams; token: string | undefined }> }> => {
  const seen: Array<{ path: string; query: URLSearchParams; token: string | undefined }> = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    seen.push({ path: url.pathname, query: url.searchParams, token: request.headers['x-shopify-access-token'] as string | undefined });
    route(request, url, response);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
};

const json = (response: ServerResponse, body: unknown, headers: Record<string, string> = {}, status = 200): void => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
};

const order = (id: number): Record<string, unknown> => ({ id, checkout_token: `tok-${id}`, created_at: '2026-11-27T09:00:00-05:00', email: 'a@example.com', line_items: [{ variant_id: 40101, quantity: 1, title: 'Lantern' }] });

const client = (base: string, options: Partial<AdminClientOptions> = {}) => adminClient({ base, token: TOKEN, timeoutMs: 2_000, ...options });

/** The error a promise rejects with, to look at every field of it. */
const failure = async (promise: Promise<unknown>): Promise<AdminApiError> => {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AdminApiError);
  return error as AdminApiError;
};

describe('orders since the run began', () => {
  it('follows Link rel="next" across three pages and asks for what the rules read', async () => {
    const { base, seen } = await serve((_, url, response) => {
      const page = Number(url.searchParams.get('page_info') ?? '1');
      const next = `${base}${url.pathname}?limit=250&page_info=${page + 1}`;
      const previous = `${base}${url.pathname}?limit=250&page_info=${page - 1}`;
      const link = page === 1 ? `<${next}>; rel="next"` : page === 2 ? `<${previous}>; rel="previous", <${next}>; rel="next"` : `<${previous}>; rel="previous"`;
      json(response, { orders: [order(page * 10 + 1), order(page * 10 + 2)] }, { link });
    });
    const orders = await client(base).ordersSince('2026-11-27T14:00:00.000Z');
    expect(orders.map((found) => found.id)).toEqual([11, 12, 21, 22, 31, 32]);
    expect(orders[0]).toEqual({ id: 11, checkout_token: 'tok-11', created_at: '2026-11-27T09:00:00-05:00', line_items: [{ variant_id: 40101, quantity: 1 }] });
    expect(seen.map((request) => request.path)).toEqual(Array(3).fill('/admin/api/2026-10/orders.json'));
    expect(Object.fromEntries(seen[0]!.query)).toEqual({ created_at_min: '2026-11-27T14:00:00.000Z', status: 'any', limit: '250', fields: 'id,checkout_token,created_at,line_items' });
    expect(seen.every((request) => request.token === TOKEN)).toBe(true);
  });

  it('refuses to follow a next page on another origin, so the token goes nowhere else', async () => {
    const { base, seen } = await serve((_, __, response) => json(response, { orders: [order(1)] }, { link: '<http://127.0.0.2:9/admin/api/2026-10/orders.json?page_info=2>; rel="next"' }));
    const error = await failure(client(base).ordersSince('2026-11-27T14:00:00Z'));
    expect(error.message).toContain('refused to follow the next page to another origin');
    expect(seen).toHaveLength(1);
  });

  it('stops on a next link that points back to a page already read', async () => {
    const { base } = await serve((_, url, response) => json(response, { orders: [] }, { link: `<${base}${url.pathname}${url.search}>; rel="next"` }));
    expect((await failure(client(base).ordersSince('2026-11-27T14:00:00Z'))).message).toContain('already read');
  });
});

describe('throttling and refusals', () => {
  it('waits out a 429 as Retry-After says, then reads the answer', async () => {
    let calls = 0;
    const { base, seen } = await serve((_, __, response) => {
      calls += 1;
      if (calls <= 2) json(response, { errors: 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.' }, { 'retry-after': '0.0' }, 429);
      else json(response, { variant: { id: 40101, inventory_item_id: 808950810, sku: 'DL-1' } });
    });
    expect(await client(base).variantInventoryItem(40101)).toBe(808950810);
    expect(seen.map((request) => request.path)).toEqual(Array(3).fill('/admin/api/2026-10/variants/40101.json'));
  });

  it('gives up after the bounded retries with a clear error', async () => {
    const { base, seen } = await serve((_, __, response) => json(response, { errors: 'throttled' }, { 'retry-after': '0' }, 429));
    const error = await failure(client(base, { maxRetries: 2 }).variantInventoryItem(1));
    expect(error.status).toBe(429);
    expect(error.message).toBe('Admin API GET /admin/api/2026-10/variants/1.json: still throttled (429) after 2 retries');
    expect(seen).toHaveLength(3);
  });

  it('an interrupted wait for Retry-After rejects at once with the reason the run gives', async () => {
    const { base, seen } = await serve((_, __, response) => json(response, { errors: 'throttled' }, { 'retry-after': '30' }, 429));
    const run = new AbortController();
    const pending = client(base, { signal: run.signal }).variantInventoryItem(1);
    while (seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    run.abort(new Error('interrupted'));
    await expect(pending).rejects.toThrow('interrupted');
    expect(seen).toHaveLength(1);
  });

  it('401: names the path and the status, never the token', async () => {
    const { base } = await serve((_, __, response) => json(response, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' }, {}, 401));
    const lines: string[] = [];
    const error = await failure(client(base, { log: (line) => lines.push(line) }).ordersSince('2026-11-27T14:00:00Z'));
    expect(lines).toEqual([expect.stringMatching(/^Admin API GET \/admin\/api\/2026-10\/orders\.json → 401 in \d+ ms$/)]);
    expect(error.message).toBe('Admin API GET /admin/api/2026-10/orders.json: the access token was refused (401)');
    expect(error.status).toBe(401);
    expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain(TOKEN);
  });

  it('an answer in another shape is an error naming the field', async () => {
    const { base } = await serve((_, __, response) => json(response, { variant: { id: 1 } }));
    expect((await failure(client(base).variantInventoryItem(1))).message).toMatch(/variants\/1\.json: unexpected answer: variant\.inventory_item_id/);
  });

  it('a store that never answers fails within the time limit; an aborted run rejects with its reason', async () => {
    const { base } = await serve(() => undefined);
    expect((await failure(client(base, { timeoutMs: 200 }).variantInventoryItem(1))).message).toContain('no answer within 200 ms');
    const run = new AbortController();
    const pending = client(base, { signal: run.signal }).variantInventoryItem(1);
    run.abort(new Error('interrupted'));
    await expect(pending).rejects.toThrow('interrupted');
  });
});

describe('inventory levels', () => {
  it('asks for at most 50 item ids at a time, each id once, and keeps every location', async () => {
    const { base, seen } = await serve((_, url, response) => {
      const ids = (url.searchParams.get('inventory_item_ids') ?? '').split(',').map(Number);
      json(response, { inventory_levels: ids.flatMap((id) => [1, 2].map((location) => ({ inventory_item_id: id, location_id: location, available: id % 7, updated_at: 'x' }))) });
    });
    const ids = Array.from({ length: 120 }, (_, i) => 1000 + i);
    const levels = await client(base).inventoryLevels([...ids, 1000, 1001]);
    expect(seen.map((request) => request.query.get('inventory_item_ids')?.split(',').length)).toEqual([50, 50, 20]);
    expect(seen.every((request) => request.path === '/admin/api/2026-10/inventory_levels.json')).toBe(true);
    expect(levels).toHaveLength(240);
    expect(levels[0]).toEqual({ inventory_item_id: 1000, location_id: 1, available: 1000 % 7 });
  });

  it('keeps a path prefix of the base', async () => {
    const { base, seen } = await serve((_, __, response) => json(response, { inventory_levels: [] }));
    await client(`${base}/shop-7/`).inventoryLevels([1]);
    expect(seen[0]?.path).toBe('/shop-7/admin/api/2026-10/inventory_levels.json');
  });
});
