import type { Journey, JourneyStep } from '../journey/types.js';

/** A journey with its share of the sessions. */
export interface WeightedJourney {
  journey: Journey;
  /** Shares need not sum to 1: they are normalised. */
  weight: number;
}

/** A stretch of the run at one arrival rate; a ramp is a list of stages. */
export interface Stage {
  durationMs: number;
  /** Sessions started a second, over all journeys. */
  sessionsPerSecond: number;
}

/** The forms Shopify throttles in: 429, 430, 503 with Retry-After, and a 200 whose JSON says THROTTLED. */
export type ThrottleForm = '429' | '430' | '503-retry-after' | '200-throttled';

/** One answered (or failed) request, as an observer sees it. */
export interface Exchange {
  journey: string;
  step: JourneyStep;
  stepIndex: number;
  method: string;
  /** The path sent, after captures were filled in, without query string. */
  path: string;
  /** The request body as sent, when there was one. */
  requestBody?: string;
  status?: number;
  /** Lower-case names; repeated headers (set-cookie) as arrays. */
  headers: Record<string, string | string[]>;
  /** The answer's text, at most 256 KB (longer ones are cut). */
  body?: string;
  /** Transport trouble: 'timeout', 'connection refused', 'connection reset', … */
  error?: string;
  /** From the intended start of the step to the end of the answer. */
  latencyMs: number;
  /** Since the run began. */
  atMs: number;
}

/** Sees every exchange of one shopper in order: made once per session. */
export type ShopperWatch = (exchange: Exchange) => void;

/** Watches exchanges for something the engine knows nothing of (the Shopify cart's consistency). */
export interface Observer<Summary> {
  forShopper(): ShopperWatch;
  summary(): Summary;
}

export interface RunOptions<Summary = unknown> {
  /** Origin plus optional base path; step paths are appended. */
  target: string;
  journeys: WeightedJourney[];
  stages: Stage[];
  /** Share of sessions that go on from a journey's checkoutFrom step, 0..1; chosen evenly, not randomly. */
  conversion: number;
  /** false: a journey stops before its first payment step (the hand-off) and counts as stopped there. */
  allowPayment: boolean;
  requestTimeoutMs: number;
  /** Sessions in flight at most; a session due when all are busy is dropped, not delayed. */
  maxSessionsInFlight: number;
  /** Hard caps from the profile's limits: the run stops starting sessions once either is reached. */
  maxRequestsPerSecond?: number;
  maxRequests?: number;
  /** Sent with every request, e.g. a User-Agent naming q4check. */
  headers?: Record<string, string>;
  signal: AbortSignal;
  classifyThrottle?(exchange: Exchange): ThrottleForm | undefined;
  observer?: Observer<Summary>;
  onProgress?(text: string): void;
  log?(line: string): void;
}

