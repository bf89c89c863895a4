import { parentPort, workerData } from 'node:worker_threads';
import { runHammer, runLoad } from '../../src/load/index.js';
import type { HammerOptions, RunOptions } from '../../src/load/types.js';
import { CartObserver } from '../../src/shopify/cart-observer.js';
import { classifyThrottle } from '../../src/shopify/throttle.js';
import type { WorkerReply, WorkerRequest } from './worker-messages.js';

/**
 * The load generator's own thread: the arrival scheduler keeps its timing however busy the audit's main
 * thread is with the other checks (a DNS walk, an SMS burst). What cannot cross threads — the throttle
 * classifier, the cart observer — is made here.
 */
const request = workerData as WorkerRequest;
const stop = new AbortController();
const post = (reply: WorkerReply): void => parentPort!.postMessage(reply);

parentPort!.on('message', (message: { type: 'abort'; cutOff: 'timeout' | 'interrupted' }) => {
  if (message.type !== 'abort') return;
  // The same reasons the engine reads to tell a time limit from Ctrl-C.
  stop.abort(message.cutOff === 'timeout' ? new DOMException('time limit', 'TimeoutError') : new DOMException('interrupted', 'AbortError'));
});

const common = { signal: stop.signal, classifyThrottle };
const result =
  request.kind === 'run'
    ? await runLoad({ ...(request.options as Omit<RunOptions, 'signal'>), ...common, observer: new CartObserver(), onProgress: (text) => post({ type: 'progress', text }), log: (line) => post({ type: 'log', line }) })
    : await runHammer({ ...(request.options as Omit<HammerOptions, 'signal'>), ...common });
post({ type: 'done', result });
