import type { CartObservations, CheckoutLoadArtifact } from '../../../../checks/checkout-load/artifact.js';
import { config as configSchema, type CheckoutLoadConfig } from '../../../../checks/checkout-load/config.js';
import type { LoadPlan } from '../../../../checks/checkout-load/plan.js';
import type { Percentiles, RunResult, SecondSample, StepResult } from '../../../../src/load/types.js';

/** A profile section judged by the tables: loopback target, default thresholds (p95 1,500 ms, p99 4,000 ms, 1% errors). */
export const loadConfig = (extra: Record<string, unknown> = {}): CheckoutLoadConfig =>
  configSchema.parse({
    target: 'http://127.0.0.1:8080',
    lastYearPeak: { sessionsPerMinute: 600 },
    conversion: 0.5,
    duration: '10s',
    journeys: [{ name: 'native', file: './native.yaml' }],
    ...extra,
  });

export const latencyOf = (p95: number, p99: number = p95, count = 100): Percentiles => ({ count, p50: Math.min(p95, 40), p90: p95, p95, p99, max: p99, mean: Math.min(p95, 40) });

export const stepResult = (step: string, extra: Partial<StepResult> = {}): StepResult => ({
  journey: 'native',
  step,
  method: 'GET',
  path: `/${step.replace(/ /g, '-')}`,
  requests: 100,
  statuses: { '200': 100 },
  timeouts: 0,
  transportErrors: {},
  unexpected: 0,
  throttled: 0,
  latency: latencyOf(120),
  ...extra,
});

const steadySeconds = (seconds: number): SecondSample[] =>
  Array.from({ length: seconds }, (_, second) => ({ second, planned: 10, started: 10, dropped: 0, answered: 20, failed: 0 }));

export const observations = (extra: Partial<CartObservations> = {}): CartObservations => ({
  cartReads: 50,
  lineKeyChanged: { count: 0 },
  quantityNotReflected: { count: 0 },
  staleAfter422: { count: 0 },
  cookieWithoutKey: { count: 0 },
  ...extra,
});

/** A clean 10-second run of one journey at 10 sessions a second in one stage: every rule passes. */
export const cleanRun = (extra: Partial<RunResult<CartObservations>> = {}): RunResult<CartObservations> => ({
  durationMs: 10_000,
  stages: [{ durationMs: 10_000, sessionsPerSecond: 10, planned: 100, started: 100, dropped: 0 }],
  perSecond: steadySeconds(10),
  journeys: [{ name: 'native', planned: 100, started: 100, dropped: 0, completed: 100, converting: 50, stoppedAtHandOff: 0, failed: 0, latency: latencyOf(400, 600) }],
  steps: [stepResult('view product'), stepResult('add to cart', { method: 'POST', path: '/cart/add.js' })],
  throttling: [],
  generator: { lateStarts: 0, eventLoopDelayP99Ms: 12, cpuShare: 0.3, behind: false },
  observations: observations(),
  ...extra,
});

export const plan = (extra: Partial<LoadPlan> = {}): LoadPlan => ({
  source: 'sessionsPerMinute',
  targetSessionsPerMinute: 600,
  sessionsPerSecond: 10,
  durationMs: 10_000,
  stages: [{ durationMs: 10_000, sessionsPerSecond: 10 }],
  journeys: [{ name: 'native', share: 1, sessionsPerSecond: 10, browseSteps: 1, checkoutSteps: 1, paymentStepsHeldBack: 0, requestsPerSession: 1.5 }],
  requestsPerSecond: 15,
  totalRequests: 150,
  sessions: 100,
  paymentsAllowed: true,
  ...extra,
});

export const artifact = (extra: Partial<CheckoutLoadArtifact> = {}): CheckoutLoadArtifact => ({
  target: { address: 'http://127.0.0.1:8080/', host: '127.0.0.1', loopback: true, production: false, allowProduction: false, allowed: true },
  plan: plan(),
  run: cleanRun(),
  ...extra,
});
