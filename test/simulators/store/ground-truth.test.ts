import { afterEach, describe, expect, it } from 'vitest';
import { adminClient, AdminApiError, groundTruth, readStock, type AdminOrder, type GroundTruth } from '../../../src/shopify/admin/index.js';
import type { CompletedCheckouts } from '../../../src/shopify/checkout-observer.js';
import { INVENTORY_ITEM_OFFSET, type StoreFaults } from '../../../src/simulators/store/index.js';
import type { StoreSimulator } from '../../../src/simulators/store/server.js';
import { buyAll, startStore } from './helpers.js';

const ADMIN_TOKEN = 'shpat_store_simulator_admin_0123';
const DOORBUSTER = 40101;
const JACKET = 40001;

let store: StoreSimulator;
afterEach(async () => {
  await store.stop();
});

const clientOf = (token = ADMIN_TOKEN) => adminClient({ base: store.address.url, token, timeoutMs: 2000 });

/**
 * What the race rules see: stock read through the Admin API before and after the purchases, the orders
 * created since they began, and the checkouts the shoppers completed.
 */
const judged = async (faults: StoreFaults, variantId: number, purchases: number): Promise<{ truth: GroundTruth; orders: AdminOrder[]; completed: CompletedCheckouts }> => {
  store = await startStore({ adminToken: ADMIN_TOKEN, faults });
  const client = clientOf();
  const since = new Date(Date.now() - 1000).toISOString();
  const before = await readStock(client, [variantId]);
  const completed = await buyAll(store, variantId, Array.from({ length: purchases }, () => 'checkout' as const));
  const after = await readStock(client, [variantId], before.itemOfVariant);
  const orders = await client.ordersSince(since);
  return { truth: groundTruth(before.stock, after.stock, orders, completed.completed), orders, completed };
};

describe('StoreSimulator: the Admin API over its ledger', () => {
  it('refuses every Admin request (401) when it was given no token, and one with the wrong token', async () => {
    store = await startStore();
    await expect(clientOf().ordersSince('2026-01-01T00:00:00Z')).rejects.toMatchObject({ name: 'AdminApiError', status: 401 });
    await store.stop();
    store = await startStore({ adminToken: ADMIN_TOKEN });
    const refused = await clientOf('shpat_wrong').variantInventoryItem(JACKET).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AdminApiError);
    expect(String(refused)).not.toContain('shpat_wrong');
  });

  it('serves variants, inventory at location 1 and orders with created_at since the start, as the ledger holds them', async () => {
    store = await startStore({ adminToken: ADMIN_TOKEN });
    const client = clientOf();
    expect(await client.variantInventoryItem(DOORBUSTER)).toBe(DOORBUSTER + INVENTORY_ITEM_OFFSET);
    await expect(client.variantInventoryItem(99999)).rejects.toMatchObject({ status: 404 });
    const since = new Date(Date.now() - 1000).toISOString();
    await buyAll(store, JACKET, ['checkout', 'shop-pay']);
    expect(await client.inventoryLevels([JACKET + INVENTORY_ITEM_OFFSET])).toEqual([{ inventory_item_id: JACKET + INVENTORY_ITEM_OFFSET, location_id: 1, available: 998 }]);
    const orders = await client.ordersSince(since);
    expect(orders.map((order) => order.id)).toEqual(store.orders.map((order) => order.id));
    expect(orders[0]).toMatchObject({ checkout_token: store.orders[0]?.checkoutToken, line_items: [{ variant_id: JACKET, quantity: 1 }] });
    expect(Date.parse(orders[0]!.created_at)).toBeGreaterThanOrEqual(Date.parse(since));
    expect(await client.ordersSince(new Date(Date.now() + 60_000).toISOString())).toEqual([]);
  });
});

describe('StoreSimulator ground-truth faults, seen through the Admin API and groundTruth', () => {
  it('none: every completed checkout has one order, stock dropped by what was sold, nothing oversold, lost or duplicated', async () => {
    const { truth } = await judged({}, DOORBUSTER, 7);
    expect(truth).toMatchObject({ orders: 5, completed: 5, oversold: [], duplicateOrders: [], lostCheckouts: [], ordersWithoutCheckout: [] });
    expect(truth.stock).toEqual([{ variantId: String(DOORBUSTER), before: 5, after: 0, sold: 5, oversoldBy: 0, unaccounted: 0 }]);
  });

  it('oversell: payments skip the stock check, so more are sold than there were and stock goes below zero', async () => {
    const { truth, completed } = await judged({ oversell: true }, DOORBUSTER, 7);
    expect(completed.completed).toHaveLength(7);
    expect(truth.oversold).toEqual([{ variantId: String(DOORBUSTER), before: 5, after: -2, sold: 7, oversoldBy: 2, unaccounted: 0 }]);
    expect(truth).toMatchObject({ duplicateOrders: [], lostCheckouts: [] });
    expect(store.log.entries.filter((entry) => entry.fault === 'oversell')).toHaveLength(2);
  });

  it('duplicateOrders: that share of completions records a second order for the same checkout token', async () => {
    const { truth, completed } = await judged({ duplicateOrders: { share: 0.5 } }, JACKET, 4);
    expect(completed.completed).toHaveLength(4);
    expect(truth.orders).toBe(6);
    expect(truth.duplicateOrders).toHaveLength(2);
    expect(truth.duplicateOrders.every((duplicate) => duplicate.orderIds.length === 2)).toBe(true);
    expect(truth).toMatchObject({ oversold: [], lostCheckouts: [], ordersWithoutCheckout: [] });
    expect(truth.stock[0]).toMatchObject({ before: 1000, after: 994, sold: 6, unaccounted: 0 });
  });

  it('lostOrders: that share of completions answers success with an order id but records nothing', async () => {
    const { truth, completed } = await judged({ lostOrders: { share: 0.5 } }, JACKET, 4);
    expect(completed.completed).toHaveLength(4);
    expect(completed.completed.every((checkout) => checkout.orderId !== undefined)).toBe(true);
    expect(truth.orders).toBe(2);
    expect(truth.lostCheckouts.map((checkout) => checkout.checkoutToken)).toEqual([completed.completed[1]?.checkoutToken, completed.completed[3]?.checkoutToken]);
    expect(truth).toMatchObject({ oversold: [], duplicateOrders: [], ordersWithoutCheckout: [] });
    // A lost order takes no stock and its id is never reused by a later order.
    expect(truth.stock[0]).toMatchObject({ before: 1000, after: 998, sold: 2 });
    expect(new Set(completed.completed.map((checkout) => checkout.orderId)).size).toBe(4);
  });
});
