import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../../checks/checkout-load/evaluate.js';
import { LATENCY_COLUMNS, latencyMatrix, WHOLE_JOURNEY } from '../../../../checks/checkout-load/evaluate/latency-matrix.js';
import type { Verdict } from '../../../../src/engine/define-check.js';
import { artifact, cleanRun, latencyOf, loadConfig, plan, stepResult } from '../rules/build.js';

const context = { today: '2026-11-20', peak: { name: 'BFCM', start: '2026-11-27', end: '2026-11-30', derived: false }, store: { name: 'Acme', timezone: 'America/New_York' } };

const verdictsOf = (...args: Parameters<typeof artifact>) => evaluate(artifact(...args), loadConfig(), context);
const only = (verdicts: Verdict[], rule: string): Verdict => {
  const found = verdicts.filter((verdict) => verdict.rule === rule);
  expect(found).toHaveLength(1);
  return found[0]!;
};

/** The run's steps at these p95/p99 pairs (default thresholds: p95 1,500 ms, p99 4,000 ms). */
const withSteps = (...latencies: [string, number, number][]) =>
  cleanRun({ steps: latencies.map(([step, p95, p99]) => stepResult(step, { latency: latencyOf(p95, p99) })) });

describe('the latency matrix of a journey', () => {
  it('a row per answered step and the whole journey, the columns p50, p95, p99, max and requests', () => {
    const { matrix } = only(verdictsOf(), 'latency');
    expect(matrix?.columns).toEqual([...LATENCY_COLUMNS]);
    expect(matrix?.title).toBe('Latency of journey native (p95 ≤ 1,500 ms, p99 ≤ 4,000 ms)');
    expect(matrix?.rows.map((row) => row.label)).toEqual(['view product (GET /view-product)', 'add to cart (POST /cart/add.js)', WHOLE_JOURNEY]);
    expect(matrix?.rows[0]?.cells).toEqual([{ text: '40 ms' }, { text: '120 ms', tone: 'pass' }, { text: '120 ms', tone: 'pass' }, { text: '120 ms' }, { text: '100' }]);
    // The whole journey's requests are its steps' together.
    expect(matrix?.rows[2]?.cells[4]).toEqual({ text: '200' });
  });

  it('a percentile exactly at its threshold passes; one millisecond over fails, and says "over" without colour', () => {
    const at = only(verdictsOf({ run: withSteps(['add to cart', 1_500, 4_000]) }), 'latency');
    expect(at.status).toBe('pass');
    expect(at.matrix?.rows[0]?.cells.slice(1, 3)).toEqual([{ text: '1,500 ms', tone: 'pass' }, { text: '4,000 ms', tone: 'pass' }]);
    const over = only(verdictsOf({ run: withSteps(['add to cart', 1_501, 4_001]) }), 'latency');
    expect(over.status).toBe('fail');
    expect(over.matrix?.rows[0]?.cells.slice(1, 3)).toEqual([{ text: '1,501 ms over', tone: 'fail' }, { text: '4,001 ms over', tone: 'fail' }]);
  });

  it('p95 and p99 are toned each against its own threshold; p50, max and requests never', () => {
    const verdict = only(verdictsOf({ run: withSteps(['view product', 200, 4_200], ['add to cart', 1_600, 1_700]) }), 'latency');
    const [slowTail, slowMiddle] = verdict.matrix!.rows;
    expect(slowTail?.cells.map((cell) => cell?.tone)).toEqual([undefined, 'pass', 'fail', undefined, undefined]);
    expect(slowMiddle?.cells.map((cell) => cell?.tone)).toEqual([undefined, 'fail', 'pass', undefined, undefined]);
  });

  it('stricter thresholds in the profile tone the same numbers as failing and are named in the title', () => {
    const [verdict] = evaluate(artifact(), loadConfig({ thresholds: { p95Ms: 100 } }), context).filter((v) => v.rule === 'latency');
    expect(verdict?.matrix?.title).toContain('p95 ≤ 100 ms');
    expect(verdict?.matrix?.rows[0]?.cells[1]).toEqual({ text: '120 ms over', tone: 'fail' });
  });

  it('one matrix per journey; a journey that completed no session has no whole-journey row', () => {
    const run = cleanRun({
      journeys: [cleanRun().journeys[0]!, { ...cleanRun().journeys[0]!, name: 'shop-pay', completed: 0, latency: latencyOf(0, 0, 0) }],
      steps: [stepResult('add to cart'), stepResult('wallet pay', { journey: 'shop-pay' })],
    });
    const matrices = verdictsOf({ run }).filter((verdict) => verdict.rule === 'latency').map((verdict) => verdict.matrix!);
    expect(matrices.map((matrix) => matrix.title.split(' (')[0])).toEqual(['Latency of journey native', 'Latency of journey shop-pay']);
    expect(matrices[1]?.rows.map((row) => row.label)).toEqual(['wallet pay (GET /wallet-pay)']);
  });

  it('a percentile a k6 summary did not keep reads "—", never 0 ms, and is not toned', () => {
    const run = cleanRun();
    const matrix = latencyMatrix(run.journeys[0]!, run.steps, loadConfig().thresholds, ['p99', 'max']);
    expect(matrix.rows[0]?.cells).toEqual([{ text: '40 ms' }, { text: '120 ms', tone: 'pass' }, { text: '—' }, { text: '—' }, { text: '100' }]);
  });

  it('a journey with no answer at all could not be checked and draws no matrix', () => {
    const run = cleanRun({ steps: [stepResult('add to cart', { latency: latencyOf(0, 0, 0), statuses: {}, transportErrors: { 'connection refused': 100 } })] });
    const verdict = only(verdictsOf({ run }), 'latency');
    expect(verdict.status).toBe('error');
    expect(verdict.matrix).toBeUndefined();
  });
});

