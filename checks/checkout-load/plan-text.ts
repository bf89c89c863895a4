import { formatDuration } from '../../src/lib/duration.js';
import type { TargetSeen } from './artifact.js';
import type { HammerPhase } from './hammer-steps.js';
import type { LoadPlan } from './plan.js';

const perMinute = (perSecond: number): string => `${Math.round(perSecond * 60).toLocaleString('en-US')} sessions/min`;
const whole = (value: number): string => Math.round(value).toLocaleString('en-US');

/** The hammer phase as planned, its steps by name. */
export type HammerPlan = Omit<HammerPhase, 'steps'> & { steps: string[] };

/** What `--dry-run` prints: the target decision, then rates per stage and journey, requests and duration. */
export const planText = (store: string, target: TargetSeen, plan: LoadPlan | undefined, problem?: string, hammer?: HammerPlan): string => {
  const lines = [`${store}: checkout-load against ${target.address}`];
  if (!target.allowed) return [...lines, `  refused: ${target.reason}. Nothing would be sent.`, `  ${target.fix ?? ''}`.trimEnd()].join('\n');
  if (problem !== undefined || !plan) return [...lines, `  cannot plan: ${problem ?? 'no plan'}`].join('\n');
  lines.push(
    `  target: ${perMinute(plan.targetSessionsPerMinute / 60)} (last year's busiest minute × growth × buffer)`,
    `  run:    ${perMinute(plan.sessionsPerSecond)} at the busiest stage, ${whole(plan.requestsPerSecond)} requests/s, for ${formatDuration(plan.durationMs)}`,
  );
  if (plan.capped) lines.push(`  capped: limits.maxRequestsPerSecond keeps the rate at ${Math.round(plan.capped.share * 100)}% of the target`);
  if (plan.shortened) lines.push(`  shortened: ${formatDuration(plan.shortened.fromMs)} is over limits.maxDuration, run for ${formatDuration(plan.shortened.toMs)}`);
  lines.push('  stages:');
  plan.stages.forEach((stage, index) => lines.push(`    ${index + 1}. ${formatDuration(stage.durationMs).padEnd(7)} ${perMinute(stage.sessionsPerSecond)}`));
  lines.push('  journeys:');
  for (const journey of plan.journeys) {
    const held = journey.paymentStepsHeldBack > 0 ? `; stops before payment (${journey.paymentStepsHeldBack} step${journey.paymentStepsHeldBack === 1 ? '' : 's'} held back: not loopback, no testMode)` : '';
    lines.push(`    ${journey.name}: ${Math.round(journey.share * 100)}% of sessions, ${perMinute(journey.sessionsPerSecond)}; ${journey.browseSteps} browsing + ${journey.checkoutSteps} checkout steps${held}`);
  }
  if (hammer) lines.push(`  then the hammer: ${hammer.shoppers} shoppers for ${formatDuration(hammer.durationMs)}, as fast as answered, looping ${hammer.steps.join(', ')}`);
  lines.push(`  total: about ${whole(plan.sessions)} sessions and ${whole(plan.totalRequests)} requests. Nothing was sent (--dry-run).`);
  return lines.join('\n');
};
