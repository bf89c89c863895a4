import type { Verdict } from '../../../src/engine/define-check.js';
import { addDays, daysBetween } from '../../../src/lib/dates.js';
import { actualsView, judgedUntil, knownDays, NO_ACTUALS, type KnownDay } from '../actuals.js';
import type { Thresholds } from '../config.js';
import { plural } from '../format.js';
import { datesFrom, dayReachingHighest, lastPlanDate, plannedSendDates, resolvePlans, type IpPlan } from '../plan.js';
import type { RuleEvaluator } from '../types.js';

type Source = 'plan' | 'actuals';
/** Days without a send, from..to inclusive. */
type Gap = { source: Source; from: string; to: string; days: number };
/** `unknownDays`: days of the actuals without a row, which might have been sending days. */
type Week = { source: Source; from: string; to: string; sendDays: number; unknownDays: number };

/** What is known of a day: it sent, it did not, or (actuals without a row) nobody knows. */
type DayState = 'sent' | 'none' | 'unknown';

/** The idle stretches after each sending day, up to the day before `end`. */
const gapsBetween = (source: Source, sendDates: string[], end: string): Gap[] =>
  sendDates.flatMap((date, i) => {
    const next = sendDates[i + 1] ?? end;
    const days = daysBetween(date, next) - 1;
    return days > 0 ? [{ source, from: addDays(date, 1), to: addDays(next, -1), days }] : [];
  });

/** Whole 7-day weeks counted from `start` that end by `lastDay`; a partial last week proves nothing. */
const fullWeeks = (source: Source, start: string, lastDay: string, stateOf: (date: string) => DayState): Week[] => {
  const weeks = Math.max(0, Math.floor((daysBetween(start, lastDay) + 1) / 7));
  return Array.from({ length: weeks }, (_, week) => {
    const from = addDays(start, week * 7);
    const to = addDays(from, 6);
    const states = datesFrom(from, to).map(stateOf);
    return { source, from, to, sendDays: states.filter((state) => state === 'sent').length, unknownDays: states.filter((state) => state === 'unknown').length };
  });
};

const later = (a: string, b: string): string => (a > b ? a : b);
const earlier = (a: string, b: string): string => (a < b ? a : b);

/** The plan is judged to the peak (or its own end); a plan that ends on 0 stops sending for good. */
const plannedGaps = (plan: IpPlan, peakEnd: string): Gap[] => {
  const horizon = later(lastPlanDate(plan), peakEnd);
  return gapsBetween('plan', plannedSendDates(plan, horizon), addDays(horizon, 1));
};

const actualState = (days: KnownDay[]) => {
  const byDate = new Map(days.map((day) => [day.date, day.sent]));
  return (date: string): DayState => {
    const sent = byDate.get(date);
    return sent === undefined ? 'unknown' : sent > 0 ? 'sent' : 'none';
  };
};

/** Runs of days the actuals record as sending nothing, after the first send: a day without a row breaks a run. */
const actualGaps = (days: KnownDay[]): Gap[] => {
  const gaps: Gap[] = [];
  let run: KnownDay[] = [];
  let sentBefore = false;
  const close = (): void => {
    const [first] = run;
    const last = run.at(-1);
    if (first && last && sentBefore) gaps.push({ source: 'actuals', from: first.date, to: last.date, days: run.length });
    run = [];
  };
  for (const day of days) {
    if (day.sent === 0) {
      run.push(day);
      continue;
    }
    close();
    if (day.sent !== undefined) sentBefore = true;
  }
  close();
  return gaps;
};

/** Send days per week matter while the reputation is being built: from the start to the highest volume. */
const warmupWeeks = (plan: IpPlan, actualDays: KnownDay[] | undefined, until: string): Week[] => {
  const rampEnd = addDays(plan.start, dayReachingHighest(plan) - 1);
  const planned = new Set(plannedSendDates(plan, rampEnd));
  const weeks = fullWeeks('plan', plan.start, rampEnd, (date) => (planned.has(date) ? 'sent' : 'none'));
  if (actualDays === undefined) return weeks;
  return [...weeks, ...fullWeeks('actuals', plan.start, earlier(rampEnd, until), actualState(actualDays))];
};

