import type { SecondSample } from '../../../src/load/types.js';

/**
 * The second from which the store answered nothing to the end of the run while requests kept failing
 * and sessions kept arriving: a store that died mid-run. Undefined when the last second with requests
 * had answers, or when only the last sessions' slow requests were left to time out after the arrivals
 * ended (a slow store: error-rate and latency say so, not this).
 */
export const stoppedAnsweringAt = (perSecond: readonly SecondSample[]): number | undefined => {
  let lastAnswered = -1;
  let failedAfter = 0;
  let arrivalsAfter = 0;
  for (const sample of perSecond) {
    if (sample.answered > 0) {
      lastAnswered = sample.second;
      failedAfter = 0;
      arrivalsAfter = 0;
    } else {
      failedAfter += sample.failed;
      arrivalsAfter += sample.started;
    }
  }
  if (failedAfter === 0 || arrivalsAfter === 0) return undefined;
  return lastAnswered + 1;
};

export const stoppedSentence = (second: number): string => (second === 0 ? 'the store answered nothing from the start' : `the store stopped answering ${second} s into the run`);
