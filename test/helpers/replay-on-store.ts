import type { Journey } from '../../src/journey/types.js';
import { runLoad, type RunResult } from '../../src/load/index.js';
import { StoreSimulator, type Order, type StoreRequestRecord } from '../../src/simulators/store/index.js';

/** Shoppers per replay: enough that a value shared between sessions would show, few enough to stay quick. */
export const REPLAY_SESSIONS = 3;

export interface StoreReplay {
  result: RunResult;
  orders: readonly Order[];
  requests: readonly StoreRequestRecord[];
}

/**
 * Replays a journey with the load engine against a fresh storefront simulator (tokens it has never
 * issued before): one short stage of REPLAY_SESSIONS shoppers, all converting, payments allowed since
 * the target is loopback. The simulator is stopped before this returns.
 */
export async function replayOnFreshStore(journey: Journey): Promise<StoreReplay> {
  const store = new StoreSimulator();
  try {
    const { url } = await store.start();
    const result = await runLoad({
      target: url,
      journeys: [{ journey, weight: 1 }],
      stages: [{ durationMs: 300, sessionsPerSecond: REPLAY_SESSIONS / 0.3 }],
      conversion: 1,
      allowPayment: true,
      requestTimeoutMs: 5000,
      maxSessionsInFlight: REPLAY_SESSIONS,
      signal: AbortSignal.timeout(20_000),
    });
    return { result, orders: store.orders, requests: store.log.entries };
  } finally {
    await store.stop();
  }
}

/** Each step's answers by status, by step name. */
export const statusesByStep = (result: RunResult): Record<string, Record<string, number>> => Object.fromEntries(result.steps.map((step) => [step.step, step.statuses]));

/**
 * How the replay differed from the recording, one line per step: empty when every shopper got the
 * recorded status at every step, with no unexpected answer, timeout or transport error.
 */
export const differencesFromRecording = (journey: Journey, result: RunResult): string[] =>
  journey.steps.flatMap((step) => {
    const seen = result.steps.find((candidate) => candidate.step === step.name);
    const statuses = seen?.statuses ?? {};
    const troubles = seen ? seen.unexpected + seen.timeouts + Object.values(seen.transportErrors).reduce((sum, count) => sum + count, 0) : 0;
    const asRecorded = statuses[String(step.expect?.status)] === REPLAY_SESSIONS && Object.keys(statuses).length === 1 && troubles === 0;
    return asRecorded ? [] : [`${step.name}: statuses ${JSON.stringify(statuses)}, ${troubles} unexpected, timed out or failed`];
  });
