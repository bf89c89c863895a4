import type { GatherContext } from '../../src/engine/define-check.js';
import type { Journey } from '../../src/journey/types.js';
import { toolVersion } from '../../src/cli/version.js';
import type { CheckoutLoadArtifact } from './artifact.js';
import type { CheckoutLoadConfig } from './config.js';
import { hammerPhase } from './hammer-steps.js';
import { inWorker } from './in-worker.js';
import type { LoadPlan } from './plan.js';
import { fromK6Summary } from './k6-results.js';
import { prepareLoad } from './prepare.js';

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

const runHammerPhase = async (config: CheckoutLoadConfig, journeys: Journey[], base: string, headers: Record<string, string>, ctx: GatherContext) => {
  const phase = hammerPhase(config, journeys);
  if (!phase || ctx.signal.aborted) return undefined;
  ctx.progress(`hammer: ${phase.shoppers} shoppers on ${phase.steps.map((step) => step.name).join(', ')}`);
  return inWorker({ kind: 'hammer', options: { target: base, ...phase, requestTimeoutMs: config.requestTimeout, headers } }, ctx.signal, sinksOf(ctx));
};

/**
 * Refuses an unauthorised target before any lookup or request; otherwise reads the journeys, plans the
 * run from the profile, replays the journeys at the planned arrival rate, then hammers the cart.
 * Payment steps run only against loopback or a store in testMode.
 */
export const gather = async (ctx: GatherContext, config: CheckoutLoadConfig): Promise<CheckoutLoadArtifact> => {
  const prepared = await prepareLoad(config, ctx.profileDir, ctx.allowProduction === true);
  if (prepared.kind === 'refused') return { target: prepared.target };
  if (prepared.kind === 'problem') return { target: prepared.target, problem: prepared.problem };
  const { target, plan, journeys } = prepared;
  if (config.loadResults !== undefined) return fromK6Summary(config.loadResults, ctx.profileDir, target, plan, journeys);
  const { base, headers: credentials } = credentialsOf(config.target, ctx);
  const headers = { 'user-agent': `q4check/${toolVersion()} (authorised load test)`, ...credentials };
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
    headers,
  };
  const run = await inWorker({ kind: 'run', options }, ctx.signal, sinksOf(ctx));
  const hammer = run.cutOff ? undefined : await runHammerPhase(config, journeys, base, headers, ctx);
  return { target, plan, run, ...(hammer ? { hammer } : {}) };
};
