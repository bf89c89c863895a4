import type { Peak, SeriesChart, VerdictStatus } from '../../../src/engine/define-check.js';
import { daysBetween } from '../../../src/lib/dates.js';
import type { Thresholds } from '../config.js';
import { count, perDay, plural } from '../format.js';
import { earliestStart, resolvePlans, summedPlan, type DailyValue } from '../plan.js';
import { ALL_IPS, type RuleEvaluator } from '../types.js';

type Outcome = { status: VerdictStatus; message: string; expected: string; found: string };

const statusFor = (daysBefore: number, t: Thresholds): VerdictStatus =>
  daysBefore >= t.readinessWarnDays ? 'pass' : daysBefore >= t.readinessDays ? 'warn' : 'fail';

const chartOf = (series: DailyValue[], target: number): SeriesChart => ({
  title: 'Planned daily volume, all IPs',
  series: [{ label: 'planned', points: series.map(({ date, value }) => ({ date, value })) }],
  threshold: { label: 'peak', value: target },
});

/** Reaching the volume once is not enough: a plan that falls back before the peak leaves it short on the day. */
const outcomeOf = (series: DailyValue[], reached: DailyValue | undefined, target: number, peak: Peak, t: Thresholds): Outcome => {
  // The threshold that decided the status: the warn margin for a pass or a warn, the fail margin for a fail.
  const inTime = (days: number): string => `${perDay(target)} ≥ ${plural(days, 'day')} before ${peak.start}`;
  if (reached === undefined) {
    const highest = series.reduce((high, day) => Math.max(high, day.value), 0);
    return {
      status: 'fail',
      message: `The planned total never reaches ${perDay(target)} before ${peak.name} ends on ${peak.end}; the most planned on one day is ${count(highest)}.`,
      expected: inTime(t.readinessDays),
      found: `never (highest ${perDay(highest)})`,
    };
  }
  const daysBefore = daysBetween(reached.date, peak.start);
  if (daysBefore < 0) {
    return {
      status: 'fail',
      message: `The planned total reaches ${perDay(target)} only on ${reached.date}, after ${peak.name} starts on ${peak.start}.`,
      expected: inTime(t.readinessDays),
      found: `${reached.date} (${plural(-daysBefore, 'day')} late)`,
    };
  }
  const onPeakStart = series.find((day) => day.date === peak.start)?.value ?? 0;
  if (onPeakStart < target) {
    return {
      status: 'fail',
      message: `The planned total reaches ${perDay(target)} on ${reached.date} but is back down to ${perDay(onPeakStart)} when ${peak.name} starts on ${peak.start}.`,
      expected: `${perDay(target)} on ${peak.start}`,
      found: `${perDay(onPeakStart)} on ${peak.start}`,
    };
  }
  const status = statusFor(daysBefore, t);
  return {
    status,
    expected: inTime(status === 'fail' ? t.readinessDays : t.readinessWarnDays),
    message: `The planned total reaches ${perDay(target)} on ${reached.date}, ${plural(daysBefore, 'day')} before ${peak.name} starts on ${peak.start}.`,
    found: `${reached.date} (${plural(daysBefore, 'day')} before)`,
  };
};

/** The IPs together must plan the peak volume early enough to hold it before the peak. */
export const peakReadiness: RuleEvaluator<'peak-readiness'> = (_artifact, config, ctx) => {
  const { peak } = ctx;
  const target = config.peakDailyVolume;
  const plans = resolvePlans(config);
  const series = summedPlan(plans, earliestStart(plans), peak.end);
  const reached = series.find((day) => day.value >= target);
  return [
    {
      rule: 'peak-readiness',
      subject: ALL_IPS,
      ...outcomeOf(series, reached, target, peak, config.thresholds),
      chart: chartOf(series, target),
      evidence: {
        peakDailyVolume: target,
        series: { start: series[0]?.date ?? null, values: series.map((day) => day.value) },
        reached: reached?.date ?? null,
        daysBeforePeak: reached === undefined ? null : daysBetween(reached.date, peak.start),
      },
    },
  ];
};
