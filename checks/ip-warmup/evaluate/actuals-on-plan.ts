import type { Verdict } from '../../../src/engine/define-check.js';
import { addDays } from '../../../src/lib/dates.js';
import { actualsView, knownDays, type IpActuals } from '../actuals.js';
import type { Thresholds } from '../config.js';
import { count, factor, percent, plural } from '../format.js';
import { judgeEachIp, type IpJudgement } from '../judge-actuals.js';
import { plannedOn, resolvePlans, type IpPlan } from '../plan.js';
import type { RuleEvaluator } from '../types.js';

type Day = { date: string; planned: number; sent: number };
type Window = { from: string; to: string; planned: number; sent: number };

const isOffPlan = (day: Day, t: Thresholds): boolean =>
  day.planned === 0 ? day.sent > 0 : Math.abs(day.sent - day.planned) > t.planTolerance * day.planned;

// Sending on a planned pause day is off plan, but not a jump in volume: only planned days can over-ramp.
const isOverRamp = (day: Day, t: Thresholds): boolean => day.planned > 0 && day.sent > t.overPlanFail * day.planned;

/** The recorded days among the latest `recentDays` calendar days up to `until`. */
const recentWindow = (days: Day[], until: string, t: Thresholds): Window => {
  const from = addDays(until, 1 - t.recentDays);
  const recent = days.filter((day) => day.date >= from);
  return {
    from: recent[0]?.date ?? from,
    to: recent.at(-1)?.date ?? until,
    planned: recent.reduce((sum, day) => sum + day.planned, 0),
    sent: recent.reduce((sum, day) => sum + day.sent, 0),
  };
};

const isBehind = (window: Window, t: Thresholds): boolean => window.planned > 0 && window.sent < t.behindPlanFail * window.planned;

const dayText = (day: Day): string => `${count(day.sent)} sent against ${count(day.planned)} planned on ${day.date}`;

const missingText = (missing: string[]): string =>
  missing.length === 0 ? '' : ` (${plural(missing.length, 'day')} without a row in the actuals not judged)`;

const noDayYet = (plan: IpPlan, until: string, today: string): IpJudgement => ({
  status: 'skip',
  message:
    until === addDays(today, -1)
      ? `The warm-up of ${plan.address} starts today (${today}), so no full day can be compared with the plan yet.`
      : `The actuals end on ${until}, before the warm-up of ${plan.address} starts on ${plan.start}.`,
});

/** Each day from the start to `until` that the file has a row for; a day without a row is unknown, never 0 sent. */
const judgeIp = (plan: IpPlan, actuals: IpActuals, t: Thresholds, until: string, today: string): IpJudgement => {
  const known = knownDays(actuals, plan.start, until);
  if (known.length === 0) return noDayYet(plan, until, today);
  const days = known.flatMap(({ date, sent }) => (sent === undefined ? [] : [{ date, sent, planned: plannedOn(plan, date) }]));
  const missing = known.filter((day) => day.sent === undefined).map((day) => day.date);
  const offPlan = days.filter((day) => isOffPlan(day, t));
  const overRamp = days.filter((day) => isOverRamp(day, t));
  const recent = recentWindow(days, until, t);
  const evidence = { from: plan.start, to: until, days: days.length, missingDays: missing, offPlan, overRamp, recent };
  const expected = `within ${percent(t.planTolerance)} of plan each day`;
  if (days.length === 0) {
    return {
      status: 'warn',
      message: `The actuals have no row for ${plan.address} from ${plan.start} to ${until}; a day without a row is not read as a day without sends, so the plan cannot be compared.`,
      expected: `a row for each day from ${plan.start}`,
      found: 'no rows',
      evidence,
    };
  }
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
      message: `From ${recent.from} to ${recent.to} ${plan.address} sent ${count(recent.sent)} of ${count(recent.planned)} planned (${percent(recent.sent / recent.planned)}), under ${percent(t.behindPlanFail)} of plan, so it will not reach its peak volume on time${missingText(missing)}.`,
      expected: `≥ ${percent(t.behindPlanFail)} of plan over the last ${plural(t.recentDays, 'day')}`,
      found: percent(recent.sent / recent.planned),
      evidence,
    };
  }
  const [first] = offPlan;
  if (first) {
    return {
      status: 'warn',
      message: `${plan.address} was more than ${percent(t.planTolerance)} off plan on ${count(offPlan.length)} of ${plural(days.length, 'day')}, first with ${dayText(first)}${missingText(missing)}.`,
      expected,
      found: `${plural(offPlan.length, 'day')} off plan`,
      evidence,
    };
  }
  return {
    status: 'pass',
    message: `${plan.address} stayed within ${percent(t.planTolerance)} of its plan on all ${plural(days.length, 'day')} from ${plan.start} to ${until}${missingText(missing)}.`,
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

/** Each planned IP, day by day from its start to the last day the actuals speak for, against what it sent. */
export const actualsOnPlan: RuleEvaluator<'actuals-on-plan'> = (artifact, config, ctx) => {
  const perIp = judgeEachIp('actuals-on-plan', artifact, config, ctx, (plan, actuals, until) =>
    judgeIp(plan, actuals, config.thresholds, until, ctx.today),
  );
  const view = actualsView(artifact, ctx.today);
  const planned = new Set(resolvePlans(config).map((plan) => plan.address));
  return view.kind === 'sends' ? [...perIp, ...unplannedIps(view.byIp, planned)] : perIp;
};
