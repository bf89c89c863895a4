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

/** What a k6 summary did not keep is shown as missing, never as 0 ms. */
const NOT_KEPT: MatrixCell = { text: '—' };

/** p50 and max have no threshold of their own: shown for context, never toned. */
const row = (label: string, latency: Percentiles, requests: number, thresholds: Thresholds, lacking: readonly (keyof Percentiles)[]): Matrix['rows'][number] => {
  const kept = (percentile: keyof Percentiles, cell: MatrixCell): MatrixCell => (lacking.includes(percentile) ? NOT_KEPT : cell);
  return {
    label,
    cells: [
      kept('p50', { text: ms(latency.p50) }),
      kept('p95', judged(latency.p95, thresholds.p95Ms)),
      kept('p99', judged(latency.p99, thresholds.p99Ms)),
      kept('max', { text: ms(latency.max) }),
      { text: count(requests) },
    ],
  };
};

/**
 * A journey's latency as a grid: a row per step that was answered, then the whole journey (its completed
 * sessions, think time excluded), p95 and p99 toned against the thresholds. Titled by journey, so two
 * journeys make two tables rather than one of mixed steps. Percentiles a k6 summary did not keep (`lacking`) read "—".
 */
export const latencyMatrix = (journey: JourneyResult, steps: readonly StepResult[], thresholds: Thresholds, lacking: readonly (keyof Percentiles)[] = []): Matrix => {
  const rows = steps.map((step) => row(stepLabel(step), step.latency, step.requests, thresholds, lacking));
  if (journey.latency.count > 0) rows.push(row(WHOLE_JOURNEY, journey.latency, steps.reduce((sum, step) => sum + step.requests, 0), thresholds, lacking));
  return {
    title: `Latency of journey ${journey.name} (p95 ≤ ${ms(thresholds.p95Ms)}, p99 ≤ ${ms(thresholds.p99Ms)})`,
    rowHeader: 'Step',
    columns: [...LATENCY_COLUMNS],
    rows,
  };
};
