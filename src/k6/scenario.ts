import type { LoadPlan, PlannedJourney } from '../../checks/checkout-load/plan.js';
import type { Journey } from '../journey/types.js';
import { selectorSafe } from './metrics.js';

/**
 * k6 arrival rates are whole numbers per `timeUnit`; a journey's share of a small store is a fraction of
 * a session a second, so rates are written per minute (0.35/s is 21/min, exactly).
 */
const TIME_UNIT = '1m';
const perMinute = (sessionsPerSecond: number): number => Math.round(sessionsPerSecond * 60);

/** k6 durations: whole seconds where they are, else milliseconds. */
const duration = (ms: number): string => (ms % 1_000 === 0 ? `${ms / 1_000}s` : `${Math.round(ms)}ms`);

/** Time one session may take: its think time plus `perRequestMs` for each request. */
const sessionMs = (journey: Journey, perRequestMs: number): number =>
  journey.steps.reduce((sum, step) => sum + (step.thinkMs ?? 0) + perRequestMs, 0);

export interface ScenarioInput {
  journey: Journey;
  planned: PlannedJourney;
  plan: LoadPlan;
  /** The exported function that runs one session. */
  exec: string;
  requestTimeoutMs: number;
}

/**
 * One journey's ramping-arrival-rate scenario. The plan's stages hold a rate and then step to the next;
 * k6 ramps linearly between targets, so each stage is a 0 s jump to its rate, then that rate held.
 * VUs: enough pre-allocated for sessions of a healthy store (one second a request), at most enough for
 * every session to use its whole request timeout; an iteration due when all are busy is dropped, as the
 * engine drops a session when its in-flight limit is full.
 */
export const k6Scenario = ({ journey, planned, plan, exec, requestTimeoutMs }: ScenarioInput) => {
  const rate = (stageRate: number): number => perMinute((stageRate * planned.share));
  const peakPerSecond = planned.sessionsPerSecond;
  const maxVUs = Math.max(1, Math.ceil((peakPerSecond * sessionMs(journey, requestTimeoutMs)) / 1_000));
  const preAllocatedVUs = Math.min(maxVUs, Math.max(1, Math.ceil((peakPerSecond * sessionMs(journey, 1_000)) / 1_000)));
  return {
    executor: 'ramping-arrival-rate',
    exec,
    startRate: rate(plan.stages[0]?.sessionsPerSecond ?? 0),
    timeUnit: TIME_UNIT,
    preAllocatedVUs,
    maxVUs,
    stages: plan.stages.flatMap((stage, index) => [
      ...(index === 0 ? [] : [{ target: rate(stage.sessionsPerSecond), duration: '0s' }]),
      { target: rate(stage.sessionsPerSecond), duration: duration(stage.durationMs) },
    ]),
    tags: { journey: selectorSafe(journey.name) },
  };
};
