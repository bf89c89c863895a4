import { describe, expect, it } from 'vitest';
import type { CompletedCheckout } from '../../../src/attribution/index.js';
import { groundTruth, stockByVariant, withOrderIds, type AdminOrder } from '../../../src/shopify/admin/index.js';

const DOORBUSTER = 40101;
const JACKET = 40001;

const order = (id: number, checkoutToken: string | null, lines: Array<[number | null, number]>): AdminOrder => ({
  id,
  checkout_token: checkoutToken,
  created_at: '2026-11-27T09:00:00-05:00',
  line_items: lines.map(([variant_id, quantity]) => ({ variant_id, quantity })),
});

const completed = (tokens: string[], journey = 'native'): CompletedCheckout[] => tokens.map((checkoutToken) => ({ journey, checkoutToken }));

describe('stock and oversold', () => {
  it.each([
    // name, before, after, orders, oversold variant → oversoldBy, unaccounted
    ['an atomic store sells its five and refuses the rest', 5, 0, 5, [], 0],
    ['a non-atomic decrement: seven sold of five, stock lost updates to 3', 5, 3, 7, [[String(DOORBUSTER), 2]], 5],
    ['inventory driven below zero', 5, -2, 7, [[String(DOORBUSTER), 2]], 0],
    ['stock adjusted down during the run: no oversell, a negative drift', 5, 0, 3, [], -2],
  ] as const)('%s', (_, before, after, sold, oversold, unaccounted) => {
    const orders = Array.from({ length: sold }, (__, i) => order(5000 + i, `tok-${i}`, [[DOORBUSTER, 1]]));
    const truth = groundTruth({ [DOORBUSTER]: before }, { [DOORBUSTER]: after }, orders, completed(orders.map((_o, i) => `tok-${i}`)));
    expect(truth.oversold.map((variant) => [variant.variantId, variant.oversoldBy])).toEqual(oversold);
    expect(truth.stock).toEqual([{ variantId: String(DOORBUSTER), before, after, sold, oversoldBy: Math.max(0, sold - before, -after), unaccounted }]);
  });

  it('counts quantities across lines and orders, skips custom lines and variants not read', () => {
    const orders = [order(1, 'a', [[DOORBUSTER, 2], [JACKET, 1], [null, 4]]), order(2, 'b', [[JACKET, 3], [99999, 1]])];
    const truth = groundTruth({ [DOORBUSTER]: 5, [JACKET]: 1000 }, { [DOORBUSTER]: 3 }, orders, completed(['a', 'b']));
    expect(truth.stock).toEqual([
      { variantId: String(JACKET), before: 1000, sold: 4, oversoldBy: 0 },
      { variantId: String(DOORBUSTER), before: 5, after: 3, sold: 2, oversoldBy: 0, unaccounted: 0 },
    ]);
  });

  it('sums a variant over locations and leaves out untracked items', () => {
    const levels = [
      { inventory_item_id: 11, location_id: 1, available: 3 },
      { inventory_item_id: 11, location_id: 2, available: 2 },
      { inventory_item_id: 12, location_id: 1, available: null },
    ];
    expect(stockByVariant(levels, { [DOORBUSTER]: 11, [JACKET]: 12, 777: 13 })).toEqual({ [DOORBUSTER]: 5 });
  });
});

describe('orders against completed checkouts', () => {
  it('a clean run: one order per completed checkout', () => {
    const truth = groundTruth({}, {}, [order(1, 'a', []), order(2, 'b', [])], completed(['a', 'b']));
    expect(truth).toMatchObject({ orders: 2, completed: 2, duplicateOrders: [], lostCheckouts: [], ordersWithoutCheckout: [] });
  });

  it('a retried completion: two orders for one checkout token', () => {
    const truth = groundTruth({}, {}, [order(1, 'a', []), order(2, 'b', []), order(3, 'a', [])], completed(['a', 'b']));
    expect(truth.duplicateOrders).toEqual([{ checkoutToken: 'a', orderIds: ['1', '3'] }]);
    expect(truth).toMatchObject({ orders: 3, completed: 2, lostCheckouts: [], ordersWithoutCheckout: [] });
  });

  it('a completed checkout with no order is lost; an order no checkout accounts for is named', () => {
    const truth = groundTruth({}, {}, [order(1, 'a', []), order(9, 'stranger', []), order(10, null, [])], completed(['a', 'b'], 'wallet'));
    expect(truth.lostCheckouts).toEqual([{ journey: 'wallet', checkoutToken: 'b' }]);
    expect(truth.ordersWithoutCheckout).toEqual([
      { orderId: '9', checkoutToken: 'stranger' },
      { orderId: '10', checkoutToken: null },
    ]);
  });

  it('an order with no checkout token still accounts for the checkout whose order id the run learned', () => {
    const truth = groundTruth({}, {}, [order(7, null, [])], [{ journey: 'native', checkoutToken: 'a', orderId: '7' }]);
    expect(truth).toMatchObject({ lostCheckouts: [], ordersWithoutCheckout: [] });
  });

  it('a checkout recorded twice by the run is one checkout', () => {
    expect(groundTruth({}, {}, [order(1, 'a', [])], completed(['a', 'a'])).completed).toBe(1);
  });
});

describe('withOrderIds', () => {
  it('adds the order id of each checkout from its first order, keeping one the run learned', () => {
    const orders = [order(1, 'a', []), order(2, 'a', []), order(3, 'c', [])];
    const given: CompletedCheckout[] = [...completed(['a', 'b']), { journey: 'native', checkoutToken: 'c', orderId: '33' }];
    expect(withOrderIds(given, orders)).toEqual([
      { journey: 'native', checkoutToken: 'a', orderId: '1' },
      { journey: 'native', checkoutToken: 'b' },
      { journey: 'native', checkoutToken: 'c', orderId: '33' },
    ]);
  });
});
