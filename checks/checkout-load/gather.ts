import type { GatherContext } from '../../src/engine/define-check.js';
import type { Journey } from '../../src/journey/types.js';
import { packageVersion } from '../../src/lib/tool-version.js';
import type { CheckoutLoadArtifact } from './artifact.js';
import { closeCollector, openCollector } from './attribution.js';
import type { CheckoutLoadConfig } from './config.js';
import { hammerPhase } from './hammer-steps.js';
import { inWorker } from './in-worker.js';
import { journeyVariants } from './journey-variants.js';
import { fromK6Summary } from './k6-results.js';
import { completedOf, raceAsSaved, runAsSaved } from './observations.js';
import type { LoadPlan } from './plan.js';
import { prepareLoad } from './prepare.js';
import { readAfter, readBefore } from './truth.js';

/** Sessions in flight at most: what the busiest stage starts in two request timeouts, within bounds. */
const sessionsInFlight = (plan: LoadPlan, config: CheckoutLoadConfig): number =>
  Math.min(10_000, Math.max(16, Math.ceil(plan.sessionsPerSecond * (config.requestTimeout / 1_000) * 2)));

/** The generator's thread reports progress for the spinner and lines for --debug. */
const sinksOf = (ctx: GatherContext) => ({ progress: (text: string) => ctx.progress(text), log: (line: string) => ctx.logger.debug(`checkout-load: ${line}`) });

/**
 * Credentials in the target URL (a password-protected staging store) become a Basic Authorization
 * header, registered as secrets; the engine gets the URL without them.
 */
const credentialsOf = (target: string, ctx: GatherContext): { base: string; headers: Record<string, string> } => {
  const url = new URL(target);
  if (url.username === '' && url.password === '') return { base: target, headers: {} };
  const pair = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  const encoded = Buffer.from(pair).toString('base64');
  for (const secret of [url.password, decodeURIComponent(url.password), encoded]) if (secret !== '') ctx.addSecret(secret);
  url.username = '';
  url.password = '';
  return { base: url.href, headers: { authorization: `Basic ${encoded}` } };
};

interface Target {
  base: string;
  headers: Record<string, string>;
}

const runHammerPhase = async (config: CheckoutLoadConfig, journeys: Journey[], target: Target, ctx: GatherContext) => {
  const phase = hammerPhase(config, journeys);
  if (!phase || ctx.signal.aborted) return undefined;
  ctx.progress(`hammer: ${phase.shoppers} shoppers on ${phase.steps.map((step) => step.name).join(', ')}`);
  return inWorker({ kind: 'hammer', options: { target: target.base, ...phase, requestTimeoutMs: config.requestTimeout, headers: target.headers } }, ctx.signal, sinksOf(ctx));
};

/** Doors open at 9:00: where payments may run, shoppers pay at the same instant, before the steady load. */
const runRacePhase = async (config: CheckoutLoadConfig, journeys: Journey[], paymentsAllowed: boolean, target: Target, ctx: GatherContext) => {
  const { race } = config;
  if (race === false || !paymentsAllowed) return undefined;
  const journey = journeys.find((entry) => (race.journey === undefined ? entry.steps.some((step) => step.payment === true) : entry.name === race.journey));
  if (!journey?.steps.some((step) => step.payment === true)) return undefined;
  ctx.progress(`race: ${race.shoppers} shoppers pay at once (${journey.name})`);
  return inWorker({ kind: 'race', options: { target: target.base, journey, shoppers: race.shoppers, requestTimeoutMs: config.requestTimeout, headers: target.headers } }, ctx.signal, sinksOf(ctx));
};

/**
 * Refuses an unauthorised target before any lookup or request; otherwise reads the journeys and plans
 * the run from the profile, reads the store's records (with `verify`) and opens the event collector
 * (with `attribution`), races shoppers to the payment where payments may run, replays the journeys at
 * the planned arrival rate, hammers the cart, then reads the records again and matches the events.
 */
export const gather = async (ctx: GatherContext, config: CheckoutLoadConfig): Promise<CheckoutLoadArtifact> => {
  const prepared = await prepareLoad(config, ctx.profileDir, ctx.allowProduction === true, ctx.addSecret);
  if (prepared.kind === 'refused') return { target: prepared.target };
  if (prepared.kind === 'problem') return { target: prepared.target, problem: prepared.problem };
  const { target, plan, journeys } = prepared;
  if (config.loadResults !== undefined) return fromK6Summary(config.loadResults, ctx.profileDir, target, plan, journeys);
  if (config.verify) ctx.addSecret(config.verify.adminToken);
  if (config.attribution?.webhookSecret) ctx.addSecret(config.attribution.webhookSecret);
  const { base, headers: credentials } = credentialsOf(config.target, ctx);
  const where: Target = { base, headers: { 'user-agent': `q4check/${packageVersion()} (authorised load test)`, ...credentials } };
  const before = config.verify ? await readBefore(config.verify, journeyVariants(journeys), ctx.signal) : undefined;
  const collector = config.attribution ? await openCollector(config.attribution, ctx.signal, sinksOf(ctx).log) : undefined;
  try {
    const race = await runRacePhase(config, journeys, prepared.paymentsAllowed, where, ctx);
    ctx.logger.debug(`checkout-load: ${plan.sessions} sessions over ${plan.durationMs} ms against ${target.address}`);
    const options = {
      target: base,
      journeys: journeys.map((journey, index) => ({ journey, weight: config.journeys[index]!.weight })),
      stages: plan.stages,
      conversion: config.conversion,
      allowPayment: prepared.paymentsAllowed,
      requestTimeoutMs: config.requestTimeout,
      maxSessionsInFlight: sessionsInFlight(plan, config),
      maxRequestsPerSecond: config.limits.maxRequestsPerSecond,
      maxRequests: config.limits.maxRequests ?? Math.ceil(plan.totalRequests * 1.5) + 100,
      headers: where.headers,
    };
    const run = race?.cutOff ? undefined : await inWorker({ kind: 'run', options }, ctx.signal, sinksOf(ctx));
    // A target that answered none of the run's requests is not hammered: nothing more would be learnt.
    const answered = run?.perSecond.some((second) => second.answered > 0) ?? false;
    const hammer = !run || run.cutOff || !answered ? undefined : await runHammerPhase(config, journeys, where, ctx);
    const completed = completedOf(race, run);
    const truth = config.verify && before && run && !run.cutOff ? await readAfter(before, config.verify, completed) : undefined;
    const attribution = config.attribution && collector ? await closeCollector(collector, config.attribution, completed, ctx.signal) : undefined;
    return {
      target,
      plan,
      // A race cut short leaves no run: judged as cut off like a run.
      run: run ? runAsSaved(run, race) : { ...emptyRun(), cutOff: race!.cutOff! },
      ...(race ? { race: raceAsSaved(race) } : {}),
      ...(hammer ? { hammer } : {}),
      ...(truth ? { truth } : {}),
      ...(attribution ? { attribution } : {}),
    };
  } finally {
    if (collector && !('error' in collector)) await collector.stop();
  }
};

const emptyRun = () => ({
  durationMs: 0,
  stages: [],
  perSecond: [],
  journeys: [],
  steps: [],
  throttling: [],
  generator: { lateStarts: 0, eventLoopDelayP99Ms: 0, cpuShare: 0, behind: false },
});
