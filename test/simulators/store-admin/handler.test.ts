import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { adminClient, AdminApiError, groundTruth, readStock, stockByVariant } from '../../../src/shopify/admin/index.js';
import { createAdminHandler, type AdminStore, type AdminStoreOrder } from '../../../src/simulators/store-admin/index.js';

const TOKEN = 'shpat_simulator_token_0123456789';

const order = (id: number, minute: number, token: string | null, variantId = 40101): AdminStoreOrder => ({
  id,
  checkoutToken: token,
  createdAt: `2026-11-27T14:${String(minute).padStart(2, '0')}:00.000Z`,
  lines: [{ variantId, quantity: 1 }],
});

/** The demo catalogue's shape: variant 40101 (the doorbuster) on item 9040101, stocked at two locations. */
const store = (orders: AdminStoreOrder[]): AdminStore => ({
  variant: (id) => (id === 40101 || id === 40001 ? { id, inventoryItemId: 9_000_000 + id } : undefined),
  inventory: () => [
    { inventoryItemId: 9_040_101, locationId: 1, available: 2 },
    { inventoryItemId: 9_040_101, locationId: 2, available: 1 },
    { inventoryItemId: 9_040_001, locationId: 1, available: 997 },
  ],
  orders: () => orders,
});

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
});

