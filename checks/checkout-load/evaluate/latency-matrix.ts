import type { Matrix, MatrixCell } from '../../../src/engine/define-check.js';
import type { JourneyResult, Percentiles, StepResult } from '../../../src/load/types.js';
import type { CheckoutLoadConfig } from '../config.js';
import { count, ms } from './format.js';
import { stepLabel } from './steps.js';

type Thresholds = CheckoutLoadConfig['thresholds'];

export const LATENCY_COLUMNS = ['p50', 'p95', 'p99', 'max', 'requests'] as const;

export const WHOLE_JOURNEY = 'whole journey';

/** A percentile the thresholds judge: toned, and marked "over" so it reads without colour too. */
const judged = (value: number, limit: number): MatrixCell => (value > limit ? { text: `${ms(value)} over`, tone: 'fail' } : { text: ms(value), tone: 'pass' });

/** p50 and max have no threshold of their own: shown for context, never toned. */
const row = (label: string, latency: Percentiles, requests: number, thresholds: Thresholds): Matrix['rows'][number] => ({
  label,
  cells: [{ text: ms(latency.p50) }, judged(latency.p95, thresholds.p95Ms), judged(latency.p99, thresholds.p99Ms), { text: ms(latency.max) }, { text: count(requests) }],
});

/**
 * A journey's latency as a grid: a row per step that was answered, then the whole journey (its completed
 * sessions, think time excluded), p95 and p99 toned against the thresholds. Titled by journey, so two
 * journeys make two tables rather than one of mixed steps.
 */
export const latencyMatrix = (journey: JourneyResult, steps: readonly StepResult[], thresholds: Thresholds): Matrix => {
  const rows = steps.map((step) => row(stepLabel(step), step.latency, step.requests, thresholds));
  if (journey.latency.count > 0) rows.push(row(WHOLE_JOURNEY, journey.latency, steps.reduce((sum, step) => sum + step.requests, 0), thresholds));
  return {
    title: `Latency of journey ${journey.name} (p95 ≤ ${ms(thresholds.p95Ms)}, p99 ≤ ${ms(thresholds.p99Ms)})`,
    rowHeader: 'Step',
    columns: [...LATENCY_COLUMNS],
    rows,
  };
};
