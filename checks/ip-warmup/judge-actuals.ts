import type { EvaluateContext, Verdict } from '../../src/engine/define-check.js';
import { actualsView, judgedUntil, NO_ACTUALS, type ActualsView, type IpActuals } from './actuals.js';
import type { IpWarmupArtifact } from './artifact.js';
import type { IpWarmupConfig } from './config.js';
import { resolvePlans, type IpPlan } from './plan.js';
import { ALL_IPS, type JsonObject, type RuleId } from './types.js';

/** A verdict about one IP before the rule and subject are filled in. */
export type IpJudgement = Omit<Verdict, 'rule' | 'subject' | 'evidence'> & { evidence?: JsonObject };

const notStarted = (plan: IpPlan, today: string): IpJudgement => ({
  status: 'skip',
  message: `The warm-up of ${plan.address} starts on ${plan.start}, after today (${today}), so there are no sends to judge yet.`,
});

const withIgnored = (evidence: JsonObject | undefined, actuals: IpActuals): JsonObject | undefined =>
  actuals.ignoredAfterToday > 0 ? { ...evidence, rowsAfterTodayIgnored: actuals.ignoredAfterToday } : evidence;

/** The verdict of an actuals rule when there are no sends to judge: no CSV (skip), or one that could not be read (error). */
export const withoutSends = <R extends RuleId>(rule: R, view: Exclude<ActualsView, { kind: 'sends' }>): Verdict<R> => {
  if (view.kind === 'none') {
    return { rule, status: 'skip', subject: ALL_IPS, message: 'There are no actual sends to judge: the profile gives no `actuals:` CSV file.' };
  }
  // The same cause on each actuals rule, so the reports show one line for the file; no `found`, no rule fix.
  const message = `The actual sends could not be judged: ${view.error}.`;
  return { rule, status: 'error', subject: ALL_IPS, message, cause: view.cause, evidence: { file: view.file, error: view.error } };
};

/**
 * Runs an actuals rule once per planned IP. The cases where nothing can be judged are decided here, once for
 * the actuals rules: no CSV (skip), an unreadable CSV (error) and a warm-up that has not begun (skip).
 */
export const judgeEachIp = <R extends RuleId>(
  rule: R,
  artifact: IpWarmupArtifact,
  config: IpWarmupConfig,
  ctx: EvaluateContext,
  /** `until`: the last day the actuals speak for (yesterday, or the file's last date when it ends earlier). */
  judge: (plan: IpPlan, actuals: IpActuals, until: string) => IpJudgement,
): Verdict<R>[] => {
  const view = actualsView(artifact, ctx.today);
  if (view.kind !== 'sends') return [withoutSends(rule, view)];
  const until = judgedUntil(view.lastDate, ctx.today);
  return resolvePlans(config).map((plan) => {
    const actuals = view.byIp.get(plan.address) ?? NO_ACTUALS;
    const judgement = plan.start > ctx.today ? notStarted(plan, ctx.today) : judge(plan, actuals, until);
    return { ...judgement, rule, subject: plan.address, evidence: withIgnored(judgement.evidence, actuals) };
  });
};
