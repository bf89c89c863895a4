import { describe, expect, it } from 'vitest';
import type { CheckoutLoadArtifact } from '../../../../checks/checkout-load/artifact.js';
import type { CheckoutLoadConfig } from '../../../../checks/checkout-load/config.js';
import { evaluate } from '../../../../checks/checkout-load/evaluate.js';
import type { CheckoutLoadRule } from '../../../../checks/checkout-load/rules.js';
import type { VerdictStatus } from '../../../../src/engine/define-check.js';
import { artifact, cleanRun, latencyOf, loadConfig, observations, plan, stepResult } from './build.js';

const context = { today: '2026-11-20', peak: { name: 'BFCM', start: '2026-11-27', end: '2026-11-30', derived: false }, store: { name: 'Acme', timezone: 'America/New_York' } };

interface Row {
  name: string;
  artifact: CheckoutLoadArtifact;
  config?: CheckoutLoadConfig;
  rule: CheckoutLoadRule;
  status: VerdictStatus;
  /** Words the message must hold. */
  says?: RegExp;
}

const run = cleanRun;
const stage = (planned: number, started: number) => ({ durationMs: 10_000, sessionsPerSecond: planned / 10, planned, started, dropped: planned - started });
const died = () => ({ ...cleanRun(), perSecond: cleanRun().perSecond.map((second) => (second.second >= 6 ? { ...second, answered: 0, failed: 20 } : second)) });

