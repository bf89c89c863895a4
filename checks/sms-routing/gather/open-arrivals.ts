import { performance } from 'node:perf_hooks';

export interface Arrival<T> {
  /** When it was due, in ms after the start: latency counts from here, not from when it went out. */
  intendedMs: number;
  /** How late it actually went out: the sender's own lag, kept apart from the server's. */
  sendLagMs: number;
  result: T;
  /** Due time to the result, in ms. */
  latencyMs: number;
}

/**
 * Fires `count` calls at `perSecond`, each on its schedule whatever the earlier ones are doing (an open
 * arrival model: a slow server cannot slow the arrivals and so hide its own lag, the coordinated
 * omission of closed-loop load tools). The schedule is kept against a monotonic clock, so timer
 * drift does not accumulate.
 */
export const openArrivals = async <T>(count: number, perSecond: number, send: (index: number) => Promise<T>, signal: AbortSignal): Promise<Arrival<T>[]> => {
  const start = performance.now();
  const intervalMs = 1000 / perSecond;
  const pending: Promise<Arrival<T>>[] = [];
  for (let index = 0; index < count; index++) {
    signal.throwIfAborted();
    const intendedMs = index * intervalMs;
    const wait = start + intendedMs - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const sentAt = performance.now();
    pending.push(
      send(index).then((result) => ({
        intendedMs,
        sendLagMs: Math.max(0, sentAt - start - intendedMs),
        result,
        latencyMs: performance.now() - start - intendedMs,
      })),
    );
  }
  return Promise.all(pending);
};
