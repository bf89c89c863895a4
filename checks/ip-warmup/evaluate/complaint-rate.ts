import type { VerdictStatus } from '../../../src/engine/define-check.js';
import { rateOver, sendingDays, type IpActuals } from '../actuals.js';
import type { Thresholds } from '../config.js';
import { count, percent, plural } from '../format.js';
import { judgeEachIp, type IpJudgement } from '../judge-actuals.js';
import type { IpPlan } from '../plan.js';
import type { RuleEvaluator } from '../types.js';

const statusFor = (rate: number, t: Thresholds): VerdictStatus =>
  rate >= t.complaintRateFail ? 'fail' : rate >= t.complaintRateWarn ? 'warn' : 'pass';

const judgeIp = (plan: IpPlan, actuals: IpActuals, t: Thresholds): IpJudgement => {
  const days = sendingDays(actuals);
  if (days.length === 0) {
    return { status: 'skip', message: `The actuals record no sends from ${plan.address} up to today, so there is no complaint rate to judge.` };
  }
  const recent = rateOver(days.slice(-t.recentDays), 'complaints');
  const status = statusFor(recent.rate, t);
  const limit =
    status === 'fail'
      ? `at or above ${percent(t.complaintRateFail)}`
      : status === 'warn'
        ? `at or above ${percent(t.complaintRateWarn)}`
        : `under ${percent(t.complaintRateWarn)}`;
  return {
    status,
    message: `${plan.address} drew ${count(recent.counted)} spam complaints on ${count(recent.sent)} messages over its last ${plural(Math.min(days.length, t.recentDays), 'sending day')} (${recent.from} to ${recent.to}), a rate of ${percent(recent.rate)}, ${limit}.`,
    expected: `< ${percent(status === 'fail' ? t.complaintRateFail : t.complaintRateWarn)}`,
    found: percent(recent.rate),
    evidence: { from: recent.from, to: recent.to, sent: recent.sent, complaints: recent.counted, rate: recent.rate },
  };
};

/** Each IP's spam complaint rate over its latest sending days, against the mailbox providers' limits. */
export const complaintRate: RuleEvaluator<'complaint-rate'> = (artifact, config, ctx) =>
  judgeEachIp('complaint-rate', artifact, config, ctx, (plan, actuals) => judgeIp(plan, actuals, config.thresholds));
