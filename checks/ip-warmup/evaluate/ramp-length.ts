import type { Verdict, VerdictStatus } from '../../../src/engine/define-check.js';
import { addDays } from '../../../src/lib/dates.js';
import type { Thresholds } from '../config.js';
import { perDay, plural } from '../format.js';
import { dayReachingHighest, highestPlanned, resolvePlans, type IpPlan } from '../plan.js';
import type { RuleEvaluator } from '../types.js';

const statusFor = (days: number, t: Thresholds): VerdictStatus =>
  days < t.rampDaysFail ? 'fail' : days < t.rampDaysWarn ? 'warn' : 'pass';

const judgeIp = (plan: IpPlan, t: Thresholds): Verdict<'ramp-length'> => {
  const highest = highestPlanned(plan);
  const expected = `≥ ${plural(t.rampDaysWarn, 'day')} from the cold start`;
  const base = { rule: 'ramp-length', subject: plan.address, expected } as const;
  if (highest === 0) {
    return { ...base, status: 'skip', message: `The plan of ${plan.address} sends nothing, so it has no ramp to judge.` };
  }
  const day = dayReachingHighest(plan);
  const reached = addDays(plan.start, day - 1);
  const status = statusFor(day, t);
  const limit = status === 'fail' ? t.rampDaysFail : t.rampDaysWarn;
  const verdictText = status === 'pass' ? 'long enough to build a reputation' : `shorter than ${plural(limit, 'day')}`;
  return {
    ...base,
    status,
    message: `${plan.address} reaches its highest planned volume, ${perDay(highest)}, on day ${day} (${reached}): ${verdictText}.`,
    found: plural(day, 'day'),
    evidence: { start: plan.start, highest, reached, days: day },
  };
};

/** Each IP from its cold start (day 1) to the first day at its highest planned volume. */
export const rampLength: RuleEvaluator<'ramp-length'> = (_artifact, config) =>
  resolvePlans(config).map((plan) => judgeIp(plan, config.thresholds));
