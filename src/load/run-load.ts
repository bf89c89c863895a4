import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { builtInValues } from '../journey/references.js';
import { cutOffBy } from '../lib/cut-off.js';
import { GeneratorWatch } from './generator-watch.js';
import { LatencyHistogram } from './latency-histogram.js';
import { PerSecond } from './per-second.js';
import { arrivals, converts, planDurationMs, type Arrival } from './plan.js';
import { openTransport, splitTarget } from './run-transport.js';
import { runSession, type SessionEnd, type SessionShared } from './session.js';
import { StepStats } from './step-stats.js';
import { ThrottleLog } from './throttle-log.js';
import type { JourneyResult, RunOptions, RunResult } from './types.js';

/** After a stop, sessions get this long to notice before the partial result is returned regardless. */
const STOP_GRACE_MS = 1500;
const PROGRESS_EVERY_MS = 250;

/** A journey's result as it is counted: the latency still a histogram. */
type JourneyTally = Omit<JourneyResult, 'name' | 'latency'> & { latency: LatencyHistogram };

const newTally = (): JourneyTally => ({ planned: 0, started: 0, dropped: 0, completed: 0, converting: 0, stoppedAtHandOff: 0, failed: 0, latency: new LatencyHistogram() });

/** The longest one session of the run can last: every step's think time plus its time limit. */
const longestSessionMs = (options: RunOptions<unknown>): number =>
  Math.max(0, ...options.journeys.map(({ journey }) => journey.steps.reduce((sum, step) => sum + (step.thinkMs ?? 0) + options.requestTimeoutMs, 0)));

/**
 * Runs journeys against the target under an open arrival model: sessions start on the plan's schedule
 * whatever the store's answers do; one due while `maxSessionsInFlight` are busy is dropped and counted,
 * never delayed. Stopped by `signal`, it returns what it measured so far, marked `cutOff`. Never throws
 * for the store's trouble: refusals, resets and silence are counted per step.
 */