const rows: Row[] = [
  // throughput: ≥ 95% of planned sessions started in every stage
  { name: 'every session started', artifact: artifact(), rule: 'throughput', status: 'pass' },
  { name: 'exactly 95% started', artifact: artifact({ run: run({ stages: [stage(1000, 950)] }) }), rule: 'throughput', status: 'pass' },
  { name: '94.9% started', artifact: artifact({ run: run({ stages: [stage(1000, 949)] }) }), rule: 'throughput', status: 'fail', says: /Stage 1 started 94\.9%/ },
  { name: 'the second stage fell behind', artifact: artifact({ run: run({ stages: [stage(100, 100), stage(200, 150)] }) }), rule: 'throughput', status: 'fail', says: /Stage 2/ },
  { name: 'the store died 6 s in', artifact: artifact({ run: died() }), rule: 'throughput', status: 'fail', says: /stopped answering 6 s into the run/ },
  { name: 'the generator fell behind', artifact: artifact({ run: run({ generator: { lateStarts: 12, eventLoopDelayP99Ms: 240, cpuShare: 1, behind: true } }) }), rule: 'throughput', status: 'error', says: /load generator fell behind: 12% of sessions started late/ },
  { name: 'limits held the rate down', artifact: artifact({ plan: plan({ capped: { by: 'maxRequestsPerSecond', share: 0.56 } }) }), rule: 'throughput', status: 'warn', says: /56%/ },
  // latency: p95 ≤ 1,500 ms and p99 ≤ 4,000 ms per step and journey
  { name: 'fast steps', artifact: artifact(), rule: 'latency', status: 'pass' },
  { name: 'p95 exactly 1,500 ms', artifact: artifact({ run: run({ steps: [stepResult('add to cart', { latency: latencyOf(1_500, 3_000) })] }) }), rule: 'latency', status: 'pass' },
  { name: 'p95 1,501 ms', artifact: artifact({ run: run({ steps: [stepResult('add to cart', { latency: latencyOf(1_501, 3_000) })] }) }), rule: 'latency', status: 'fail', says: /add to cart/ },
  { name: 'p99 exactly 4,000 ms', artifact: artifact({ run: run({ steps: [stepResult('add to cart', { latency: latencyOf(1_000, 4_000) })] }) }), rule: 'latency', status: 'pass' },
  { name: 'p99 4,001 ms', artifact: artifact({ run: run({ steps: [stepResult('add to cart', { latency: latencyOf(1_000, 4_001) })] }) }), rule: 'latency', status: 'fail' },
  {
    name: 'the slowest of two slow steps is named',
    artifact: artifact({ run: run({ steps: [stepResult('view product', { latency: latencyOf(1_600) }), stepResult('add to cart', { latency: latencyOf(2_400) })] }) }),
    rule: 'latency',
    status: 'fail',
    says: /2 of 2 steps.*slowest is add to cart/,
  },
  { name: 'the whole journey over p99', artifact: artifact({ run: run({ journeys: [{ ...cleanRun().journeys[0]!, latency: latencyOf(1_400, 4_500) }] }) }), rule: 'latency', status: 'fail', says: /whole journey/ },
  { name: 'stricter thresholds', config: loadConfig({ thresholds: { p95Ms: 100 } }), artifact: artifact(), rule: 'latency', status: 'fail' },
  // error-rate: ≤ 1% of requests per step
  { name: 'no errors', artifact: artifact(), rule: 'error-rate', status: 'pass' },
  { name: 'exactly 1% 5xx', artifact: artifact({ run: run({ steps: [stepResult('add to cart', { statuses: { '200': 99, '500': 1 } })] }) }), rule: 'error-rate', status: 'pass' },
  { name: '2% 5xx', artifact: artifact({ run: run({ steps: [stepResult('add to cart', { statuses: { '200': 98, '502': 2 } })] }) }), rule: 'error-rate', status: 'fail', says: /mostly 502/ },
  { name: '101 timeouts in 10,000', artifact: artifact({ run: run({ steps: [stepResult('add to cart', { requests: 10_000, statuses: { '200': 9_899 }, timeouts: 101 })] }) }), rule: 'error-rate', status: 'fail', says: /mostly timeouts/ },
  { name: 'connection resets', artifact: artifact({ run: run({ steps: [stepResult('add to cart', { statuses: { '200': 90 }, transportErrors: { 'connection reset': 10 } })] }) }), rule: 'error-rate', status: 'fail', says: /connection reset/ },
  { name: '4xx are not errors', artifact: artifact({ run: run({ steps: [stepResult('add to cart', { statuses: { '200': 50, '422': 50 } })] }) }), rule: 'error-rate', status: 'pass' },
  {
    name: '503 with Retry-After is throttling, not an error',
    artifact: artifact({ run: run({ steps: [stepResult('add to cart', { statuses: { '200': 80, '503': 20 }, throttled: 20 })], throttling: [{ form: '503-retry-after', journey: 'native', step: 'add to cart', count: 20, firstAtMs: 3_000, retryAfterSeconds: 2 }] }) }),
    rule: 'error-rate',
    status: 'pass',
  },
  { name: 'the store died', artifact: artifact({ run: { ...died(), steps: [stepResult('add to cart', { statuses: { '200': 60 }, transportErrors: { 'connection refused': 40 } })] } }), rule: 'error-rate', status: 'fail', says: /stopped answering 6 s into the run/ },
  {
    name: 'the hammer lost answers',
    artifact: artifact({ hammer: { shoppers: 20, durationMs: 5_000, steps: [stepResult('add to cart', { journey: 'hammer' })], unanswered: 7, throttling: [] } }),
    rule: 'error-rate',
    status: 'fail',
    says: /7 requests were sent and never answered/,
  },
  // throttling: none in any form
  { name: 'nothing throttled', artifact: artifact(), rule: 'throttling', status: 'pass' },
  ...(['429', '430', '503-retry-after', '200-throttled'] as const).map((form): Row => ({
    name: `one ${form}`,
    artifact: artifact({ run: run({ throttling: [{ form, journey: 'native', step: 'add to cart', count: 1, firstAtMs: 4_200 }] }) }),
    rule: 'throttling',
    status: 'fail',
    says: /beginning 4 s into the run at add to cart/,
  })),
  {
    // The hammer counts from its own start, after the run: its 0 s is not earlier than the run's 4 s.
    name: 'throttled in the run and in the hammer: the run\'s first is named',
    artifact: artifact({
      run: run({ throttling: [{ form: '429', journey: 'native', step: 'add to cart', count: 1, firstAtMs: 4_200 }] }),
      hammer: { shoppers: 5, durationMs: 1_000, steps: [], unanswered: 0, throttling: [{ form: '503-retry-after', journey: 'hammer', step: 'view cart', count: 3, firstAtMs: 10, retryAfterSeconds: 2 }] },
    }),
    rule: 'throttling',
    status: 'fail',
    says: /^4 answers were throttled, beginning 4 s into the run at add to cart \(journey native\) with 429/,
  },
  {
    name: 'throttled in the hammer only',
    artifact: artifact({ hammer: { shoppers: 5, durationMs: 1_000, steps: [], unanswered: 0, throttling: [{ form: '429', journey: 'hammer', step: 'view cart', count: 3, firstAtMs: 10 }] } }),
    rule: 'throttling',
    status: 'fail',
    says: /beginning 0 s into the hammer phase at view cart \(journey hammer\)/,
  },
  // cart-consistency
  { name: 'consistent carts', artifact: artifact(), rule: 'cart-consistency', status: 'pass' },
  { name: 'no /cart.js read', artifact: artifact({ run: run({ observations: observations({ cartReads: 0 }) }) }), rule: 'cart-consistency', status: 'skip' },
  ...(['lineKeyChanged', 'quantityNotReflected', 'staleAfter422', 'cookieWithoutKey'] as const).map((defect): Row => ({
    name: `one ${defect}`,
    artifact: artifact({ run: run({ observations: observations({ [defect]: { count: 1, example: 'variant 40001' } }) }) }),
    rule: 'cart-consistency',
    status: 'fail',
    says: /1 times \(e\.g\. variant 40001\)/,
  })),
];