/** A week is thin only when it is certain: even if every day without a row had sent, it would stay short. */
const isThin = (week: Week, t: Thresholds): boolean => week.sendDays + week.unknownDays < t.sendDaysPerWeek;

const gapText = (gap: Gap, address: string, today: string): string =>
  gap.source === 'plan'
    ? `The plan of ${address} pauses for ${plural(gap.days, 'day')} from ${gap.from} to ${gap.to}`
    : `${address} sent nothing for ${plural(gap.days, 'day')} from ${gap.from} to ${gap.to === addDays(today, -1) ? 'today' : gap.to}`;

const weekText = (week: Week): string =>
  `${week.source === 'plan' ? 'plans to send' : 'sent'} on only ${plural(week.sendDays, 'day')} in the week ${week.from} to ${week.to}` +
  (week.unknownDays > 0 ? ` (${plural(week.unknownDays, 'more day')} without a row)` : '');

type Actuals = { until: string; days: KnownDay[] };

const judgeIp = (plan: IpPlan, actuals: Actuals | undefined, t: Thresholds, today: string, peakEnd: string): Verdict<'sending-gap'> => {
  const gaps = [...plannedGaps(plan, peakEnd), ...(actuals ? actualGaps(actuals.days) : [])];
  const longGaps = gaps.filter((gap) => gap.days >= t.gapDaysFail);
  const thinWeeks = warmupWeeks(plan, actuals?.days, actuals?.until ?? today).filter((week) => isThin(week, t));
  const longest = gaps.reduce((most, gap) => Math.max(most, gap.days), 0);
  const noLongGap = `no gap of ${plural(t.gapDaysFail, 'day')} or more`;
  const enoughDays = `≥ ${t.sendDaysPerWeek} sending days a week`;
  const base = { rule: 'sending-gap', subject: plan.address, evidence: { longestGapDays: longest, longGaps, thinWeeks } } as const;
  const [gap] = longGaps;
  if (gap) {
    return {
      ...base,
      status: 'fail',
      expected: noLongGap,
      message: `${gapText(gap, plan.address, today)}, long enough for providers to forget the IP, so it has to be warmed again.`,
      found: `${plural(gap.days, 'day')} without sends (${gap.source})`,
    };
  }
  const [week] = thinWeeks;
  if (week) {
    return {
      ...base,
      status: 'warn',
      expected: enoughDays,
      message: `${plan.address} ${weekText(week)}, fewer than ${t.sendDaysPerWeek} a week during the warm-up (${plural(thinWeeks.length, 'such week')} in all).`,
      found: `${plural(week.sendDays, 'sending day')} in a week (${week.source})`,
    };
  }
  return {
    ...base,
    status: 'pass',
    expected: `${noLongGap}; ${enoughDays}`,
    message: `${plan.address} sends on at least ${t.sendDaysPerWeek} days in every week of its warm-up, ${longest === 0 ? 'with no pause' : `with pauses of at most ${plural(longest, 'day')}`}.`,
    found: longest === 0 ? 'no pause' : `longest pause ${plural(longest, 'day')}`,
  };
};

/** Each IP's planned pauses, and with actuals the real ones, against the ~30-day memory of providers. */
export const sendingGap: RuleEvaluator<'sending-gap'> = (artifact, config, ctx) => {
  const view = actualsView(artifact, ctx.today);
  // Unreadable or missing actuals are reported by the actuals rules; the plan is still judged here.
  const actualsOf = (plan: IpPlan): Actuals | undefined => {
    if (view.kind !== 'sends' || plan.start > ctx.today) return undefined;
    const until = judgedUntil(view.lastDate, ctx.today);
    return { until, days: knownDays(view.byIp.get(plan.address) ?? NO_ACTUALS, plan.start, until) };
  };
  return resolvePlans(config).map((plan) => judgeIp(plan, actualsOf(plan), config.thresholds, ctx.today, ctx.peak.end));
};
