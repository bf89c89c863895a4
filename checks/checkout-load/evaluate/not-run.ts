import type { Verdict } from '../../../src/engine/define-check.js';
import type { CheckoutLoadArtifact } from '../artifact.js';
import type { CheckoutLoadConfig } from '../config.js';
import type { CheckoutLoadRule } from '../rules.js';
import { NO_ATTRIBUTION } from './attribution-events.js';
import { NO_VERIFY } from './ground-truth.js';

const LOAD_RULES = ['throughput', 'latency', 'error-rate', 'throttling', 'cart-consistency', 'oversold-stock', 'duplicate-orders', 'attribution-events'] as const satisfies readonly CheckoutLoadRule[];

const CUT_OFF_CAUSE = {
  timeout: "timeout: the check's time limit stopped the load test before its end",
  interrupted: 'interrupted: the run was stopped before the load test ended',
} as const;

/**
 * When the load rules have nothing whole to judge, one verdict each saying why: a refused target (skip,
 * nothing was sent), a journey that could not be read, or a run cut short (a partial run never passes).
 * Undefined when the run is there to judge.
 */
export const notRun = (artifact: CheckoutLoadArtifact, config: Pick<CheckoutLoadConfig, 'verify' | 'attribution'>): Verdict<CheckoutLoadRule>[] | undefined => {
  const verdicts = whyNotRun(artifact);
  // A rule the profile did not ask for says so, whatever stopped the run.
  const asked = (rule: CheckoutLoadRule): boolean => (rule === 'attribution-events' ? config.attribution !== undefined : rule === 'oversold-stock' || rule === 'duplicate-orders' ? config.verify !== undefined : true);
  return verdicts?.map((verdict) => (asked(verdict.rule) || verdict.status === 'skip' ? verdict : { rule: verdict.rule, subject: verdict.subject, status: 'skip', message: NOT_ASKED[verdict.rule] ?? '' }));
};

const NOT_ASKED: Partial<Record<CheckoutLoadRule, string>> = {
  'oversold-stock': NO_VERIFY,
  'duplicate-orders': NO_VERIFY,
  'attribution-events': NO_ATTRIBUTION,
};

/**
 * A target that answered nothing at all (a wrong port, a store that was never up) is trouble reaching
 * it, not a store failing at the peak: the cause names the transport error most requests got.
 */
const answeredNothing = (artifact: CheckoutLoadArtifact): string | undefined => {
  const steps = artifact.run?.steps ?? [];
  if (steps.length === 0 || steps.some((step) => Object.keys(step.statuses).length > 0)) return undefined;
  const errors: Record<string, number> = {};
  for (const step of steps) {
    for (const [error, count] of Object.entries(step.transportErrors)) errors[error] = (errors[error] ?? 0) + count;
    if (step.timeouts > 0) errors.timeout = (errors.timeout ?? 0) + step.timeouts;
  }
  const mostly = Object.entries(errors).sort((a, b) => b[1] - a[1])[0]?.[0];
  if (mostly === undefined) return undefined;
  const where = new URL(artifact.target.address).host;
  return mostly === 'timeout' ? `http: ${where} did not answer` : `http: ${mostly} by ${where}`;
};

const whyNotRun = (artifact: CheckoutLoadArtifact): Verdict<CheckoutLoadRule>[] | undefined => {
  const subject = artifact.target.host;
  if (!artifact.target.allowed) {
    return LOAD_RULES.map((rule) => ({ rule, subject, status: 'skip', message: 'Not run: the target was refused before any request (see checkout-load/target-authorization).' }));
  }
  if (artifact.problem !== undefined || !artifact.run) {
    const cause = artifact.problem ?? 'check: the load test produced no result';
    return LOAD_RULES.map((rule) => ({ rule, subject, status: 'error', message: 'Could not run the load test.', cause }));
  }
  const silence = answeredNothing(artifact);
  if (silence) return LOAD_RULES.map((rule) => ({ rule, subject, status: 'error', message: 'The target answered none of the requests sent, so nothing about the store can be judged.', cause: silence }));
  const { cutOff } = artifact.run;
  if (cutOff) {
    const evidence = { secondsRun: Math.round(artifact.run.durationMs / 1_000), plannedSeconds: Math.round((artifact.plan?.durationMs ?? 0) / 1_000) };
    return LOAD_RULES.map((rule) => ({ rule, subject, status: 'error', message: `The load test stopped after ${evidence.secondsRun} s of ${evidence.plannedSeconds} s: a partial run is not judged.`, cause: CUT_OFF_CAUSE[cutOff], evidence }));
  }
  return undefined;
};
