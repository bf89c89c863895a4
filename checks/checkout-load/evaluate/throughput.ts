import type { Verdict } from '../../../src/engine/define-check.js';
import type { RunResult } from '../../../src/load/types.js';
import type { CheckoutLoadArtifact } from '../artifact.js';
import type { LoadPlan } from '../plan.js';
import type { CheckoutLoadRule } from '../rules.js';
import { arrivalChart } from './arrival-chart.js';
import { count, percent } from './format.js';
import { stoppedAnsweringAt, stoppedSentence } from './timeline.js';

/** Every stage must start at least this share of its planned sessions. */
export const MIN_STARTED_SHARE = 0.95;

const stageLine = (stage: RunResult['stages'][number], index: number): string =>
  `stage ${index + 1} (${Number(stage.sessionsPerSecond.toFixed(2))}/s): ${count(stage.started)} of ${count(stage.planned)} started`;

/** The generator, not the store, limited the run: nothing can be said of the store's rate. */
const generatorBehind = (run: RunResult, subject: string): Verdict<CheckoutLoadRule> | undefined => {
  const { generator } = run;
  if (!generator.behind) return undefined;
  const started = run.journeys.reduce((sum, journey) => sum + journey.started, 0);
  const late = started === 0 ? 0 : generator.lateStarts / started;
  return {
    rule: 'throughput',
    subject,
    status: 'error',
    message: `The load generator fell behind: ${percent(late)} of sessions started late (event-loop delay p99 ${Math.round(generator.eventLoopDelayP99Ms)} ms), so the store's rate cannot be judged.`,
    cause: `load: the load generator fell behind (${percent(late)} of sessions started late)`,
    evidence: { ...generator },
  };
};

/** Achieved arrival rate against the plan in every stage, a store that died, and a rate held down by limits. */
export const throughput = (artifact: CheckoutLoadArtifact, run: RunResult, plan: LoadPlan): Verdict<CheckoutLoadRule> => {
  const subject = artifact.target.host;
  const behind = generatorBehind(run, subject);
  if (behind) return behind;
  const dropped = run.stages.reduce((sum, stage) => sum + stage.dropped, 0);
  const short = run.stages.map((stage, index) => ({ stage, index })).filter(({ stage }) => stage.planned > 0 && stage.started / stage.planned < MIN_STARTED_SHARE);
  const stopped = stoppedAnsweringAt(run.perSecond);
  const evidence = { targetSessionsPerMinute: Math.round(plan.targetSessionsPerMinute), stages: run.stages, dropped, ...(plan.capped ? { capped: plan.capped } : {}), ...(run.capped ? { cappedAt: run.capped } : {}) };
  const expected = `≥ ${percent(MIN_STARTED_SHARE)} of planned sessions started in every stage`;
  const found = run.stages.map(stageLine).join('; ');
  const chart = arrivalChart(run.perSecond, plan);
  const base = { rule: 'throughput', subject, expected, found, evidence, ...(chart ? { chart } : {}) } as const;
  if (stopped !== undefined) {
    return { ...base, status: 'fail', message: `The store stopped keeping up: ${stoppedSentence(stopped)}; ${count(dropped)} sessions were dropped.` };
  }
  if (short.length > 0) {
    const worst = short.reduce((a, b) => (a.stage.started / a.stage.planned <= b.stage.started / b.stage.planned ? a : b));
    return { ...base, status: 'fail', message: `Stage ${worst.index + 1} started ${percent(worst.stage.started / worst.stage.planned)} of its planned sessions (${count(worst.stage.dropped)} dropped): the store fell behind the arrival rate.` };
  }
  const peak = `${count(plan.sessionsPerSecond * 60)} sessions a minute`;
  if (plan.capped) {
    return {
      ...base,
      status: 'warn',
      message: `The store held ${peak}, but that is ${percent(plan.capped.share)} of the target ${count(plan.targetSessionsPerMinute)}: limits.maxRequestsPerSecond held the rate down.`,
      fix: 'Raise limits.maxRequestsPerSecond to what the target needs (the plan says how much) once the host owner agrees, or run the same test at full scale with k6.',
    };
  }
  const droppedNote = dropped > 0 ? ` (${count(dropped)} dropped, within the 5% margin)` : '';
  // Taking the arrivals is this rule; what became of them is error-rate's and latency's, named so a pass here is not read as a healthy store.
  const started = run.journeys.reduce((sum, journey) => sum + journey.started, 0);
  const failed = run.journeys.reduce((sum, journey) => sum + journey.failed, 0);
  const failedNote = failed > 0 ? `; ${count(failed)} of ${count(started)} sessions then failed (see error-rate and latency)` : '';
  return { ...base, status: 'pass', message: `The store took ${peak}, the target, in every stage${droppedNote}${failedNote}.` };
};
