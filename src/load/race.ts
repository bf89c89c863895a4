import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { builtInValues } from '../journey/references.js';
import { cutOffBy } from '../lib/cut-off.js';
import { Barrier } from './barrier.js';
import { PerSecond } from './per-second.js';
import { openTransport, splitTarget } from './run-transport.js';
import { newShopper, prepareStep, runSteps, sendStep, type SessionPlan, type SessionShared, type StepEnd } from './session.js';
import { StepStats } from './step-stats.js';
import { ThrottleLog } from './throttle-log.js';
import type { RaceOptions, RaceResult } from './types.js';

/** What became of one racing shopper. */
type RacerEnd = 'completed' | 'notCompleted' | 'failedBefore' | 'late' | 'cutOff';

/**
 * Past the longest way to the barrier: a shopper whose last request times out right at its limit has
 * failed by the deadline (and is not waited for), rather than counting as late.
 */
const BARRIER_GRACE_MS = 1000;

/** Every step before the payment with its think time and its time limit, plus the grace: the longest an honest shopper takes to the barrier. */
const defaultBarrierTimeoutMs = (options: RaceOptions<unknown>, paymentIndex: number): number =>
  options.journey.steps.slice(0, paymentIndex).reduce((sum, step) => sum + (step.thinkMs ?? 0) + options.requestTimeoutMs, BARRIER_GRACE_MS);

/**
 * The flash-sale race: `shoppers` sessions (each its own cookies and captures) start together, run the
 * journey to the step before its first payment step, and wait at a barrier; when all are there (or have
 * failed on the way, or the barrier's time is up) every one sends the payment step in the same tick, on
 * the same stock. Steps after the payment step are not run. Stopped by `signal`, it returns what it
 * measured, marked `cutOff`; the store's refusals and failures are counted, never thrown. It sends
 * payments: the caller runs it only where payments may run (loopback, or a store in test mode).
 */
export const runRace = async <Summary = unknown>(options: RaceOptions<Summary>): Promise<RaceResult<Summary>> => {
  const { journey } = options;
  const paymentIndex = journey.steps.findIndex((step) => step.payment === true);
  if (paymentIndex < 0) throw new Error(`journey ${journey.name} has no payment step: there is nothing to race for`);
  const { origin, basePath } = splitTarget(options.target);
  const transport = openTransport(options.signal, options.shoppers, options.requestTimeoutMs);
  const barrierTimeoutMs = options.barrierTimeoutMs ?? defaultBarrierTimeoutMs(options, paymentIndex);
  const stats = journey.steps.slice(0, paymentIndex + 1).map((step) => new StepStats(journey.name, step));
  const throttles = new ThrottleLog();
  const failuresLogged = new Set<string>();
  const originMs = performance.now();
  const shared: SessionShared = {
    dispatcher: transport.dispatcher,
    origin,
    basePath,
    headers: options.headers ?? {},
    requestTimeoutMs: options.requestTimeoutMs,
    allowPayment: true,
    originMs,
    signal: transport.stopSignal,
    requests: transport.requests,
    // Nothing reads the race per second; sized for the whole race so no count wraps.
    perSecond: new PerSecond((barrierTimeoutMs + options.requestTimeoutMs) / 1000 + 1),
    throttles,
    classifyThrottle: options.classifyThrottle,
    onRequest: () => undefined,
    onFailure: (journeyName, step, why) => {
      const key = `${step}\u0000${why}`;
      if (failuresLogged.has(key)) return;
      failuresLogged.add(key);
      options.log?.(`race: ${journeyName} · ${step}: a shopper dropped out: ${why}`);
    },
  };
  const barrier = new Barrier<StepEnd>(options.shoppers, barrierTimeoutMs, transport.stopSignal);
  const runId = randomBytes(4).toString('hex');
  const paymentStep = journey.steps[paymentIndex]!;

  const race = async (shopperIndex: number): Promise<RacerEnd> => {
    const plan: SessionPlan = {
      journey,
      stats,
      converting: true,
      plannedAt: originMs,
      watch: options.observer?.forShopper(),
      builtIns: builtInValues({ runId, shopperIndex }),
    };
    const shopper = newShopper(plan);
    const way = await runSteps(shared, plan, shopper, paymentIndex);
    const prepared = way.outcome === 'completed' ? prepareStep(shared, shopper, paymentStep) : undefined;
    if (prepared === undefined || 'why' in prepared) {
      barrier.leave();
      if (prepared !== undefined) shared.onFailure(journey.name, paymentStep.name, prepared.why);
      return way.outcome === 'cutOff' ? 'cutOff' : 'failedBefore';
    }
    const at = await barrier.arrive(() => sendStep(shared, plan, shopper, prepared, paymentIndex, performance.now()));
    if ('late' in at) return 'late';
    if ('stopped' in at) return 'cutOff';
    const paid = await at.sent;
    if (paid.end === 'cutOff') return 'cutOff';
    return paid.end === 'answered' ? 'completed' : 'notCompleted';
  };

  let ends: RacerEnd[];
  try {
    ends = await Promise.all(
      Array.from({ length: options.shoppers }, (_, index) =>
        race(index).catch((error: unknown): RacerEnd => {
          shared.onFailure(journey.name, '(shopper)', (error as Error).message ?? String(error));
          barrier.leave();
          return 'failedBefore';
        }),
      ),
    );
  } finally {
    transport.close();
  }
  const count = (end: RacerEnd): number => ends.filter((each) => each === end).length;
  return {
    journey: journey.name,
    paymentStep: paymentStep.name,
    shoppers: options.shoppers,
    reachedBarrier: barrier.sent,
    failedBeforeBarrier: count('failedBefore'),
    late: count('late'),
    sent: barrier.sent,
    completed: count('completed'),
    spreadMs: Math.round(barrier.spreadMs * 1000) / 1000,
    barrierTimedOut: barrier.timedOut,
    durationMs: Math.round(performance.now() - originMs),
    steps: stats.map((each) => each.result()),
    throttling: throttles.result(),
    ...(options.observer ? { observations: options.observer.summary() } : {}),
    ...(options.signal.aborted ? { cutOff: cutOffBy(options.signal) } : {}),
  };
};
