import type { Verdict } from '../../../src/engine/define-check.js';
import type { Percentiles, RunResult } from '../../../src/load/types.js';
import type { CheckoutLoadConfig } from '../config.js';
import type { CheckoutLoadRule } from '../rules.js';
import { ms } from './format.js';
import { latencyMatrix } from './latency-matrix.js';
import { journeySubject, stepLabel } from './steps.js';

type Thresholds = CheckoutLoadConfig['thresholds'];

/** Which of p95 and p99 can be judged: all of them, unless a k6 summary did not keep one. */
type Judged = ('p95' | 'p99')[];

/** How far over the thresholds a latency is: above 1 is over. */
const overBy = (latency: Percentiles, thresholds: Thresholds, judged: Judged): number =>
  Math.max(...judged.map((percentile) => latency[percentile] / thresholds[percentile === 'p95' ? 'p95Ms' : 'p99Ms']));

const PERCENTILES = ['p50', 'p95', 'p99'] as const;

/** Per journey: every step's and the whole journey's p95 and p99 under the thresholds; the slowest step named. */
export const latency = (run: RunResult, config: CheckoutLoadConfig, lacking: readonly (keyof Percentiles)[] = []): Verdict<CheckoutLoadRule>[] => {
  const judged = (['p95', 'p99'] as const).filter((percentile) => !lacking.includes(percentile));
  if (judged.length === 0) {
    return [{ rule: 'latency', subject: 'latency', status: 'error', message: 'The k6 summary keeps neither p(95) nor p(99), so latency cannot be judged.', cause: 'file: the k6 summary has no p(95) or p(99) (add them to summaryTrendStats)' }];
  }
  const over = (value: Percentiles): number => overBy(value, config.thresholds, judged);
  const percentiles = (value: Percentiles): string =>
    PERCENTILES.filter((percentile) => !lacking.includes(percentile))
      .map((percentile) => `${percentile} ${ms(value[percentile])}`)
      .join(', ');
  const unjudged = judged.length < 2 ? ` (${lacking.includes('p99') ? 'p99' : 'p95'} is not in the k6 summary)` : '';
  return run.journeys.map((journey): Verdict<CheckoutLoadRule> => {
    const subject = journeySubject(journey.name);
    const steps = run.steps.filter((step) => step.journey === journey.name && step.latency.count > 0);
    const expected = `p95 ≤ ${ms(config.thresholds.p95Ms)} and p99 ≤ ${ms(config.thresholds.p99Ms)} for every step and the journey`;
    if (steps.length === 0) {
      return { rule: 'latency', subject, status: 'error', message: `No request of journey ${journey.name} was answered, so there is no latency to judge (see error-rate).`, cause: `check: journey ${journey.name} got no answer to time` };
    }
    const slowest = steps.reduce((a, b) => (over(b.latency) > over(a.latency) ? b : a));
    const evidence = { steps: steps.map((step) => ({ step: step.step, ...step.latency })), journey: { ...journey.latency } };
    const found = `slowest step ${stepLabel(slowest)}: ${percentiles(slowest.latency)}`;
    const matrix = latencyMatrix(journey, steps, config.thresholds, lacking);
    const slowSteps = steps.filter((step) => over(step.latency) > 1);
    const journeyOver = journey.latency.count > 0 && over(journey.latency) > 1;
    if (slowSteps.length > 0 || journeyOver) {
      const which = slowSteps.length > 0 ? `${slowSteps.length} of ${steps.length} steps are over the thresholds; the slowest is ${stepLabel(slowest)} at ${percentiles(slowest.latency)}` : `the whole journey takes ${percentiles(journey.latency)}`;
      return { rule: 'latency', subject, status: 'fail', expected, found, evidence, matrix, message: `Journey ${journey.name} is too slow at peak rate: ${which}${unjudged}.` };
    }
    return { rule: 'latency', subject, status: 'pass', expected, found, evidence, matrix, message: `Every step of journey ${journey.name} is under the thresholds; the slowest, ${stepLabel(slowest)}, has ${percentiles(slowest.latency)}${unjudged}.` };
  });
};
