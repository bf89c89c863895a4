import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import type { Journey, JourneyStep } from '../journey/types.js';
import { Answer } from './answer.js';
import { runCapture } from './captures.js';
import { unmetExpectation } from './expect.js';
import type { PerSecond } from './per-second.js';
import { fillStep, MissingReference } from '../journey/references.js';
import { partsFor, type FilledRequest } from './request-parts.js';
import { sendOnce, type InFlightRequests } from './send.js';
import { SessionJar } from './session-jar.js';
import type { StepStats } from './step-stats.js';
import type { ThrottleLog } from './throttle-log.js';
import type { Exchange, ShopperWatch, ThrottleForm } from './types.js';

/** What a session's run shares with every other: the transport, the tallies, the clock's origin. */
export interface SessionShared {
  dispatcher: Dispatcher;
  origin: string;
  basePath: string;
  headers: Readonly<Record<string, string>>;
  requestTimeoutMs: number;
  allowPayment: boolean;
  /** performance.now() at the run's origin. */
  originMs: number;
  /** Think times end early when it aborts. */
  signal: AbortSignal;
  /** Requests in flight, all aborted at a stop. */
  requests: InFlightRequests;
  perSecond: PerSecond;
  throttles: ThrottleLog;
  classifyThrottle: ((exchange: Exchange) => ThrottleForm | undefined) | undefined;
  /** Counted as each request goes out, for the run's caps. */
  onRequest(atMs: number): void;
  /** A reason a session failed, for the debug log (the first of each kind). */
  onFailure(journey: string, step: string, why: string): void;
}

export interface SessionPlan {
  journey: Journey;
  stats: readonly StepStats[];
  converting: boolean;
  /** The planned start, as performance.now() time: the first step's latency counts from here. */
  plannedAt: number;
  watch: ShopperWatch | undefined;
  /** Built-in values references may use before anything is captured. */
  builtIns: Readonly<Record<string, string>>;
}

export type SessionEnd =
  | { outcome: 'completed'; latencyMs: number }
  | { outcome: 'failed' | 'handOff' | 'cutOff' };

const sleepUntil = (at: number, signal: AbortSignal): Promise<void> => {
  const wait = at - performance.now();
  if (wait <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, wait);
    signal.addEventListener('abort', done, { once: true });
  });
};

/** The steps this session runs: browsing always, the rest only when it converts. */
const lastStepOf = (journey: Journey, converting: boolean): number => (converting ? journey.steps.length : Math.min(journey.checkoutFrom, journey.steps.length));

/** One shopper's own state across its steps: cookies and captured values. */
export interface ShopperState {
  jar: SessionJar;
  values: Record<string, string>;
}

export const newShopper = (plan: SessionPlan): ShopperState => ({ jar: new SessionJar(), values: { ...plan.builtIns } });

/**
 * One shopper: its own cookie jar and captures, its steps in order, each step's latency from when it was
 * meant to start (the plan's time for the first, the previous answer plus think time for the others), so
 * a slow store cannot hide its slowness by delaying the requests that would measure it.
 */
export const runSession = async (shared: SessionShared, plan: SessionPlan): Promise<SessionEnd> =>
  runSteps(shared, plan, newShopper(plan), lastStepOf(plan.journey, plan.converting));

/**
 * Runs the journey's steps before `until` (a payment step not allowed here ends it as a hand-off);
 * `completed` means each of them was answered as expected. The race runs a journey this far, then its
 * payment step on its own.
 */