describe('the arrival chart of the throughput verdict', () => {
  it('sessions started and planned, requests answered and failed, each second of the run; the target rate as the line', () => {
    const perSecond = [
      { second: 0, planned: 5, started: 5, dropped: 0, answered: 9, failed: 0 },
      { second: 1, planned: 10, started: 8, dropped: 2, answered: 15, failed: 1 },
      { second: 2, planned: 10, started: 10, dropped: 0, answered: 0, failed: 12 },
    ];
    const { chart } = only(verdictsOf({ run: cleanRun({ perSecond }), plan: plan({ targetSessionsPerMinute: 700 }) }), 'throughput');
    expect(chart?.series.map((series) => series.label)).toEqual(['sessions started', 'sessions planned', 'requests answered', 'requests failed']);
    expect(chart?.series[0]?.points).toEqual([{ second: 0, value: 5 }, { second: 1, value: 8 }, { second: 2, value: 10 }]);
    expect(chart?.series[1]?.points.map((point) => point.value)).toEqual([5, 10, 10]);
    expect(chart?.series[2]?.points.map((point) => point.value)).toEqual([9, 15, 0]);
    expect(chart?.series[3]?.points.map((point) => point.value)).toEqual([0, 1, 12]);
    // 700 a minute is 11.67 a second, rounded for the axis label.
    expect(chart?.threshold).toEqual({ label: 'target sessions/s', value: 11.67 });
  });

  it('a failing verdict carries it too, so the reader sees where the run fell behind', () => {
    const stage = { durationMs: 10_000, sessionsPerSecond: 10, planned: 100, started: 60, dropped: 40 };
    const verdict = only(verdictsOf({ run: cleanRun({ stages: [stage] }) }), 'throughput');
    expect(verdict.status).toBe('fail');
    expect(verdict.chart?.series[0]?.points).toHaveLength(10);
  });

  it('a run with no second counted draws no chart', () => {
    expect(only(verdictsOf({ run: cleanRun({ perSecond: [] }) }), 'throughput').chart).toBeUndefined();
  });
});
