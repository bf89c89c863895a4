import { describe, expect, it } from 'vitest';
import { parseCurve } from '../../../checks/checkout-load/curve.js';
import { planLoad } from '../../../checks/checkout-load/plan.js';
import type { Journey, JourneyStep } from '../../../src/journey/types.js';
import { formatDuration, parseDuration } from '../../../src/lib/duration.js';
import { loadConfig } from './rules/build.js';

const step = (name: string, method: JourneyStep['method'], extra: Partial<JourneyStep> = {}): JourneyStep => ({ name, method, path: `/${name}`, ...extra });
/** Two browsing reads, then add, checkout and a payment: checkout part from index 2. */
const journey = (name: string): Journey => ({ name, checkoutFrom: 2, steps: [step('product', 'GET'), step('cart', 'GET'), step('add', 'POST'), step('checkout', 'POST'), step('pay', 'POST', { payment: true })] });

describe('the load plan', () => {
  const issueExample = loadConfig({
    lastYearPeak: { sessionsPerMinute: 9_000 },
    growth: 0.25,
    buffer: 0.2,
    conversion: 0.04,
    duration: '2m',
    journeys: [
      { name: 'native', file: 'a.yaml', weight: 0.7 },
      { name: 'shop-pay', file: 'b.yaml', weight: 0.3 },
    ],
    limits: { maxRequestsPerSecond: 5_000 },
  });

  it('targets last year × (1 + growth) × (1 + buffer), split by weight', () => {
    const plan = planLoad({ config: issueExample, journeys: [journey('native'), journey('shop-pay')], paymentsAllowed: true });
    expect(plan.targetSessionsPerMinute).toBeCloseTo(13_500);
    expect(plan.sessionsPerSecond).toBeCloseTo(225);
    expect(plan.journeys.map((entry) => entry.sessionsPerSecond)).toEqual([expect.closeTo(157.5), expect.closeTo(67.5)]);
    // 2 browsing steps for all, 3 more for 4% of them
    expect(plan.journeys[0]!.requestsPerSession).toBeCloseTo(2.12);
    expect(plan.capped).toBeUndefined();
  });

  it('ramps in a quarter, half and three quarters, then holds the target', () => {
    const plan = planLoad({ config: issueExample, journeys: [journey('native'), journey('shop-pay')], paymentsAllowed: true });
    expect(plan.stages.map((stage) => stage.sessionsPerSecond / plan.sessionsPerSecond)).toEqual([0.25, 0.5, 0.75, 1]);
    expect(plan.stages.reduce((sum, stage) => sum + stage.durationMs, 0)).toBeCloseTo(120_000);
  });

  it('holds payment steps back where payments may not run', () => {
    const plan = planLoad({ config: issueExample, journeys: [journey('native'), journey('shop-pay')], paymentsAllowed: false });
    expect(plan.journeys[0]).toMatchObject({ checkoutSteps: 2, paymentStepsHeldBack: 1 });
  });

  it('lowers the rate to stay under maxRequestsPerSecond, and says by how much', () => {
    const plan = planLoad({ config: { ...issueExample, limits: { ...issueExample.limits, maxRequestsPerSecond: 100 } }, journeys: [journey('native'), journey('shop-pay')], paymentsAllowed: true });
    expect(plan.requestsPerSecond).toBeCloseTo(100);
    expect(plan.capped?.share).toBeCloseTo(100 / (225 * 2.12));
  });

  it('exactly at maxRequestsPerSecond is not capped', () => {
    const config = loadConfig({ lastYearPeak: { sessionsPerMinute: 600 }, conversion: 0, limits: { maxRequestsPerSecond: 20 } });
    const plan = planLoad({ config, journeys: [journey('native')], paymentsAllowed: true });
    expect(plan.requestsPerSecond).toBe(20);
    expect(plan.capped).toBeUndefined();
  });

  it('shortens a run longer than maxDuration', () => {
    const plan = planLoad({ config: loadConfig({ duration: '20m' }), journeys: [journey('native')], paymentsAllowed: true });
    expect(plan.durationMs).toBe(600_000);
    expect(plan.shortened).toEqual({ fromMs: 1_200_000, toMs: 600_000 });
  });

  it("compresses last year's curve into the duration, peaking at the target", () => {
    const config = loadConfig({ lastYearPeak: { curve: './curve.csv' }, growth: 1, duration: '30s' });
    const plan = planLoad({ config, journeys: [journey('native')], curve: [300, 600, 150], paymentsAllowed: true });
    expect(plan.targetSessionsPerMinute).toBe(1_200);
    expect(plan.stages).toEqual([
      { durationMs: 10_000, sessionsPerSecond: 10 },
      { durationMs: 10_000, sessionsPerSecond: 20 },
      { durationMs: 10_000, sessionsPerSecond: 5 },
    ]);
  });
});

describe('curve files', () => {
  it('reads minute,sessions rows after a header', () => expect(parseCurve('minute,sessions\n12:00,100\n12:01, 250\n\n', 'c.csv')).toEqual([100, 250]));
  it.each([
    ['12:00;100', /line 1: expected minute,sessions/],
    ['minute,sessions\n12:00,-5', /line 2: sessions cannot be negative/],
    ['minute,sessions\n', /no minute,sessions rows/],
    ['1,0\n2,0', /every minute has 0 sessions/],
  ])('refuses %j', (text, message) => expect(() => parseCurve(text, 'c.csv')).toThrow(message));
});

describe('durations', () => {
  it.each([
    ['2m', 120_000],
    ['90s', 90_000],
    ['1m30s', 90_000],
    ['500ms', 500],
    ['1.5s', 1_500],
    ['1h', 3_600_000],
  ])('%s is %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));
  it.each(['2', 'two minutes', '2 m', '', 'm'])('%j is not a duration', (text) => expect(parseDuration(text)).toBeUndefined());
  it.each([
    [120_000, '2m'],
    [90_000, '1m30s'],
    [1_500, '1.5s'],
    [3_600_000, '1h'],
  ])('%d ms is written %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});
