import type { Verdict } from '../../../src/engine/define-check.js';
import type { Percentiles, RunResult } from '../../../src/load/types.js';
import type { CheckoutLoadConfig } from '../config.js';
import type { CheckoutLoadRule } from '../rules.js';
import { ms } from './format.js';
import { latencyMatrix } from './latency-matrix.js';
import { journeySubject, stepLabel } from './steps.js';

type Thresholds = CheckoutLoadConfig['thresholds'];

/** How far over the thresholds a latency is: above 1 is over. */
const overBy = (latency: Percentiles, thresholds: Thresholds): number => Math.max(latency.p95 / thresholds.p95Ms, latency.p99 / thresholds.p99Ms);

const percentiles = (latency: Percentiles): string => `p50 ${ms(latency.p50)}, p95 ${ms(latency.p95)}, p99 ${ms(latency.p99)}`;

/** Per journey: every step's and the whole journey's p95 and p99 under the thresholds; the slowest step named, every step in the matrix. */
export const latency = (run: RunResult, config: CheckoutLoadConfig): Verdict<CheckoutLoadRule>[] =>
  run.journeys.map((journey) => {
    const subject = journeySubject(journey.name);
    const steps = run.steps.filter((step) => step.journey === journey.name && step.latency.count > 0);
    const expected = `p95 ≤ ${ms(config.thresholds.p95Ms)} and p99 ≤ ${ms(config.thresholds.p99Ms)} for every step and the journey`;
    if (steps.length === 0) {
      return { rule: 'latency', subject, status: 'error', message: `No request of journey ${journey.name} was answered, so there is no latency to judge (see error-rate).`, cause: `check: journey ${journey.name} got no answer to time` };
    }
    const slowest = steps.reduce((a, b) => (overBy(b.latency, config.thresholds) > overBy(a.latency, config.thresholds) ? b : a));
    const evidence = { steps: steps.map((step) => ({ step: step.step, ...step.latency })), journey: { ...journey.latency } };
    const found = `slowest step ${stepLabel(slowest)}: ${percentiles(slowest.latency)}`;
    const matrix = latencyMatrix(journey, steps, config.thresholds);
    const slowSteps = steps.filter((step) => overBy(step.latency, config.thresholds) > 1);
    const journeyOver = journey.latency.count > 0 && overBy(journey.latency, config.thresholds) > 1;
    if (slowSteps.length > 0 || journeyOver) {
      const which = slowSteps.length > 0 ? `${slowSteps.length} of ${steps.length} steps are over the thresholds; the slowest is ${stepLabel(slowest)} at ${percentiles(slowest.latency)}` : `the whole journey takes ${percentiles(journey.latency)}`;
      return { rule: 'latency', subject, status: 'fail', expected, found, evidence, matrix, message: `Journey ${journey.name} is too slow at peak rate: ${which}.` };
    }
    return { rule: 'latency', subject, status: 'pass', expected, found, evidence, matrix, message: `Every step of journey ${journey.name} is under the thresholds; the slowest, ${stepLabel(slowest)}, has ${percentiles(slowest.latency)}.` };
  });
