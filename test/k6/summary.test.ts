import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { K6SummaryError, readK6Summary } from '../../src/k6/summary.js';
import { UsageError } from '../../src/lib/errors.js';
import { native, shopPay } from './journeys.js';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/k6/${name}`, import.meta.url), 'utf8');

describe('readK6Summary: the two shapes k6 writes', () => {
  const fromHandle = readK6Summary(fixture('handle-summary.json'), 'handle-summary.json', [native, shopPay]);
  const fromExport = readK6Summary(fixture('summary-export.json'), 'summary-export.json', [native, shopPay]);

  it('tells them apart', () => {
    expect(fromHandle.format).toBe('handle-summary');
    expect(fromExport.format).toBe('summary-export');
    expect(fromHandle.source).toBe('k6');
    expect(fromHandle.fromExportedScript).toBe(true);
  });

  it('reads the same run from both, but for the duration only handleSummary data states', () => {
    expect(fromHandle.run.durationMs).toBe(120_500.4);
    // --summary-export has no state: count / rate of http_reqs gives it, to the rounding of the rate.
    expect(Math.abs(fromExport.run.durationMs - 120_500)).toBeLessThan(5);
    expect(fromExport.run.steps).toEqual(fromHandle.run.steps);
    expect(fromExport.run.journeys).toEqual(fromHandle.run.journeys);
    expect(fromExport.run.throttling).toEqual(fromHandle.run.throttling);
    expect(fromExport.thresholds).toEqual(fromHandle.thresholds);
    expect(fromExport.checks).toEqual(fromHandle.checks);
  });

  it('maps tagged sub-metrics to steps, in the journeys\' order, with their method and path', () => {
    const steps = fromHandle.run.steps;
    expect(steps.map((step) => `${step.journey} · ${step.step} · ${step.method} ${step.path}`)).toEqual([
      'native · product · GET /products/doorbuster.js',
      'native · add to cart · POST /cart/add.js',
      'native · cart · GET /cart.js',
      'native · checkout · POST /checkout',
      'shop-pay · product · GET /products/doorbuster.js',
      'shop-pay · wallet start · POST /wallets/checkouts',
    ]);
    expect(steps[1]).toMatchObject({ requests: 236, throttled: 7, unexpected: 7, statuses: {}, latency: { count: 236, p95: 1720.5, p99: 4480.2, p50: 344.1, p90: 1376.4, mean: 430.125 } });
    expect(steps[3]).toMatchObject({ requests: 229, statuses: { '5xx': 3 }, timeouts: 0, transportErrors: {} });
  });

  it('maps journeys: started from iterations, dropped from dropped_iterations, outcomes from the script\'s counters', () => {
    expect(fromHandle.run.journeys[0]).toMatchObject({ name: 'native', planned: 957, started: 945, dropped: 12, completed: 709, converting: 236, stoppedAtHandOff: 226, failed: 10, latency: { p95: 910.8, p99: 2600.3 } });
    expect(fromHandle.run.journeys[1]).toMatchObject({ name: 'shop-pay', planned: 405, started: 405, dropped: 0, failed: 0 });
    expect(fromHandle.run.stages).toEqual([{ durationMs: 120_500.4, sessionsPerSecond: (1362 * 1000) / 120_500.4, planned: 1362, started: 1350, dropped: 12 }]);
  });

  it('reads throttling per form and step from the script\'s counters', () => {
    expect(fromHandle.run.throttling).toEqual([
      { form: '429', journey: 'native', step: 'add to cart', count: 7, firstAtMs: 0 },
      { form: '200-throttled', journey: 'shop-pay', step: 'wallet start', count: 2, firstAtMs: 0 },
    ]);
  });

  it('keeps k6\'s threshold verdicts, true meaning passed in both shapes', () => {
    expect(fromExport.thresholds).toContainEqual({ metric: 'http_req_duration{journey:native,name:add to cart}', expression: 'p(95)<=1500', ok: false });
    expect(fromExport.thresholds).toContainEqual({ metric: 'http_req_failed', expression: 'rate<=0.01', ok: true });
  });

  it('names what a summary lacks instead of inventing it', () => {
    expect(fromHandle.run.perSecond).toEqual([]);
    expect(fromHandle.missing.map((entry) => entry.part)).toEqual(['perSecond', 'stages', 'generator', 'throttling.firstAtMs', 'throttling.retryAfterSeconds']);
  });
});

describe('readK6Summary: summaries that hold less', () => {
  it('says which percentiles summaryTrendStats left out, and reads the rest', () => {
    const data = JSON.parse(fixture('handle-summary.json')) as { metrics: Record<string, { type: string; values: Record<string, number> }> };
    for (const metric of Object.values(data.metrics).filter((entry) => entry.type === 'trend')) {
      delete metric.values['p(99)'];
      delete metric.values.count;
    }
    const result = readK6Summary(JSON.stringify(data), 'trimmed.json', [native, shopPay]);
    expect(result.missing).toContainEqual(expect.objectContaining({ part: 'latency', percentiles: ['p99'] }));
    expect(result.run.steps[0]!.latency).toMatchObject({ count: 945, p95: 310.2, p99: 0 });
  });

  it('reads a hand-written script\'s summary as one journey, saying errors and throttling per step were not counted', () => {
    const plain = JSON.stringify({
      root_group: { name: '', path: '', id: 'x', groups: {}, checks: {} },
      metrics: {
        http_reqs: { count: 200, rate: 10 },
        http_req_duration: { avg: 50, min: 1, med: 40, max: 300, 'p(90)': 90, 'p(95)': 120, thresholds: { 'p(95)<500': false } },
        iterations: { count: 100, rate: 5 },
      },
    });
    const result = readK6Summary(plain, 'plain.json');
    expect(result.format).toBe('summary-export');
    expect(result.fromExportedScript).toBe(false);
    expect(result.run.durationMs).toBe(20_000);
    expect(result.run.journeys).toEqual([expect.objectContaining({ name: 'k6', started: 100, dropped: 0, planned: 100 })]);
    expect(result.run.steps).toEqual([]);
    expect(result.missing.map((entry) => entry.part)).toEqual(expect.arrayContaining(['steps.errors', 'throttling', 'journeys.outcomes']));
  });
});

describe('readK6Summary: anything else is one clear line', () => {
  it.each([
    ['not JSON', '{"metrics":', /^bad\.json: not JSON \(.+\); give the file k6 wrote with --summary-export/],
    ['JSON of another shape', '{"results": []}', /^bad\.json: not a k6 end-of-test summary: expected "metrics" and "root_group"/],
    ['a metric of an unknown type', '{"root_group":{},"metrics":{"x":{"type":"histogram","contains":"time","values":{}}}}', /not a k6 end-of-test summary/],
  ])('%s', (_, text, message) => {
    const read = (): unknown => readK6Summary(text, 'bad.json');
    expect(read).toThrow(K6SummaryError);
    expect(read).toThrow(UsageError);
    expect(read).toThrow(message);
  });
});
