import type { HammerOptions, HammerResult, RaceOptions, RaceResult, RunOptions, RunResult } from '../../src/load/types.js';
import type { CartObservations } from '../../src/shopify/cart-observer.js';
import type { CompletedCheckouts } from '../../src/shopify/checkout-observer.js';

/** What crosses into the generator's thread: options without functions or signals. */
export type WorkerRequest =
  | { kind: 'run'; options: Omit<RunOptions, 'signal' | 'classifyThrottle' | 'observer' | 'onProgress' | 'log'> }
  | { kind: 'race'; options: Omit<RaceOptions, 'signal' | 'classifyThrottle' | 'observer' | 'log'> }
  | { kind: 'hammer'; options: Omit<HammerOptions, 'signal' | 'classifyThrottle'> };

/** The run's and the race's observations: the cart's consistency, and the checkouts they completed. */
export interface Observed {
  cart: CartObservations;
  checkouts: CompletedCheckouts;
}

export type WorkerResult = RunResult<Observed> | RaceResult<Observed> | HammerResult;

export type WorkerReply = { type: 'progress'; text: string } | { type: 'log'; line: string } | { type: 'done'; result: WorkerResult };