export interface Percentiles {
  count: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export interface SecondSample {
  /** Seconds since the run began. */
  second: number;
  /** Sessions the plan started in this second. */
  planned: number;
  started: number;
  dropped: number;
  /** Requests answered (any status) and failed (transport error or timeout) in this second. */
  answered: number;
  failed: number;
}

export interface StepResult {
  journey: string;
  step: string;
  method: string;
  /** The step's path as written in the journey, with its {{references}}. */
  path: string;
  requests: number;
  /** Count per status code ("200", "302", "422"). */
  statuses: Record<string, number>;
  timeouts: number;
  /** Transport errors other than timeouts, by message. */
  transportErrors: Record<string, number>;
  /** Answers whose status or JSON did not match the step's expect. */
  unexpected: number;
  throttled: number;
  latency: Percentiles;
}

/**
 * Every started session ends as exactly one of completed, stoppedAtHandOff or failed, or was cut off by
 * the run's stop (counted in `started` only): started = completed + stoppedAtHandOff + failed + cut off.
 * A hand-off is neither a success nor a failure: the store did its part up to the payment it may not take.
 * planned = started + dropped + those the plan had not reached when a cap or a stop ended the run.
 */
export interface JourneyResult {
  name: string;
  /** Sessions the plan meant to start. */
  planned: number;
  started: number;
  dropped: number;
  /** Sessions that ran every step they were meant to run with answers as expected. */
  completed: number;
  /** Sessions chosen to go on to checkout. */
  converting: number;
  /** Converting sessions stopped before a payment step because payments may not run here. */
  stoppedAtHandOff: number;
  /** Sessions ended early by an error, a timeout, an unexpected answer or a capture that found nothing. */
  failed: number;
  /** Whole-session latency of the completed ones, think time excluded. */
  latency: Percentiles;
}

export interface ThrottleSeen {
  form: ThrottleForm;
  journey: string;
  step: string;
  count: number;
  /** When the first one came, since the run began. */
  firstAtMs: number;
  retryAfterSeconds?: number;
}

export interface GeneratorHealth {
  /** Sessions that started more than 100 ms after their planned time. */
  lateStarts: number;
  eventLoopDelayP99Ms: number;
  /** CPU time used over wall time, 0..(cores). */
  cpuShare: number;
  /** True when the generator, not the store, limited the run (late starts over 5% or the loop lagging). */
  behind: boolean;
}

export interface RunResult<Summary = unknown> {
  durationMs: number;
  stages: { durationMs: number; sessionsPerSecond: number; planned: number; started: number; dropped: number }[];
  perSecond: SecondSample[];
  journeys: JourneyResult[];
  steps: StepResult[];
  throttling: ThrottleSeen[];
  /** Which cap stopped new sessions early, and when. */
  capped?: { by: 'maxRequestsPerSecond' | 'maxRequests'; atMs: number };
  generator: GeneratorHealth;
  observations?: Summary;
  /** The run was stopped before its end by the check's time limit or Ctrl-C. */
  cutOff?: 'timeout' | 'interrupted';
}

/** A fixed number of shoppers sending the same requests as fast as answered: concurrent adds to one variant. */
export interface HammerOptions {
  target: string;
  /** Concurrent connections, one shopper each. */
  shoppers: number;
  durationMs: number;
  /** The requests each shopper loops over, in order (e.g. add to cart, read the cart). */
  steps: JourneyStep[];
  requestTimeoutMs: number;
  headers?: Record<string, string>;
  signal: AbortSignal;
  classifyThrottle?(exchange: Exchange): ThrottleForm | undefined;
}

export interface HammerResult {
  shoppers: number;
  durationMs: number;
  steps: StepResult[];
  /** Requests written that never got an answer (a Connection: close between steps, a close-delimited answer). */
  unanswered: number;
  throttling: ThrottleSeen[];
  cutOff?: 'timeout' | 'interrupted';
}

/**
 * The flash-sale race: shoppers take one journey to the step before its first payment step, wait at a
 * barrier until all have arrived (or dropped out), then all send that payment step in the same tick.
 */
export interface RaceOptions<Summary = unknown> {
  target: string;
  /** Must have a step marked `payment: true`: the one raced for. Steps after it are not run. */
  journey: Journey;
  shoppers: number;
  requestTimeoutMs: number;
  /**
   * How long after the start the barrier waits for the last shopper before it lets those present go;
   * one arriving later does not pay. Default: every step before the payment with its think time and
   * time limit, and a second more, so a shopper still on its way can only be one whose requests are
   * failing anyway.
   */
  barrierTimeoutMs?: number;
  headers?: Record<string, string>;
  signal: AbortSignal;
  classifyThrottle?(exchange: Exchange): ThrottleForm | undefined;
  observer?: Observer<Summary>;
  log?(line: string): void;
}

/** shoppers = reachedBarrier + failedBeforeBarrier + late + those a stop cut off before the barrier. */
export interface RaceResult<Summary = unknown> {
  journey: string;
  /** The step raced for. */
  paymentStep: string;
  shoppers: number;
  /** Shoppers that ran every step before the payment step as expected and were at the barrier when it opened. */
  reachedBarrier: number;
  /** Shoppers ended before the barrier by an error, a timeout, an unexpected answer or a capture that found nothing. */
  failedBeforeBarrier: number;
  /** Shoppers that reached the barrier after it had opened without them: they did not pay. */
  late: number;
  /** Payment steps sent when the barrier opened (those at the barrier). */
  sent: number;
  /** Payment steps answered as the step expects. */
  completed: number;
  /** Milliseconds between the first and the last payment send: how closely the shoppers collided. */
  spreadMs: number;
  /** The barrier opened before every shopper arrived: its time ran out. */
  barrierTimedOut: boolean;
  durationMs: number;
  /** Every step up to the payment step, in the journey's order. */
  steps: StepResult[];
  throttling: ThrottleSeen[];
  observations?: Summary;
  cutOff?: 'timeout' | 'interrupted';
}
