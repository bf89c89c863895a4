import type { VariantStock } from '../../src/shopify/admin/ground-truth.js';
import type { CartObservations } from '../../src/shopify/cart-observer.js';
import type { K6Missing } from '../../src/k6/summary.js';
import type { HammerResult, RunResult } from '../../src/load/types.js';
import type { LoadPlan } from './plan.js';

/** The target decision as gathered: made before any lookup or request, judged again by its rule. */
export interface TargetSeen {
  /** The target without credentials or query string. */
  address: string;
  host: string;
  loopback: boolean;
  production: boolean;
  allowProduction: boolean;
  allowed: boolean;
  reason?: string;
  fix?: string;
}

export type { CartObservations, DefectCount } from '../../src/shopify/cart-observer.js';

/** Where the run's numbers came from when not from q4check's own engine: a k6 summary, and what it lacks. */
export interface K6Source {
  kind: 'k6';
  /** As the profile or --load-results named it. */
  file: string;
  fromExportedScript: boolean;
  missing: K6Missing[];
}

/** The race: shoppers at the payment at the same instant. */
export interface RaceSeen {
  journey: string;
  shoppers: number;
  /** Reached the payment step and waited at the barrier. */
  atBarrier: number;
  completed: number;
  /** Milliseconds between the first and last payment sent after the barrier. */
  spreadMs: number;
  steps: RunResult['steps'];
  cutOff?: 'timeout' | 'interrupted';
}

/** Stock of one variant the journeys buy, from the Admin API before and after the run. */
export type { VariantStock as StockSeen } from '../../src/shopify/admin/ground-truth.js';

/** The store's own records after the run; checkout tokens only masked (`c1a2…`). */
export interface TruthSeen {
  /** Why the records could not be read: `http: …` (the Admin API), never the token. */
  error?: string;
  orders: number;
  /** Checkouts the journeys and the race completed (their answers said so). */
  completed: number;
  stock: VariantStock[];
  /** Checkouts with more than one order, masked, at most 20 listed. */
  duplicateOrders: { checkout: string; orders: number }[];
  duplicateOrderCount: number;
  /** Completed checkouts no order records, masked, at most 20 listed. */
  lostCheckouts: { journey: string; checkout: string }[];
  lostCheckoutCount: number;
  /** Orders since the run began that no completed checkout accounts for. */
  ordersWithoutCheckout: number;
}

/** Purchase events the collector received during the run, matched to the completed checkouts. */
export interface AttributionSeen {
  event: string;
  /** Why the collector could not run: `network: 127.0.0.1:9411 is in use`. */
  error?: string;
  journeys: { journey: string; expected: number; matched: number; missing: number; duplicate: number }[];
  /** Events that matched no completed checkout. */
  unmatched: number;
  /** The same event delivered twice (one event id): not a second purchase event. */
  redelivered: number;
  /** Requests the collector refused, by reason (bad HMAC, not JSON, too large…). */
  refused: Record<string, number>;
}

export interface CheckoutLoadArtifact {
  target: TargetSeen;
  source?: K6Source;
  /** Absent when the target was refused or a journey could not be read. */
  plan?: LoadPlan;
  run?: RunResult<CartObservations>;
  hammer?: HammerResult;
  /** The flash-sale race that opened the run, where payments may run. */
  race?: RaceSeen;
  /** With `verify`: the store's records. */
  truth?: TruthSeen;
  /** With `attribution`: the purchase events. */
  attribution?: AttributionSeen;
  /** Why there is no plan: a journey or curve file that could not be read (`file: …`). */
  problem?: string;
}
