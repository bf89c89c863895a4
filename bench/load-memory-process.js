// One runLoad run in a process of its own (started with --expose-gc), so its memory is its own: prints the
// peak live heap (heap used right after a full collection, sampled every 250 ms) and the peak RSS, in bytes.
// Arguments: target URL, duration in ms, sessions a second.
import { runLoad } from '../dist/src/load/index.js';

const [target, durationMs, perSecond] = process.argv.slice(2);
let peakHeap = 0;
let peakRss = 0;
const sample = () => {
  globalThis.gc();
  const { heapUsed, rss } = process.memoryUsage();
  peakHeap = Math.max(peakHeap, heapUsed);
  peakRss = Math.max(peakRss, rss);
};
const sampler = setInterval(sample, 250);
await runLoad({
  target,
  journeys: [{ journey: { name: 'browse', checkoutFrom: 2, steps: [{ name: 'product', method: 'GET', path: '/products/a.js' }, { name: 'cart', method: 'GET', path: '/cart.js' }] }, weight: 1 }],
  stages: [{ durationMs: Number(durationMs), sessionsPerSecond: Number(perSecond) }],
  conversion: 0,
  allowPayment: false,
  requestTimeoutMs: 5000,
  maxSessionsInFlight: 200,
  signal: new AbortController().signal,
});
clearInterval(sampler);
sample();
process.stdout.write(`${peakHeap} ${peakRss}\n`);