export const runSteps = async (shared: SessionShared, plan: SessionPlan, shopper: ShopperState, until: number): Promise<SessionEnd> => {
  const { journey } = plan;
  let intendedAt = plan.plannedAt;
  let sessionLatencyMs = 0;
  for (let index = 0; index < until; index++) {
    const step = journey.steps[index]!;
    if (step.payment && !shared.allowPayment) return { outcome: 'handOff' };
    if (index > 0 && step.thinkMs) {
      intendedAt += step.thinkMs;
      await sleepUntil(intendedAt, shared.signal);
    }
    if (shared.signal.aborted) return { outcome: 'cutOff' };
    const prepared = prepareStep(shared, shopper, step);
    const result = 'why' in prepared ? ({ end: 'failed', why: prepared.why } as const) : await sendStep(shared, plan, shopper, prepared, index, intendedAt);
    if (result.end === 'cutOff') return { outcome: 'cutOff' };
    if (result.end === 'failed') {
      shared.onFailure(journey.name, step.name, result.why);
      return { outcome: 'failed' };
    }
    sessionLatencyMs += result.latencyMs;
    intendedAt = result.endedAt;
  }
  return { outcome: 'completed', latencyMs: sessionLatencyMs };
};

export type StepEnd = { end: 'answered'; latencyMs: number; endedAt: number } | { end: 'failed'; why: string } | { end: 'cutOff' };

/** A step with its references filled and its cookies set: ready to go out the moment it is sent. */
export interface PreparedStep {
  step: JourneyStep;
  filled: FilledRequest;
  /** Base path and step path. */
  path: string;
  url: string;
}

/** The step's request as it will be sent, or why it cannot be (a reference nothing captured). */
export const prepareStep = (shared: SessionShared, shopper: ShopperState, step: JourneyStep): PreparedStep | { why: string } => {
  let filled;
  try {
    filled = partsFor(step, shared.headers, (template) => fillStep(template, shopper.values));
  } catch (error) {
    if (error instanceof MissingReference) return { why: error.message };
    throw error;
  }
  const path = shared.basePath + filled.path;
  const url = shared.origin + path;
  const cookie = shopper.jar.cookieFor(url);
  if (cookie !== undefined) filled.headers.cookie = cookie;
  return { step, filled, path, url };
};

/** Sends a prepared step once and reads its answer: tallied, watched, checked and captured from. */
export const sendStep = async (shared: SessionShared, plan: SessionPlan, shopper: ShopperState, prepared: PreparedStep, index: number, intendedAt: number): Promise<StepEnd> => {
  const { step, filled, path, url } = prepared;
  const { jar, values } = shopper;
  shared.onRequest(performance.now() - shared.originMs);
  let reply;
  try {
    reply = await sendOnce(shared.dispatcher, { origin: shared.origin, path, method: step.method, headers: filled.headers, ...(filled.body === undefined ? {} : { body: filled.body }) }, shared.requestTimeoutMs, shared.requests);
  } catch {
    return { end: 'cutOff' };
  }
  const endedAt = performance.now();
  const latencyMs = endedAt - intendedAt;
  const atMs = endedAt - shared.originMs;
  const stats = plan.stats[index]!;
  const exchange: Exchange = {
    journey: plan.journey.name,
    step,
    stepIndex: index,
    method: step.method,
    path: filled.path.split('?', 1)[0]!,
    ...(filled.body === undefined ? {} : { requestBody: filled.body }),
    headers: 'error' in reply ? {} : reply.headers,
    latencyMs,
    atMs,
    ...('error' in reply ? { error: reply.error } : { status: reply.status, body: reply.body }),
  };
  if ('error' in reply) {
    shared.perSecond.add('failed', atMs);
    stats.record({ error: reply.error, latencyMs });
    plan.watch?.(exchange);
    return { end: 'failed', why: reply.error };
  }
  shared.perSecond.add('answered', atMs);
  const throttled = shared.throttles.note(exchange, shared.classifyThrottle);
  const answer = new Answer(reply.status, reply.headers, reply.body);
  jar.store(answer.setCookies(), url);
  const unmet = unmetExpectation(step.expect, answer);
  stats.record({ status: reply.status, latencyMs, unexpected: unmet !== undefined, throttled });
  plan.watch?.(exchange);
  if (unmet !== undefined) return { end: 'failed', why: unmet };
  for (const capture of step.capture ?? []) {
    const value = runCapture(capture, answer, (name) => jar.value(name, url));
    if (value === undefined) return { end: 'failed', why: `capture ${capture.name} found nothing` };
    values[capture.name] = value;
  }
  return { end: 'answered', latencyMs, endedAt };
};
