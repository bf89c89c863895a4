import { matchEvents, startCollector, type Collector } from '../../src/attribution/index.js';
import type { CompletedCheckout } from '../../src/attribution/events.js';
import type { AttributionSeen } from './artifact.js';
import type { CheckoutLoadConfig } from './config.js';

type Attribution = NonNullable<CheckoutLoadConfig['attribution']>;

/** Events still on their way when the last checkout completed (a relay, a webhook queue) get this long. */
export const LATE_EVENT_GRACE_MS = 1_500;

/**
 * Binds the collector where the profile says, for the length of the run. The profile names the
 * address, so a non-loopback one is its decision; a port in use is a could-not-check cause.
 */
export const openCollector = async (attribution: Attribution, signal: AbortSignal, log: (line: string) => void): Promise<Collector | { error: string }> => {
  try {
    return await startCollector({
      listen: attribution.listen,
      ...(attribution.webhookSecret ? { webhookSecret: attribution.webhookSecret } : {}),
      signal,
      eventName: attribution.event,
      allowNonLoopback: true,
      log: (line) => log(`collector: ${line}`),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EADDRINUSE' ? 'is in use' : code === 'EADDRNOTAVAIL' ? 'is not an address of this machine' : (error as Error).message;
    return { error: `network: ${attribution.listen} ${why}` };
  }
};

const pause = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/** Waits for late events, stops the collector and matches what came to the checkouts the run completed. */
export const closeCollector = async (collector: Collector | { error: string }, attribution: Attribution, completed: readonly CompletedCheckout[], signal: AbortSignal): Promise<AttributionSeen> => {
  if ('error' in collector) return { event: attribution.event, error: collector.error, journeys: [], unmatched: 0, redelivered: 0, refused: {} };
  if (completed.length > 0) await pause(LATE_EVENT_GRACE_MS, signal);
  await collector.stop();
  const match = matchEvents(completed, collector.events(), attribution.event);
  return {
    event: attribution.event,
    journeys: match.journeys.map(({ journey, expected, matched, missing, duplicate }) => ({ journey, expected, matched, missing, duplicate })),
    unmatched: match.unmatched.length,
    redelivered: match.redelivered,
    refused: { ...collector.counts.refused },
  };
};
