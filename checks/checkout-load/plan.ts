import type { Journey } from '../../src/journey/types.js';
import type { Stage } from '../../src/load/types.js';
import type { CheckoutLoadConfig } from './config.js';

/** A steady target is approached in three steps (a quarter, half, three quarters), each a tenth of the run. */
const RAMP_SHARES = [0.25, 0.5, 0.75] as const;
const RAMP_STAGE_SHARE = 0.1;

export interface PlannedJourney {
  name: string;
  /** Its share of the sessions, 0..1. */
  share: number;
  /** Sessions a second at the busiest stage. */
  sessionsPerSecond: number;
  browseSteps: number;
  /** Steps from checkoutFrom on that run here (payment steps only where payments may run). */
  checkoutSteps: number;
  /** Payment steps left out because payments may not run against this target. */
  paymentStepsHeldBack: number;
  requestsPerSession: number;
}

export interface LoadPlan {
  source: 'sessionsPerMinute' | 'curve';
  /** Last year's busiest minute × (1 + growth) × (1 + buffer): what the store must hold. */
  targetSessionsPerMinute: number;
  /** The busiest stage as run, after the limits. */
  sessionsPerSecond: number;
  durationMs: number;
  stages: Stage[];
  journeys: PlannedJourney[];
  /** Requests a second expected at the busiest stage. */
  requestsPerSecond: number;
  totalRequests: number;
  sessions: number;
  paymentsAllowed: boolean;
  /** The rate was lowered to keep requests under limits.maxRequestsPerSecond: `share` of the target is run. */
  capped?: { by: 'maxRequestsPerSecond'; share: number };
  /** duration was longer than limits.maxDuration. */
  shortened?: { fromMs: number; toMs: number };
}

export interface PlanInput {
  config: CheckoutLoadConfig;
  journeys: Journey[];
  /** Sessions per minute of last year's curve, when the profile gives one. */
  curve?: number[];
  paymentsAllowed: boolean;
}

const stepsOf = (journey: Journey, paymentsAllowed: boolean) => {
  const checkout = journey.steps.slice(journey.checkoutFrom);
  const firstPayment = checkout.findIndex((step) => step.payment === true);
  const runnable = paymentsAllowed || firstPayment === -1 ? checkout.length : firstPayment;
  return { browse: journey.checkoutFrom, checkout: runnable, heldBack: checkout.length - runnable };
};

/** Stages at multiples of one rate: the ramp then the steady part, or the curve's minutes compressed. */
const shapeOf = (input: PlanInput, durationMs: number, peakPerSecond: number): Stage[] => {
  if (input.curve) {
    const busiest = Math.max(...input.curve);
    return input.curve.map((minute) => ({ durationMs: durationMs / input.curve!.length, sessionsPerSecond: (peakPerSecond * minute) / busiest }));
  }
  const ramp = RAMP_SHARES.map((share) => ({ durationMs: durationMs * RAMP_STAGE_SHARE, sessionsPerSecond: peakPerSecond * share }));
  return [...ramp, { durationMs: durationMs * (1 - RAMP_SHARES.length * RAMP_STAGE_SHARE), sessionsPerSecond: peakPerSecond }];
};

/**
 * What the run will do, from the profile alone: target rate = last year's busiest minute × (1 + growth)
 * × (1 + buffer), split over the journeys by weight, ramped in stages, then held under the limits.
 * Pure: `--dry-run` prints it and gather runs it.
 */
export const planLoad = (input: PlanInput): LoadPlan => {
  const { config } = input;
  const lastYear = config.lastYearPeak.sessionsPerMinute ?? Math.max(...(input.curve ?? [0]));
  const targetSessionsPerMinute = lastYear * (1 + config.growth) * (1 + config.buffer);
  const durationMs = Math.min(config.duration, config.limits.maxDuration);
  const totalWeight = config.journeys.reduce((sum, entry) => sum + entry.weight, 0);
  const shaped = input.journeys.map((journey, index) => {
    const steps = stepsOf(journey, input.paymentsAllowed);
    const share = config.journeys[index]!.weight / totalWeight;
    return { journey, share, steps, requestsPerSession: steps.browse + config.conversion * steps.checkout };
  });
  const requestsPerSession = shaped.reduce((sum, entry) => sum + entry.share * entry.requestsPerSession, 0);
  const wantedPerSecond = targetSessionsPerMinute / 60;
  const wantedRequests = wantedPerSecond * requestsPerSession;
  const scale = wantedRequests > config.limits.maxRequestsPerSecond ? config.limits.maxRequestsPerSecond / wantedRequests : 1;
  const sessionsPerSecond = wantedPerSecond * scale;
  const stages = shapeOf(input, durationMs, sessionsPerSecond);
  const sessions = stages.reduce((sum, stage) => sum + (stage.sessionsPerSecond * stage.durationMs) / 1_000, 0);
  return {
    source: input.curve ? 'curve' : 'sessionsPerMinute',
    targetSessionsPerMinute,
    sessionsPerSecond,
    durationMs,
    stages,
    journeys: shaped.map(({ journey, share, steps, requestsPerSession: perSession }) => ({
      name: journey.name,
      share,
      sessionsPerSecond: sessionsPerSecond * share,
      browseSteps: steps.browse,
      checkoutSteps: steps.checkout,
      paymentStepsHeldBack: steps.heldBack,
      requestsPerSession: perSession,
    })),
    requestsPerSecond: sessionsPerSecond * requestsPerSession,
    totalRequests: Math.round(sessions * requestsPerSession),
    sessions: Math.round(sessions),
    paymentsAllowed: input.paymentsAllowed,
    ...(scale < 1 ? { capped: { by: 'maxRequestsPerSecond' as const, share: scale } } : {}),
    ...(config.duration > config.limits.maxDuration ? { shortened: { fromMs: config.duration, toMs: config.limits.maxDuration } } : {}),
  };
};