export const runLoad = async <Summary = unknown>(options: RunOptions<Summary>): Promise<RunResult<Summary>> => {
  const { origin, basePath } = splitTarget(options.target);
  const transport = openTransport(options.signal, options.maxSessionsInFlight, options.requestTimeoutMs);
  const { dispatcher, requests, stopSignal } = transport;

  const durationMs = planDurationMs(options.stages);
  const perSecond = new PerSecond((durationMs + longestSessionMs(options)) / 1000 + 1);
  const journeys = options.journeys.map(newTally);
  const stages = options.stages.map((stage) => ({ ...stage, planned: 0, started: 0, dropped: 0 }));
  for (const arrival of arrivals(options.stages, options.journeys)) {
    journeys[arrival.journey]!.planned++;
    stages[arrival.stage]!.planned++;
    perSecond.add('planned', arrival.atMs);
  }
  const plannedTotal = stages.reduce((sum, stage) => sum + stage.planned, 0);
  const stepStats = options.journeys.map(({ journey }) => journey.steps.map((step) => new StepStats(journey.name, step)));
  const throttles = new ThrottleLog();
  const runId = randomBytes(4).toString('hex');
  const failuresLogged = new Set<string>();
  let requestsSent = 0;
  let capped: RunResult['capped'];
  const originMs = performance.now();
  const watch = new GeneratorWatch();

  const shared: SessionShared = {
    dispatcher,
    origin,
    basePath,
    headers: options.headers ?? {},
    requestTimeoutMs: options.requestTimeoutMs,
    allowPayment: options.allowPayment,
    originMs,
    signal: stopSignal,
    requests,
    perSecond,
    throttles,
    classifyThrottle: options.classifyThrottle,
    onRequest: (atMs) => {
      requestsSent++;
      perSecond.add('requests', atMs);
    },
    onFailure: (journey, step, why) => {
      const key = `${journey}\u0000${step}\u0000${why}`;
      if (failuresLogged.has(key)) return;
      failuresLogged.add(key);
      options.log?.(`load: ${journey} · ${step}: a session failed: ${why}`);
    },
  };

  let inFlight = 0;
  let finished = 0;
  let shopperIndex = 0;
  let lastProgressAt = -Infinity;
  let drained: (() => void) | undefined;
  /** Starts or drops the sessions due by now; set while sessions are still being started. */
  let startDue: (() => void) | undefined;
  const progress = (force = false): void => {
    const now = performance.now();
    if (!options.onProgress || (!force && now - lastProgressAt < PROGRESS_EVERY_MS)) return;
    lastProgressAt = now;
    options.onProgress(`${finished}/${plannedTotal} sessions`);
  };

  const settle = (tally: JourneyTally, end: SessionEnd): void => {
    inFlight--;
    finished++;
    if (end.outcome === 'completed') {
      tally.completed++;
      tally.latency.record(end.latencyMs);
    } else if (end.outcome === 'failed') tally.failed++;
    else if (end.outcome === 'handOff') tally.stoppedAtHandOff++;
    if (inFlight === 0) drained?.();
    // A freed slot takes a session already due at once, instead of idling until the next timer.
    startDue?.();
  };

  const drop = (arrival: Arrival): void => {
    journeys[arrival.journey]!.dropped++;
    stages[arrival.stage]!.dropped++;
    perSecond.add('dropped', arrival.atMs);
  };

  /** Starts the session due now, or drops it; false once a cap ends the starting of sessions. */
  const startOrDrop = (arrival: Arrival, nowMs: number): boolean => {
    if (options.maxRequests !== undefined && requestsSent >= options.maxRequests) {
      capped ??= { by: 'maxRequests', atMs: Math.round(nowMs) };
      return false;
    }
    if (options.maxRequestsPerSecond !== undefined && perSecond.get('requests', nowMs) >= options.maxRequestsPerSecond) {
      capped ??= { by: 'maxRequestsPerSecond', atMs: Math.round(nowMs) };
      drop(arrival);
      return true;
    }
    if (inFlight >= options.maxSessionsInFlight) {
      drop(arrival);
      return true;
    }
    const tally = journeys[arrival.journey]!;
    const { journey } = options.journeys[arrival.journey]!;
    const converting = converts(arrival.indexInJourney, options.conversion) && journey.checkoutFrom < journey.steps.length;
    tally.started++;
    if (converting) tally.converting++;
    stages[arrival.stage]!.started++;
    perSecond.add('started', arrival.atMs);
    watch.noteStart(nowMs - arrival.atMs);
    inFlight++;
    runSession(shared, {
      journey,
      stats: stepStats[arrival.journey]!,
      converting,
      plannedAt: originMs + arrival.atMs,
      watch: options.observer?.forShopper(),
      builtIns: builtInValues({ runId, shopperIndex: shopperIndex++ }),
    }).then(
      (end) => settle(tally, end),
      (error: unknown) => {
        shared.onFailure(journey.name, '(session)', (error as Error).message ?? String(error));
        settle(tally, { outcome: 'failed' });
      },
    );
    return true;
  };

  try {
    await new Promise<void>((resolve) => {
      const plan = arrivals(options.stages, options.journeys);
      let next = plan.next();
      let timer: NodeJS.Timeout | undefined;
      const finish = (): void => {
        clearTimeout(timer);
        startDue = undefined;
        stopSignal.removeEventListener('abort', finish);
        resolve();
      };
      startDue = (): void => {
        const nowMs = performance.now() - originMs;
        while (!next.done && next.value.atMs <= nowMs && !stopSignal.aborted) {
          if (!startOrDrop(next.value, nowMs)) return finish();
          next = plan.next();
        }
        if (next.done || stopSignal.aborted) finish();
      };
      const tick = (): void => {
        startDue?.();
        progress();
        if (next.done || stopSignal.aborted || !startDue) return;
        // Each wait is measured from the run's origin, so timer lateness never adds up.
        timer = setTimeout(tick, Math.max(0, next.value.atMs - (performance.now() - originMs)));
      };
      stopSignal.addEventListener('abort', finish, { once: true });
      tick();
    });
    if (inFlight > 0) {
      await new Promise<void>((resolve) => {
        let timer: NodeJS.Timeout | undefined;
        const done = (): void => {
          clearTimeout(timer);
          stopSignal.removeEventListener('abort', graceful);
          resolve();
        };
        const graceful = (): void => {
          timer = setTimeout(done, STOP_GRACE_MS);
        };
        drained = done;
        if (stopSignal.aborted) graceful();
        else stopSignal.addEventListener('abort', graceful, { once: true });
      });
    }
  } finally {
    transport.close();
  }
  progress(true);
  const started = journeys.reduce((sum, tally) => sum + tally.started, 0);
  return {
    durationMs: Math.round(performance.now() - originMs),
    stages,
    perSecond: perSecond.samples(),
    journeys: journeys.map((tally, index): JourneyResult => {
      const { latency, ...counts } = tally;
      return { name: options.journeys[index]!.journey.name, ...counts, latency: latency.summary() };
    }),
    steps: stepStats.flat().map((stats) => stats.result()),
    throttling: throttles.result(),
    ...(capped ? { capped } : {}),
    generator: watch.finish(started),
    ...(options.observer ? { observations: options.observer.summary() } : {}),
    ...(options.signal.aborted ? { cutOff: cutOffBy(options.signal) } : {}),
  };
};
