import type { EvaluateContext, Verdict } from '../../src/engine/define-check.js';
import type { CheckoutLoadArtifact } from './artifact.js';
import type { CheckoutLoadConfig } from './config.js';
import { attributionEvents } from './evaluate/attribution-events.js';
import { duplicateOrders, oversoldStock } from './evaluate/ground-truth.js';
import { cartConsistency } from './evaluate/cart-consistency.js';
import { errorRate } from './evaluate/error-rate.js';
import { k6Lacks, notInSummary, percentilesLacking } from './evaluate/k6-gaps.js';
import { latency } from './evaluate/latency.js';
import { notRun } from './evaluate/not-run.js';
import { targetAuthorization } from './evaluate/target-authorization.js';
import { throttling } from './evaluate/throttling.js';
import { throughput } from './evaluate/throughput.js';
import type { CheckoutLoadRule } from './rules.js';

/** Pure: the target decision, the plan and the run's numbers in, one function per rule. */
export const evaluate = (artifact: CheckoutLoadArtifact, config: CheckoutLoadConfig, _ctx: EvaluateContext): Verdict<CheckoutLoadRule>[] => {
  const authorization = targetAuthorization(artifact);
  const skipped = notRun(artifact, config);
  if (skipped || !artifact.run || !artifact.plan) return [authorization, ...(skipped ?? [])];
  const { run, plan, hammer } = artifact;
  const subject = artifact.target.host;
  const { source } = artifact;
  return [
    authorization,
    throughput(artifact, run, plan),
    ...latency(run, config, percentilesLacking(source)),
    ...(source && k6Lacks(source, 'steps.errors') ? [notInSummary('error-rate', subject, source, 'errors per step')] : errorRate(run, hammer, config)),
    source && k6Lacks(source, 'throttling') ? notInSummary('throttling', subject, source, 'throttled answers') : throttling(run, hammer, subject),
    source ? { rule: 'cart-consistency', subject: `${subject} carts`, status: 'skip', message: `${source.file} is a k6 summary: it holds no cart contents. Run the load with q4check to judge carts.` } : cartConsistency(run.observations, subject),
    ...oversoldStock(artifact),
    duplicateOrders(artifact),
    ...attributionEvents(artifact),
  ];
};