const serve = async (adminStore: AdminStore, maxPageSize?: number): Promise<string> => {
  const handler = createAdminHandler({ store: adminStore, accessToken: TOKEN, ...(maxPageSize === undefined ? {} : { maxPageSize }) });
  const server = createServer((request, response) => {
    if (handler(request, response)) return;
    response.writeHead(404).end('storefront');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

const get = async (base: string, path: string, token: string | null = TOKEN): Promise<{ status: number; body: unknown; link: string | null }> => {
  const response = await fetch(`${base}${path}`, { headers: token === null ? {} : { 'x-shopify-access-token': token }, signal: AbortSignal.timeout(5_000) });
  return { status: response.status, body: await response.json(), link: response.headers.get('link') };
};

describe('read by q4check’s own Admin client', () => {
  it('serves orders since a time across pages, inventory items and levels: the ground truth of a run', async () => {
    const orders = [order(1, 0, 'old'), ...Array.from({ length: 5 }, (_, i) => order(10 + i, 5 + i, `tok-${i}`)), order(20, 10, 'tok-0')];
    const base = await serve(store(orders), 2);
    const client = adminClient({ base, token: TOKEN, timeoutMs: 2_000 });
    const since = await client.ordersSince('2026-11-27T14:05:00.000Z');
    expect(since.map((found) => found.id)).toEqual([10, 11, 12, 13, 14, 20]);
    expect(since[0]).toEqual({ id: 10, checkout_token: 'tok-0', created_at: '2026-11-27T14:05:00.000Z', line_items: [{ variant_id: 40101, quantity: 1 }] });
    const item = await client.variantInventoryItem(40101);
    expect(item).toBe(9_040_101);
    const after = stockByVariant(await client.inventoryLevels([item]), { 40101: item });
    expect(after).toEqual({ 40101: 3 });
    const truth = groundTruth({ 40101: 8 }, after, since, Array.from({ length: 5 }, (_, i) => ({ journey: 'native', checkoutToken: `tok-${i}` })));
    expect(truth.duplicateOrders).toEqual([{ checkoutToken: 'tok-0', orderIds: ['10', '20'] }]);
    expect(truth.stock).toEqual([{ variantId: '40101', before: 8, after: 3, sold: 6, oversoldBy: 0, unaccounted: 1 }]);
  });

  it('readStock learns item ids once, then reads the levels after the run with one listing', async () => {
    const base = await serve(store([]));
    const requests: string[] = [];
    const client = adminClient({ base, token: TOKEN, timeoutMs: 2_000, log: (line) => requests.push(line.split(' ')[3] ?? '') });
    const before = await readStock(client, [40101, '40001', 40101]);
    expect(before).toEqual({ itemOfVariant: { 40101: 9_040_101, 40001: 9_040_001 }, stock: { 40101: 3, 40001: 997 } });
    expect(requests).toHaveLength(3);
    requests.length = 0;
    const after = await readStock(client, [40101, 40001], before.itemOfVariant);
    expect(after.stock).toEqual(before.stock);
    expect(requests).toEqual(['/admin/api/2026-10/inventory_levels.json']);
  });

  it('refuses a wrong token with Shopify’s 401, which the client reports without the token', async () => {
    const base = await serve(store([]));
    const error = await adminClient({ base, token: 'shpat_wrong_token_value', timeoutMs: 2_000 })
      .ordersSince('2026-11-27T14:00:00Z')
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(AdminApiError);
    expect((error as AdminApiError).status).toBe(401);
    expect((error as Error).message).not.toContain('shpat_');
  });
});

describe('the endpoints as Shopify answers them', () => {
  it('401 without a token, whatever the path under /admin/; other paths are left to the storefront', async () => {
    const base = await serve(store([]));
    expect(await get(base, '/admin/api/2026-10/orders.json', null)).toMatchObject({ status: 401, body: { errors: expect.stringContaining('Invalid API key or access token') } });
    expect(await get(base, '/admin/nothing', '')).toMatchObject({ status: 401 });
    expect((await fetch(`${base}/products/lantern.js`)).status).toBe(404);
    expect(await (await fetch(`${base}/products/lantern.js`)).text()).toBe('storefront');
  });

  it('a variant: its inventory item, or 404; only GET', async () => {
    const base = await serve(store([]));
    expect(await get(base, '/admin/api/2026-10/variants/40001.json')).toMatchObject({ status: 200, body: { variant: { id: 40001, inventory_item_id: 9_040_001 } } });
    expect(await get(base, '/admin/api/2026-10/variants/5.json')).toMatchObject({ status: 404, body: { errors: 'Not Found' } });
    expect(await get(base, '/admin/api/2025-01/variants/40001.json')).toMatchObject({ status: 404 });
    const post = await fetch(`${base}/admin/api/2026-10/variants/40001.json`, { method: 'POST', headers: { 'x-shopify-access-token': TOKEN } });
    expect(post.status).toBe(405);
  });

  it('Link pages carry the filters in page_info; page_info beside a filter is refused', async () => {
    const base = await serve(store([order(1, 0, 'a'), order(2, 1, 'b'), order(3, 2, 'c')]));
    const first = await get(base, '/admin/api/2026-10/orders.json?created_at_min=2026-11-27T14:01:00Z&limit=1&fields=id');
    expect(first).toMatchObject({ status: 200, body: { orders: [{ id: 2 }] } });
    expect(first.link).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/admin\/api\/2026-10\/orders\.json\?limit=1&fields=id&page_info=[\w-]+>; rel="next"$/);
    const nextUrl = new URL(/<([^>]+)>/.exec(first.link ?? '')?.[1] ?? '');
    const second = await get(base, `${nextUrl.pathname}${nextUrl.search}`);
    expect(second).toMatchObject({ status: 200, body: { orders: [{ id: 3 }] } });
    expect(second.link).toMatch(/rel="previous"$/);
    expect((await get(base, `${nextUrl.pathname}${nextUrl.search}&status=any`)).status).toBe(400);
    expect((await get(base, '/admin/api/2026-10/orders.json?page_info=garbage')).status).toBe(400);
    expect((await get(base, '/admin/api/2026-10/orders.json?limit=251')).status).toBe(400);
    expect((await get(base, '/admin/api/2026-10/orders.json?created_at_min=yesterday')).status).toBe(400);
  });

  it('inventory levels need 1 to 50 item ids', async () => {
    const base = await serve(store([]));
    expect(await get(base, '/admin/api/2026-10/inventory_levels.json?inventory_item_ids=9040101,404')).toMatchObject({
      status: 200,
      body: {
        inventory_levels: [
          { inventory_item_id: 9_040_101, location_id: 1, available: 2 },
          { inventory_item_id: 9_040_101, location_id: 2, available: 1 },
        ],
      },
    });
    expect((await get(base, '/admin/api/2026-10/inventory_levels.json')).status).toBe(422);
    const many = Array.from({ length: 51 }, (_, i) => i + 1).join(',');
    expect((await get(base, `/admin/api/2026-10/inventory_levels.json?inventory_item_ids=${many}`)).status).toBe(422);
  });
});
