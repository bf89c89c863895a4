import type { SeriesChart } from '../../../src/engine/define-check.js';
import type { SecondSample } from '../../../src/load/types.js';
import type { LoadPlan } from '../plan.js';

type Counted = Exclude<keyof SecondSample, 'second'>;

/** What each line of the chart counts, in drawing order: the terminal draws the first alone, as bars. */
const LINES: readonly { label: string; field: Counted }[] = [
  { label: 'sessions started', field: 'started' },
  { label: 'sessions planned', field: 'planned' },
  { label: 'requests answered', field: 'answered' },
  { label: 'requests failed', field: 'failed' },
];

/**
 * The run second by second against the target rate: sessions started falling under those planned is the
 * store falling behind, answers stopping while failures go on is the store dying, and the ramp shows
 * where it happened. Undefined for a run with no second counted.
 */
export const arrivalChart = (perSecond: readonly SecondSample[], plan: LoadPlan): SeriesChart | undefined => {
  if (perSecond.length === 0) return undefined;
  return {
    title: 'Sessions and requests a second over the run',
    series: LINES.map(({ label, field }) => ({ label, points: perSecond.map((sample) => ({ second: sample.second, value: sample[field] })) })),
    threshold: { label: 'target sessions/s', value: Math.round((plan.targetSessionsPerMinute / 60) * 100) / 100 },
  };
};
