import { parentPort, workerData } from 'node:worker_threads';
import { combineObservers, runHammer, runLoad, runRace } from '../../src/load/index.js';
import { CartObserver } from '../../src/shopify/cart-observer.js';
import { CheckoutObserver } from '../../src/shopify/checkout-observer.js';
import { classifyThrottle } from '../../src/shopify/throttle.js';
import type { WorkerReply, WorkerRequest, WorkerResult } from './worker-messages.js';

/**
 * The load generator's own thread: the arrival scheduler keeps its timing however busy the audit's main
 * thread is with the other checks (a DNS walk, an SMS burst). What cannot cross threads — the throttle
 * classifier, the observers — is made here.
 */
const request = workerData as WorkerRequest;
const stop = new AbortController();
const post = (reply: WorkerReply): void => parentPort!.postMessage(reply);
const log = (line: string): void => post({ type: 'log', line });

parentPort!.on('message', (message: { type: 'abort'; cutOff: 'timeout' | 'interrupted' }) => {
  if (message.type !== 'abort') return;
  // The same reasons the engine reads to tell a time limit from Ctrl-C.
  stop.abort(message.cutOff === 'timeout' ? new DOMException('time limit', 'TimeoutError') : new DOMException('interrupted', 'AbortError'));
});

const observer = () => combineObservers({ cart: new CartObserver(), checkouts: new CheckoutObserver() });
const common = { signal: stop.signal, classifyThrottle };

const run = (): Promise<WorkerResult> => {
  switch (request.kind) {
    case 'run':
      return runLoad({ ...request.options, ...common, observer: observer(), onProgress: (text) => post({ type: 'progress', text }), log });
    case 'race':
      return runRace({ ...request.options, ...common, observer: observer(), log });
    case 'hammer':
      return runHammer({ ...request.options, ...common });
  }
};

post({ type: 'done', result: await run() });
