import { RACE, type StoreSetup } from '../gather/simulated.js';
import { CLEAN, LOAD_RULES, type Expectation } from './statuses.js';

/**
 * One recorded situation: how the store simulator was set up (gather/simulated.ts), whether the
 * latencies are what it is about, and the status of every rule it must get. The recording writes
 * fixtures/artifacts/checkout-load/<name>.json; the rule table judges it, and recordings-current gathers
 * it again live.
 */
export interface RecordedCase {
  name: string;
  /** What the case shows, for the test names. */
  says: string;
  setup: StoreSetup;
  /** A latency case: latencies are kept (floored to a grid); in every other they are written as 0. */
  keepLatency?: boolean;
  /** The status of every rule: a defect is caught by exactly its rule, the others keep a clean store's. */
  expect: Expectation;
}

/** The window of the run a "during" fault is on: the steady stage, after the ramp, before the hammer. */
const STEADY = { fromMs: 1_000, untilMs: 2_000 } as const;

/** No checkout completed: duplicate-orders and attribution-events have nothing to compare (skip); the stock is still judged. */
const NOTHING_PAID = { 'duplicate-orders': 'skip', 'attribution-events': 'skip' } as const satisfies Expectation;

export const CASES: readonly RecordedCase[] = [
  {
    name: 'clean',
    says: 'every switch off, 20 shoppers racing for the five doorbusters: every rule passes (five sold, the rest refused)',
    setup: { config: RACE },
    expect: CLEAN,
  },

  // One defect each, caught by exactly its rule.
  {
    name: 'slow-discount',
    // The hammer runs 2 s, so its shoppers get answers at 1.5 s each (an answer still due when it ends is not counted).
    says: 'every cart mutation waits 1.5 s (p95 threshold 1 s): latency fails for every journey, nothing else',
    setup: { faults: { slowDiscountMs: 1_500 }, config: { hammer: { shoppers: 5, duration: '2s' } } },
    keepLatency: true,
    expect: { ...CLEAN, latency: 'fail' },
  },
  {
    name: 'line-key-churn',
    says: 'lines re-keyed after every read: change.js by the key just read answers 400; cart-consistency fails',
    setup: { faults: { lineKeyChurn: true } },
    expect: { ...CLEAN, 'cart-consistency': 'fail' },
  },
  {
    name: 'burst-422',
    says: 'every second add.js refused with 422 and the cart frozen: stale after a 422; cart-consistency fails (4xx are not errors)',
    setup: { faults: { burst422: { share: 0.5 } } },
    expect: { ...CLEAN, 'cart-consistency': 'fail' },
  },
  {
    name: 'cookie-without-key',
    says: 'the cart cookie set without ?key=: each request lands in a new cart; cart-consistency fails',
    setup: { faults: { cookieWithoutKey: true } },
    // Every checkout meets an empty cart: no order is due, so the records' rules have nothing to compare.
    expect: { ...CLEAN, 'cart-consistency': 'fail', ...NOTHING_PAID },
  },
  {
    name: 'throttle-in-200',
    says: 'for a second of the steady stage, every JSON request gets a 200 whose body says THROTTLED: throttling fails, error-rate does not',
    setup: { faults: { throttleIn200: true }, during: STEADY },
    expect: { ...CLEAN, throttling: 'fail' },
  },
  {
    name: 'retry-after-503',
    says: 'for a second of the steady stage, every request gets 503 with Retry-After: 2: throttling fails, error-rate does not',
    setup: { faults: { retryAfter503: 2 }, during: STEADY },
    expect: { ...CLEAN, throttling: 'fail' },
  },
  {
    name: 'server-errors',
    says: 'for a second of the steady stage, every request gets 500: error-rate fails for every journey, the hammer (after it) passes',
    setup: { faults: { serverErrors: { share: 1 } }, during: STEADY },
    expect: { ...CLEAN, 'error-rate': { 'journey native': 'fail', 'journey shop-pay': 'fail', 'journey cart-edit': 'fail', hammer: 'pass' } },
  },

  // The store's records and its purchase events: one defect each, caught by exactly its rule.
  {
    name: 'oversell',
    says: 'payment takes stock without checking it: the race sells 20 of the five doorbusters; oversold-stock fails for that variant only',
    setup: { faults: { oversell: true }, config: RACE },
    expect: { ...CLEAN, 'oversold-stock': { 'variant 40101': 'fail', 'variant 40001': 'pass', 'variant 40002': 'pass' } },
  },
  {
    name: 'duplicate-orders',
    says: 'every second completion records a second order for its checkout: duplicate-orders fails (the events are one per checkout)',
    setup: { faults: { duplicateOrders: { share: 0.5 } } },
    expect: { ...CLEAN, 'duplicate-orders': 'fail' },
  },
  {
    name: 'lost-orders',
    says: 'every second completion answers with an order the store never records: duplicate-orders fails with lost checkouts',
    setup: { faults: { lostOrders: { share: 0.5 } } },
    expect: { ...CLEAN, 'duplicate-orders': 'fail' },
  },
  {
    name: 'event-loss',
    says: "a third of the wallet's purchase events never sent: attribution-events fails for shop-pay, the native journey passes",
    setup: { faults: { eventLoss: { share: 1 / 3, via: 'shop-pay' } } },
    expect: { ...CLEAN, 'attribution-events': { 'journey native': 'pass', 'journey shop-pay': 'fail' } },
  },
  {
    name: 'duplicate-events',
    says: 'every purchase event sent twice under a new event id: attribution-events fails on every journey',
    setup: { faults: { duplicateEvents: { share: 1 } } },
    expect: { ...CLEAN, 'attribution-events': 'fail' },
  },
  {
    name: 'admin-down',
    says: "the profile's Admin token is not the store's (401): oversold-stock and duplicate-orders could not check, with an http: cause, never a failure",
    setup: { adminToken: 'shpat_not_the_stores_token' },
    expect: { ...CLEAN, 'oversold-stock': 'error', 'duplicate-orders': 'error' },
  },
  {
    name: 'collector-port-in-use',
    says: "another program holds the collector's port: attribution-events could not check (network: … is in use); the rest is judged",
    setup: { collectorPortTaken: true },
    expect: { ...CLEAN, 'attribution-events': 'error' },
  },

  // The engine copes: answers ended by a close are kept, nothing is lost, nothing fails.
  { name: 'connection-close', says: 'every answer says Connection: close and the socket is closed: nothing fails', setup: { faults: { connectionClose: true } }, expect: CLEAN },
  { name: 'close-delimited', says: 'every answer without a length, ended by the close: nothing fails', setup: { faults: { closeDelimited: true } }, expect: CLEAN },

  // The store in trouble.
  {
    name: 'dies',
    says: 'the store stops answering 1.5 s in: error-rate (every journey and the hammer) and throughput fail, with the second it stopped',
    setup: { faults: { dieAfterMs: 0 }, during: { fromMs: 1_500 } },
    // A dead store's records cannot be read after the run: could not check, not a verdict on them.
    expect: { ...CLEAN, throughput: 'fail', 'error-rate': 'fail', 'oversold-stock': 'error', 'duplicate-orders': 'error' },
  },
  {
    // Sessions in flight are capped at what the busiest stage starts in two request timeouts (40 here):
    // four mutations at 750 ms under a 1 s timeout keep each session 3 s, so from about 2.7 s on the
    // cap is full and arrivals are dropped. No request times out, so error-rate passes; the latency
    // thresholds are raised over the 3 s a whole session takes, so that only the pile-up is judged.
    name: 'sessions-pile-up',
    says: 'the cart-edit journey alone, each mutation 750 ms under a 1 s request timeout, for 4 s: sessions pile up and are dropped; throughput fails',
    setup: {
      faults: { slowDiscountMs: 750 },
      config: { requestTimeout: '1s', duration: '4s', thresholds: { p95Ms: 5_000, p99Ms: 10_000 }, journeys: [{ name: 'cart-edit', file: 'cases/cart-edit.yaml' }] },
    },
    keepLatency: true,
    // cart-edit pays nothing: no order or event is due.
    expect: { ...CLEAN, throughput: 'fail', ...NOTHING_PAID },
  },
  {
    name: 'refused',
    says: 'a target that is not loopback with no authorization: refused before any lookup or request; every other rule skips',
    setup: { target: 'http://shop.acme.example' },
    expect: Object.fromEntries(LOAD_RULES.map((rule) => [rule, rule === 'target-authorization' ? 'fail' : 'skip'])),
  },
];
