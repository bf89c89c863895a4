import type { Verdict, VerdictStatus } from '../../../src/engine/define-check.js';
import type { Thresholds } from '../config.js';
import { count, perDay } from '../format.js';
import { firstSendingDay, resolvePlans, type IpPlan } from '../plan.js';
import type { RuleEvaluator } from '../types.js';

const statusFor = (volume: number, t: Thresholds): VerdictStatus =>
  volume > t.firstDayFail ? 'fail' : volume > t.firstDayWarn ? 'warn' : 'pass';

const judgeIp = (plan: IpPlan, t: Thresholds): Verdict<'first-day-volume'> => {
  const first = firstSendingDay(plan);
  const base = { rule: 'first-day-volume', subject: plan.address } as const;
  if (first === undefined) {
    return { ...base, status: 'skip', message: `The plan of ${plan.address} sends nothing, so it has no first day to judge.` };
  }
  const status = statusFor(first.value, t);
  const limit = status === 'fail' ? t.firstDayFail : t.firstDayWarn;
  return {
    ...base,
    status,
    expected: `at most ${count(limit)}`,
    message:
      status === 'pass'
        ? `${plan.address} opens with ${count(first.value)} messages on ${first.date}, a volume a cold IP can send.`
        : `${plan.address} opens with ${count(first.value)} messages on ${first.date}, more than ${count(limit)} for a cold IP's first day.`,
    found: `${perDay(first.value)} on ${first.date}`,
    evidence: { date: first.date, volume: first.value, warnAbove: t.firstDayWarn, failAbove: t.firstDayFail },
    ...(status === 'pass' ? {} : { fix: `Open with at most ${count(t.firstDayWarn)} messages to the most engaged recipients (recent openers and clickers), then grow.` }),
  };
};

/** The first sending day of each IP: a cold IP has no reputation to carry volume. */
export const firstDayVolume: RuleEvaluator<'first-day-volume'> = (_artifact, config) =>
  resolvePlans(config).map((plan) => judgeIp(plan, config.thresholds));
