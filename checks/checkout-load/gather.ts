import type { GatherContext } from '../../src/engine/define-check.js';
import { runHammer, runLoad } from '../../src/load/index.js';
import type { Journey } from '../../src/journey/types.js';
import { CartObserver } from '../../src/shopify/cart-observer.js';
import { classifyThrottle } from '../../src/shopify/throttle.js';
import { packageVersion } from '../../src/lib/tool-version.js';
import type { CheckoutLoadArtifact } from './artifact.js';
import type { CheckoutLoadConfig } from './config.js';
import { hammerSteps } from './hammer-steps.js';
import { readInputs } from './journeys.js';
import { planLoad, type LoadPlan } from './plan.js';
import { paymentsAllowed } from './safety.js';
import { targetSeen } from './target.js';

/** Sessions in flight at most: what the busiest stage starts in two request timeouts, within bounds. */
const sessionsInFlight = (plan: LoadPlan, config: CheckoutLoadConfig): number =>
  Math.min(10_000, Math.max(16, Math.ceil(plan.sessionsPerSecond * (config.requestTimeout / 1_000) * 2)));

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
  const { hammer } = config;
  if (hammer === false || ctx.signal.aborted) return undefined;
  const journey = journeys.find((entry) => entry.name === hammer.journey) ?? journeys[0]!;
  const steps = hammerSteps(journey);
  if (steps.length === 0) return undefined;
  ctx.progress(`hammer: ${hammer.shoppers} shoppers on ${steps.map((step) => step.name).join(', ')}`);
  return runHammer({ target: base, shoppers: hammer.shoppers, durationMs: hammer.duration, steps, requestTimeoutMs: config.requestTimeout, headers, signal: ctx.signal, classifyThrottle });
};

/**
 * Refuses an unauthorised target before any lookup or request; otherwise reads the journeys, plans the
 * run from the profile, replays the journeys at the planned arrival rate, then hammers the cart.
 * Payment steps run only against loopback or a store in testMode.
 */
export const gather = async (ctx: GatherContext, config: CheckoutLoadConfig): Promise<CheckoutLoadArtifact> => {
  const target = targetSeen(config, ctx.allowProduction === true);
  if (!target.allowed) return { target };
  const inputs = await readInputs(config, ctx.profileDir);
  if ('problem' in inputs) return { target, problem: inputs.problem };
  const allowPayment = paymentsAllowed({ allowed: true, host: target.host, loopback: target.loopback, production: target.production }, config.testMode);
  const plan = planLoad({ config, journeys: inputs.journeys, ...(inputs.curve ? { curve: inputs.curve } : {}), paymentsAllowed: allowPayment });
  const { base, headers: credentials } = credentialsOf(config.target, ctx);
  const headers = { 'user-agent': `q4check/${packageVersion()} (authorised load test)`, ...credentials };
  ctx.logger.debug(`checkout-load: ${plan.sessions} sessions over ${plan.durationMs} ms against ${target.address}`);
  const run = await runLoad({
    target: base,
    journeys: inputs.journeys.map((journey, index) => ({ journey, weight: config.journeys[index]!.weight })),
    stages: plan.stages,
    conversion: config.conversion,
    allowPayment,
    requestTimeoutMs: config.requestTimeout,
    maxSessionsInFlight: sessionsInFlight(plan, config),
    maxRequestsPerSecond: config.limits.maxRequestsPerSecond,
    maxRequests: config.limits.maxRequests ?? Math.ceil(plan.totalRequests * 1.5) + 100,
    headers,
    signal: ctx.signal,
    classifyThrottle,
    observer: new CartObserver(),
    onProgress: (text) => ctx.progress(text),
    log: (line) => ctx.logger.debug(`checkout-load: ${line}`),
  });
  const hammer = run.cutOff ? undefined : await runHammerPhase(config, inputs.journeys, base, headers, ctx);
  return { target, plan, run, ...(hammer ? { hammer } : {}) };
};
