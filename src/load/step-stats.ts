import type { JourneyStep } from '../journey/types.js';
import { LatencyHistogram } from './latency-histogram.js';
import type { StepResult } from './types.js';

/** What became of one request, as the step's tally counts it. */
export type RequestOutcome =
  | { status: number; latencyMs: number; unexpected: boolean; throttled: boolean }
  | { error: string; latencyMs: number };

/** One step's running tally: counts and a latency histogram, never a list of requests. */
export class StepStats {
  #requests = 0;
  readonly #statuses: Record<string, number> = {};
  #timeouts = 0;
  readonly #transportErrors: Record<string, number> = {};
  #unexpected = 0;
  #throttled = 0;
  readonly #latency = new LatencyHistogram();

  constructor(
    readonly journey: string,
    readonly step: JourneyStep,
  ) {}

  record(outcome: RequestOutcome): void {
    this.#requests++;
    if ('error' in outcome) {
      // A timeout is what the shopper waited; a refused or reset connection is no answer, fast or slow.
      if (outcome.error === 'timeout') {
        this.#timeouts++;
        this.#latency.record(outcome.latencyMs);
      } else this.#transportErrors[outcome.error] = (this.#transportErrors[outcome.error] ?? 0) + 1;
      return;
    }
    this.#latency.record(outcome.latencyMs);
    this.#statuses[outcome.status] = (this.#statuses[outcome.status] ?? 0) + 1;
    if (outcome.unexpected) this.#unexpected++;
    if (outcome.throttled) this.#throttled++;
  }

  result(): StepResult {
    return {
      journey: this.journey,
      step: this.step.name,
      method: this.step.method,
      path: this.step.path,
      requests: this.#requests,
      statuses: { ...this.#statuses },
      timeouts: this.#timeouts,
      transportErrors: { ...this.#transportErrors },
      unexpected: this.#unexpected,
      throttled: this.#throttled,
      latency: this.#latency.summary(),
    };
  }
}
