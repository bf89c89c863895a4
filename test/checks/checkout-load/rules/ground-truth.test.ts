import { describe, expect, it } from 'vitest';
import type { AttributionSeen, StockSeen, TruthSeen } from '../../../../checks/checkout-load/artifact.js';
import { evaluate } from '../../../../checks/checkout-load/evaluate.js';
import type { CheckoutLoadRule } from '../../../../checks/checkout-load/rules.js';
import type { VerdictStatus } from '../../../../src/engine/define-check.js';
import { artifact, loadConfig } from './build.js';

const context = { today: '2026-11-20', peak: { name: 'BFCM', start: '2026-11-27', end: '2026-11-30', derived: false }, store: { name: 'Acme', timezone: 'America/New_York' } };

const stock = (before: number, sold: number, after = before - sold): StockSeen => ({ variantId: '40101', before, after, sold, oversoldBy: Math.max(0, sold - before, -after), unaccounted: sold - (before - after) });
const truth = (extra: Partial<TruthSeen> = {}): TruthSeen => ({
  orders: 10,
  completed: 10,
  stock: [stock(50, 10)],
  duplicateOrders: [],
  duplicateOrderCount: 0,
  lostCheckouts: [],
  lostCheckoutCount: 0,
  ordersWithoutCheckout: 0,
  ...extra,
});
const events = (journeys: AttributionSeen['journeys']): AttributionSeen => ({ event: 'checkout_completed', journeys, unmatched: 0, redelivered: 0, refused: {} });
const journey = (name: string, expected: number, matched: number, duplicate = 0) => ({ journey: name, expected, matched, missing: expected - matched, duplicate });

const rows: { name: string; rule: CheckoutLoadRule; truth?: TruthSeen; attribution?: AttributionSeen; status: VerdictStatus; says?: RegExp }[] = [
  // oversold-stock: sold ≤ stock before, stock after ≥ 0
  { name: 'no verify in the profile', rule: 'oversold-stock', status: 'skip', says: /`verify:`/ },
  { name: 'the Admin API could not be read', rule: 'oversold-stock', truth: truth({ error: 'http: 127.0.0.1:8080 answered 401' }), status: 'error' },
  { name: 'exactly the stock sold', rule: 'oversold-stock', truth: truth({ stock: [stock(5, 5)] }), status: 'pass' },
  { name: 'one unit beyond the stock', rule: 'oversold-stock', truth: truth({ stock: [stock(5, 6)] }), status: 'fail', says: /Variant 40101 was oversold by 1: 6 units sold from 5 in stock, inventory at -1/ },
  { name: 'a lost inventory update', rule: 'oversold-stock', truth: truth({ stock: [stock(5, 3, 4)] }), status: 'warn', says: /2 units sold that the inventory never counted/ },
  // duplicate-orders: one order per completed checkout
  { name: 'one order each', rule: 'duplicate-orders', truth: truth(), status: 'pass' },
  { name: 'two orders for one checkout', rule: 'duplicate-orders', truth: truth({ orders: 11, duplicateOrders: [{ checkout: 'c1a2…', orders: 2 }], duplicateOrderCount: 1, ordersWithoutCheckout: 0 }), status: 'fail', says: /1 checkouts have more than one order \(e\.g\. c1a2…: 2 orders\)/ },
  { name: 'more orders than completed checkouts', rule: 'duplicate-orders', truth: truth({ orders: 11, ordersWithoutCheckout: 1 }), status: 'fail', says: /1 orders match no completed checkout/ },
  { name: 'a completed checkout with no order', rule: 'duplicate-orders', truth: truth({ orders: 9, lostCheckouts: [{ journey: 'shop-pay', checkout: 'c9f8…' }], lostCheckoutCount: 1 }), status: 'fail', says: /1 completed checkouts have no order \(lost; e\.g\. journey shop-pay/ },
  { name: 'no checkout completed', rule: 'duplicate-orders', truth: truth({ orders: 0, completed: 0 }), status: 'skip' },
  // attribution-events: one event per completed checkout per journey
  { name: 'no attribution in the profile', rule: 'attribution-events', status: 'skip', says: /`attribution:`/ },
  { name: 'the collector could not bind', rule: 'attribution-events', attribution: { ...events([]), error: 'network: 127.0.0.1:9411 is in use' }, status: 'error' },
  { name: 'every checkout sent its event', rule: 'attribution-events', attribution: events([journey('native', 21, 21), journey('shop-pay', 9, 9)]), status: 'pass' },
  { name: 'the wallet path lost a third', rule: 'attribution-events', attribution: events([journey('native', 21, 21), journey('shop-pay', 9, 6)]), status: 'fail', says: /Journey shop-pay: 3 of 9 completed checkouts \(33\.3%\) sent no checkout_completed event/ },
  { name: 'an event sent twice', rule: 'attribution-events', attribution: events([journey('native', 21, 21, 1)]), status: 'fail', says: /1 events were sent twice/ },
];

describe('checkout-load ground-truth rules at and past each threshold', () => {
  it.each(rows)('$rule: $name → $status', (row) => {
    const verdicts = evaluate(artifact({ ...(row.truth ? { truth: row.truth } : {}), ...(row.attribution ? { attribution: row.attribution } : {}) }), loadConfig(), context).filter((verdict) => verdict.rule === row.rule);
    expect(verdicts.map((verdict) => verdict.status)).toContain(row.status);
    if (row.says) expect(verdicts.find((verdict) => verdict.status === row.status)!.message).toMatch(row.says);
  });

  it('judges each journey apart: the wallet path losing events does not fail the native one', () => {
    const verdicts = evaluate(artifact({ attribution: events([journey('native', 21, 21), journey('shop-pay', 9, 6)]) }), loadConfig(), context).filter((verdict) => verdict.rule === 'attribution-events');
    expect(verdicts.map((verdict) => `${verdict.subject}:${verdict.status}`)).toEqual(['journey native:pass', 'journey shop-pay:fail']);
  });
});
