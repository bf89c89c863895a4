import type { Verdict } from '../../../src/engine/define-check.js';
import { addDays, daysBetween } from '../../../src/lib/dates.js';
import { actualsView, NO_ACTUALS, sendingDays, type IpActuals } from '../actuals.js';
import type { Thresholds } from '../config.js';
import { plural } from '../format.js';
import { datesFrom, dayReachingHighest, lastPlanDate, plannedSendDates, resolvePlans, type IpPlan } from '../plan.js';
import type { RuleEvaluator } from '../types.js';

type Source = 'plan' | 'actuals';
/** Days without a send, from..to inclusive. */
type Gap = { source: Source; from: string; to: string; days: number };
type Week = { source: Source; from: string; to: string; sendDays: number };

/** The idle stretches after each sending day, up to the day before `end`. */
const gapsBetween = (source: Source, sendDates: string[], end: string): Gap[] =>
  sendDates.flatMap((date, i) => {
    const next = sendDates[i + 1] ?? end;
    const days = daysBetween(date, next) - 1;
    return days > 0 ? [{ source, from: addDays(date, 1), to: addDays(next, -1), days }] : [];
  });

/** Whole 7-day weeks counted from `start` that end by `lastDay`; a partial last week proves nothing. */
const fullWeeks = (source: Source, start: string, lastDay: string, sendDates: string[]): Week[] => {
  const sent = new Set(sendDates);
  const weeks = Math.max(0, Math.floor((daysBetween(start, lastDay) + 1) / 7));
  return Array.from({ length: weeks }, (_, week) => {
    const from = addDays(start, week * 7);
    const to = addDays(from, 6);
    return { source, from, to, sendDays: datesFrom(from, to).filter((date) => sent.has(date)).length };
  });
};

const later = (a: string, b: string): string => (a > b ? a : b);
const earlier = (a: string, b: string): string => (a < b ? a : b);

/** The plan is judged to the peak (or its own end); a plan that ends on 0 stops sending for good. */
const plannedGaps = (plan: IpPlan, peakEnd: string): Gap[] => {
  const horizon = later(lastPlanDate(plan), peakEnd);
  return gapsBetween('plan', plannedSendDates(plan, horizon), addDays(horizon, 1));
};

/** Today is not over, so the gap since the last send runs to yesterday. */
const actualGaps = (actuals: IpActuals, today: string): Gap[] =>
  gapsBetween('actuals', sendingDays(actuals).map((day) => day.date), today);

/** Send days per week matter while the reputation is being built: from the start to the highest volume. */
const warmupWeeks = (plan: IpPlan, actuals: IpActuals | undefined, today: string): Week[] => {
  const rampEnd = addDays(plan.start, dayReachingHighest(plan) - 1);
  const planned = fullWeeks('plan', plan.start, rampEnd, plannedSendDates(plan, rampEnd));
  if (actuals === undefined) return planned;
  const sent = sendingDays(actuals).map((day) => day.date);
  return [...planned, ...fullWeeks('actuals', plan.start, earlier(rampEnd, addDays(today, -1)), sent)];
};

const gapText = (gap: Gap, address: string, today: string): string =>
  gap.source === 'plan'
    ? `The plan of ${address} pauses for ${plural(gap.days, 'day')} from ${gap.from} to ${gap.to}`
    : `${address} sent nothing for ${plural(gap.days, 'day')} from ${gap.from} to ${gap.to === addDays(today, -1) ? 'today' : gap.to}`;

const weekText = (week: Week): string =>
  `${week.source === 'plan' ? 'plans to send' : 'sent'} on only ${plural(week.sendDays, 'day')} in the week ${week.from} to ${week.to}`;

const judgeIp = (plan: IpPlan, actuals: IpActuals | undefined, t: Thresholds, today: string, peakEnd: string): Verdict<'sending-gap'> => {
  const gaps = [...plannedGaps(plan, peakEnd), ...(actuals ? actualGaps(actuals, today) : [])];
  const longGaps = gaps.filter((gap) => gap.days >= t.gapDaysFail);
  const thinWeeks = warmupWeeks(plan, actuals, today).filter((week) => week.sendDays < t.sendDaysPerWeek);
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
  const actualsOf = (plan: IpPlan): IpActuals | undefined =>
    view.kind === 'sends' && plan.start <= ctx.today ? (view.byIp.get(plan.address) ?? NO_ACTUALS) : undefined;
  return resolvePlans(config).map((plan) => judgeIp(plan, actualsOf(plan), config.thresholds, ctx.today, ctx.peak.end));
};
