import type { Peak, Verdict, VerdictStatus } from '../../../src/engine/define-check.js';
import { monthOf, yearOf } from '../../../src/lib/dates.js';
import { count, plural } from '../format.js';
import { firstSendingDay, planSteps, resolvePlans, type IpPlan, type PlanStep } from '../plan.js';
import type { RuleEvaluator } from '../types.js';

const OCTOBER = 10;
const NOVEMBER = 11;

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "start before October 2026": the month whose start decided the status. */
const startBefore = (month: number, peak: Peak): string => `start before ${MONTH_NAMES[month - 1] ?? ''} ${yearOf(peak.start)}`;

/** The months before the peak that are its season: same year as the peak start, not after the peak. */
const startStatus = (start: string, peak: Peak): VerdictStatus => {
  if (yearOf(start) !== yearOf(peak.start) || start > peak.end) return 'pass';
  const month = monthOf(start);
  return month >= NOVEMBER ? 'fail' : month === OCTOBER ? 'warn' : 'pass';
};

/** Planned increases on the peak days, counting the very first send (from nothing) when it falls there. */
const increasesDuringPeak = (plan: IpPlan, peak: Peak): PlanStep[] => {
  const first = firstSendingDay(plan);
  const opening: PlanStep[] = first ? [{ date: first.date, from: 0, to: first.value }] : [];
  return [...opening, ...planSteps(plan)].filter((step) => step.to > step.from && step.date >= peak.start && step.date <= peak.end);
};

const judgeIp = (plan: IpPlan, peak: Peak): Verdict<'holiday-start'> => {
  const steps = increasesDuringPeak(plan, peak);
  const started = startStatus(plan.start, peak);
  const noIncrease = `no increase from ${peak.start} to ${peak.end}`;
  const base = { rule: 'holiday-start', subject: plan.address, evidence: { start: plan.start, increasesDuringPeak: steps } } as const;
  if (started === 'fail') {
    return {
      ...base,
      status: 'fail',
      expected: startBefore(NOVEMBER, peak),
      message: `${plan.address} starts its warm-up on ${plan.start}, in the holiday season before ${peak.name}, when providers are strictest with new IPs.`,
      found: `starts ${plan.start}`,
    };
  }
  const [step] = steps;
  if (step) {
    return {
      ...base,
      status: 'fail',
      expected: noIncrease,
      message: `The plan of ${plan.address} still ramps up during ${peak.name}: ${count(step.from)} → ${count(step.to)} on ${step.date}${steps.length > 1 ? ` and ${plural(steps.length - 1, 'more increase')}` : ''}.`,
      found: `increase on ${step.date}`,
    };
  }
  if (started === 'warn') {
    return {
      ...base,
      status: 'warn',
      expected: startBefore(OCTOBER, peak),
      message: `${plan.address} starts its warm-up on ${plan.start}, in October: late for ${peak.name}, with little time to be stable before the holiday season.`,
      found: `starts ${plan.start}`,
    };
  }
  return {
    ...base,
    status: 'pass',
    expected: `${startBefore(OCTOBER, peak)} or after ${peak.end}; ${noIncrease}`,
    message: `${plan.address} starts its warm-up on ${plan.start}, outside the run-up to ${peak.name}, and plans no increase during it.`,
    found: `starts ${plan.start}`,
  };
};

/** When each IP starts, and whether its plan still climbs on the peak days. */
export const holidayStart: RuleEvaluator<'holiday-start'> = (_artifact, config, ctx) =>
  resolvePlans(config).map((plan) => judgeIp(plan, ctx.peak));