describe('checkout-load rules at and past each threshold', () => {
  it.each(rows)('$rule: $name → $status', (row) => {
    const verdicts = evaluate(row.artifact, row.config ?? loadConfig(), context).filter((verdict) => verdict.rule === row.rule);
    expect(verdicts.length).toBeGreaterThan(0);
    const worst = verdicts.find((verdict) => verdict.status === row.status);
    expect(verdicts.map((verdict) => verdict.status)).toContain(row.status);
    if (row.says) expect(worst!.message).toMatch(row.says);
  });

  it('every rule but target-authorization passes on a clean run', () => {
    const statuses = evaluate(artifact(), loadConfig(), context).map((verdict) => `${verdict.rule}:${verdict.status}`);
    expect(statuses).toEqual([
      'target-authorization:pass',
      'throughput:pass',
      'latency:pass',
      'error-rate:pass',
      'throttling:pass',
      'cart-consistency:pass',
      // without verify and attribution in the profile: skipped, saying what to add
      'oversold-stock:skip',
      'duplicate-orders:skip',
      'attribution-events:skip',
    ]);
  });
});

describe('checkout-load when the load did not run whole', () => {
  const refused = artifact({ target: { address: 'https://shop.acme.example/', host: 'shop.acme.example', loopback: false, production: true, allowProduction: false, allowed: false, reason: 'shop.acme.example is not in allowedHosts', fix: 'Add it.' }, plan: undefined, run: undefined });

  it('a refused target fails target-authorization and skips every other rule, saying why', () => {
    const verdicts = evaluate(refused, loadConfig(), context);
    expect(verdicts[0]).toMatchObject({ rule: 'target-authorization', status: 'fail', fix: 'Add it.' });
    expect(verdicts.slice(1).map((verdict) => verdict.status)).toEqual(Array(8).fill('skip'));
    expect(verdicts[1]!.message).toMatch(/refused before any request/);
  });

  it('an unreadable journey is an error of every load rule with its file cause, not a failure', () => {
    const verdicts = evaluate(artifact({ run: undefined, plan: undefined, problem: 'file: journeys/native.yaml not found' }), loadConfig(), context);
    const statuses = verdicts.slice(1).map((verdict) => `${verdict.rule}:${verdict.status}`);
    expect(statuses).toEqual(['throughput:error', 'latency:error', 'error-rate:error', 'throttling:error', 'cart-consistency:error', 'oversold-stock:skip', 'duplicate-orders:skip', 'attribution-events:skip']);
    expect(verdicts.filter((verdict) => verdict.status === 'error').every((verdict) => verdict.cause === 'file: journeys/native.yaml not found')).toBe(true);
  });

  it('a target that answered nothing at all is could-not-check with the transport error, not a store failing', () => {
    const refusedEverywhere = run({ steps: [stepResult('view product', { statuses: {}, transportErrors: { 'connection refused': 100 } })], perSecond: cleanRun().perSecond.map((second) => ({ ...second, answered: 0, failed: 20 })) });
    const verdicts = evaluate(artifact({ run: refusedEverywhere }), loadConfig(), context).slice(1, 6);
    expect(verdicts.map((verdict) => verdict.status)).toEqual(['error', 'error', 'error', 'error', 'error']);
    expect(new Set(verdicts.map((verdict) => verdict.cause))).toEqual(new Set(['http: connection refused by 127.0.0.1:8080']));
  });

  it.each([
    ['timeout', /^timeout:/],
    ['interrupted', /^interrupted:/],
  ] as const)('a run cut off by %s is not judged', (cutOff, cause) => {
    const verdicts = evaluate(artifact({ run: run({ cutOff, durationMs: 4_000 }) }), loadConfig(), context).slice(1, 6);
    expect(verdicts.every((verdict) => verdict.status === 'error' && cause.test(verdict.cause ?? ''))).toBe(true);
    expect(verdicts[0]!.message).toMatch(/stopped after 4 s of 10 s/);
  });
});
