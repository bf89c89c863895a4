import type { StoreSetup } from '../gather/simulated.js';
import { CLEAN, type Expectation } from './statuses.js';

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

/** The window of the store's clock a "during" fault is on: the steady stage, after the ramp, before the hammer. */
const STEADY = { fromMs: 1_000, untilMs: 2_000 } as const;

export const CASES: readonly RecordedCase[] = [
  { name: 'clean', says: 'every switch off: every rule passes', setup: {}, expect: CLEAN },

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
    expect: { ...CLEAN, 'cart-consistency': 'fail' },
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
    setup: { faults: { serverErrors: { share: 1, ...STEADY } } },
    expect: { ...CLEAN, 'error-rate': { 'journey native': 'fail', 'journey shop-pay': 'fail', 'journey cart-edit': 'fail', hammer: 'pass' } },
  },

  // The engine copes: answers ended by a close are kept, nothing is lost, nothing fails.
  { name: 'connection-close', says: 'every answer says Connection: close and the socket is closed: nothing fails', setup: { faults: { connectionClose: true } }, expect: CLEAN },
  { name: 'close-delimited', says: 'every answer without a length, ended by the close: nothing fails', setup: { faults: { closeDelimited: true } }, expect: CLEAN },

  // The store in trouble.
  {
    name: 'dies',
    says: 'the store stops answering 1.5 s in: error-rate (every journey and the hammer) and throughput fail, with the second it stopped',
    setup: { faults: { dieAfterMs: 1_500 } },
    expect: { ...CLEAN, throughput: 'fail', 'error-rate': 'fail' },
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
    expect: { ...CLEAN, throughput: 'fail' },
  },
  {
    name: 'refused',
    says: 'a target that is not loopback with no authorization: refused before any lookup or request; every other rule skips',
    setup: { target: 'http://shop.acme.example' },
    expect: { 'target-authorization': 'fail', throughput: 'skip', latency: 'skip', 'error-rate': 'skip', throttling: 'skip', 'cart-consistency': 'skip' },
  },
];
