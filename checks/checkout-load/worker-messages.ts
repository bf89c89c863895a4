import type { HammerOptions, HammerResult, RunOptions, RunResult } from '../../src/load/types.js';
import type { CartObservations } from '../../src/shopify/cart-observer.js';

/** What crosses into the generator's thread: options without functions or signals. */
export type WorkerRequest =
  | { kind: 'run'; options: Omit<RunOptions, 'signal' | 'classifyThrottle' | 'observer' | 'onProgress' | 'log'> }
  | { kind: 'hammer'; options: Omit<HammerOptions, 'signal' | 'classifyThrottle'> };

export type WorkerReply =
  | { type: 'progress'; text: string }
  | { type: 'log'; line: string }
  | { type: 'done'; result: RunResult<CartObservations> | HammerResult };
