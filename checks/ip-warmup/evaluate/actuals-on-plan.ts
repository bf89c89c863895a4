import type { Verdict } from '../../../src/engine/define-check.js';
import { addDays } from '../../../src/lib/dates.js';
import { actualsView, type IpActuals } from '../actuals.js';
import type { Thresholds } from '../config.js';
import { count, factor, percent, plural } from '../format.js';
import { judgeEachIp, type IpJudgement } from '../judge-actuals.js';
import { datesFrom, plannedOn, resolvePlans, type IpPlan } from '../plan.js';
import type { RuleEvaluator } from '../types.js';

type Day = { date: string; planned: number; sent: number };
type Window = { from: string; to: string; planned: number; sent: number };

/** A day without a CSV row sent nothing. */
const daysAgainstPlan = (plan: IpPlan, actuals: IpActuals, today: string): Day[] => {
  const sent = new Map(actuals.days.map((day) => [day.date, day.sent]));
  return datesFrom(plan.start, addDays(today, -1)).map((date) => ({ date, planned: plannedOn(plan, date), sent: sent.get(date) ?? 0 }));
};

const isOffPlan = (day: Day, t: Thresholds): boolean =>
  day.planned === 0 ? day.sent > 0 : Math.abs(day.sent - day.planned) > t.planTolerance * day.planned;

// Sending on a planned pause day is off plan, but not a jump in volume: only planned days can over-ramp.
const isOverRamp = (day: Day, t: Thresholds): boolean => day.planned > 0 && day.sent > t.overPlanFail * day.planned;

const recentWindow = (days: Day[], t: Thresholds): Window => {
  const recent = days.slice(-t.recentDays);
  return {
    from: recent[0]?.date ?? '',
    to: recent.at(-1)?.date ?? '',
    planned: recent.reduce((sum, day) => sum + day.planned, 0),
    sent: recent.reduce((sum, day) => sum + day.sent, 0),
  };
};

const isBehind = (window: Window, t: Thresholds): boolean => window.planned > 0 && window.sent < t.behindPlanFail * window.planned;

const dayText = (day: Day): string => `${count(day.sent)} sent against ${count(day.planned)} planned on ${day.date}`;

const judgeIp = (plan: IpPlan, actuals: IpActuals, t: Thresholds, today: string): IpJudgement => {
  const days = daysAgainstPlan(plan, actuals, today);
  const expected = `within ${percent(t.planTolerance)} of plan each day`;
  if (days.length === 0) {
    return { status: 'skip', message: `The warm-up of ${plan.address} starts today (${today}), so no full day can be compared with the plan yet.` };
  }
  const offPlan = days.filter((day) => isOffPlan(day, t));
  const overRamp = days.filter((day) => isOverRamp(day, t));
  const recent = recentWindow(days, t);
  const evidence = { from: plan.start, to: addDays(today, -1), days: days.length, offPlan, overRamp, recent };
  const [jump] = overRamp;
  if (jump) {
    return {
      status: 'fail',
      message: `${plan.address} over-ramped with ${dayText(jump)} (${factor(jump.sent / jump.planned)}), more than ${factor(t.overPlanFail)} its plan.`,
      expected: `≤ ${factor(t.overPlanFail)} plan on any day`,
      found: `${factor(jump.sent / jump.planned)} on ${jump.date}`,
      evidence,
    };
  }
  if (isBehind(recent, t)) {
    return {
      status: 'fail',
      message: `From ${recent.from} to ${recent.to} ${plan.address} sent ${count(recent.sent)} of ${count(recent.planned)} planned (${percent(recent.sent / recent.planned)}), under ${percent(t.behindPlanFail)} of plan, so it will not reach its peak volume on time.`,
      expected: `≥ ${percent(t.behindPlanFail)} of plan over the last ${plural(t.recentDays, 'day')}`,
      found: percent(recent.sent / recent.planned),
      evidence,
    };
  }
  const [first] = offPlan;
  if (first) {
    return {
      status: 'warn',
      message: `${plan.address} was more than ${percent(t.planTolerance)} off plan on ${count(offPlan.length)} of ${plural(days.length, 'day')}, first with ${dayText(first)}.`,
      expected,
      found: `${plural(offPlan.length, 'day')} off plan`,
      evidence,
    };
  }
  return {
    status: 'pass',
    message: `${plan.address} stayed within ${percent(t.planTolerance)} of its plan on all ${plural(days.length, 'day')} from ${plan.start} to ${addDays(today, -1)}.`,
    expected,
    found: 'no day off plan',
    evidence,
  };
};

/** Sends to IPs the profile does not plan: a typo in the CSV or in the profile, or an IP nobody is watching. */
const unplannedIps = (byIp: Map<string, IpActuals>, planned: Set<string>): Verdict<'actuals-on-plan'>[] =>
  [...byIp]
    .filter(([ip, actuals]) => !planned.has(ip) && actuals.days.length > 0)
    .map(([ip, actuals]) => {
      const sent = actuals.days.reduce((sum, day) => sum + day.sent, 0);
      return {
        rule: 'actuals-on-plan',
        subject: ip,
        status: 'warn',
        message: `The actuals list ${count(sent)} messages from ${ip} on ${plural(actuals.days.length, 'day')}, an IP the profile does not plan.`,
        expected: 'an IP listed under ips:',
        found: 'not in the profile',
        evidence: { days: actuals.days.length, sent },
        fix: `Add ${ip} under \`ips:\` with its start and plan, or correct the address in the CSV.`,
      };
    });

/** Each planned IP, day by day from its start to yesterday, against what it actually sent. */
export const actualsOnPlan: RuleEvaluator<'actuals-on-plan'> = (artifact, config, ctx) => {
  const perIp = judgeEachIp('actuals-on-plan', artifact, config, ctx, (plan, actuals) =>
    judgeIp(plan, actuals, config.thresholds, ctx.today),
  );
  const view = actualsView(artifact, ctx.today);
  const planned = new Set(resolvePlans(config).map((plan) => plan.address));
  return view.kind === 'sends' ? [...perIp, ...unplannedIps(view.byIp, planned)] : perIp;
};
