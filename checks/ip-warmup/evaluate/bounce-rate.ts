import { rateOver, sendingDays, type DaySends, type IpActuals } from '../actuals.js';
import type { Thresholds } from '../config.js';
import { count, percent, plural } from '../format.js';
import { judgeEachIp, type IpJudgement } from '../judge-actuals.js';
import type { IpPlan } from '../plan.js';
import type { RuleEvaluator } from '../types.js';

type Spike = { date: string; sent: number; bounced: number; rate: number; nextDate: string; nextSent: number };

const rateOf = (day: DaySends): number => day.bounced / day.sent;

/** A bounce spike is survivable when the next sending day holds the volume; climbing through it is not. */
const spikesNotHeld = (days: DaySends[], t: Thresholds): Spike[] =>
  days.flatMap((day, i) => {
    const next = days[i + 1];
    return next && rateOf(day) > t.bounceRateHold && next.sent > day.sent
      ? [{ date: day.date, sent: day.sent, bounced: day.bounced, rate: rateOf(day), nextDate: next.date, nextSent: next.sent }]
      : [];
  });

const judgeIp = (plan: IpPlan, actuals: IpActuals, t: Thresholds): IpJudgement => {
  const days = sendingDays(actuals);
  if (days.length === 0) {
    return { status: 'skip', message: `The actuals record no sends from ${plan.address} up to today, so there is no bounce rate to judge.` };
  }
  const recent = rateOver(days.slice(-t.recentDays), 'bounced');
  const spikes = spikesNotHeld(days, t);
  const recentLimit = `≤ ${percent(t.bounceRateHold)} over the last ${plural(t.recentDays, 'sending day')}`;
  const heldAfterSpike = `volume held after a day above ${percent(t.bounceRateHold)}`;
  const evidence = {
    recent: { from: recent.from, to: recent.to, sent: recent.sent, bounced: recent.counted, rate: recent.rate },
    spikesNotHeld: spikes,
  };
  const window = `over its last ${plural(Math.min(days.length, t.recentDays), 'sending day')} (${recent.from} to ${recent.to})`;
  if (recent.rate > t.bounceRateHold) {
    return {
      status: 'fail',
      message: `${plan.address} bounced ${percent(recent.rate)} ${window}, ${count(recent.counted)} of ${count(recent.sent)}, above the ${percent(t.bounceRateHold)} level where the warm-up must hold.`,
      expected: recentLimit,
      found: percent(recent.rate),
      evidence,
    };
  }
  const [spike] = spikes;
  if (spike) {
    return {
      status: 'warn',
      message: `${plan.address} bounced ${percent(spike.rate)} on ${spike.date} and the volume rose from ${count(spike.sent)} to ${count(spike.nextSent)} on ${spike.nextDate} instead of being held.`,
      expected: heldAfterSpike,
      found: `${percent(spike.rate)} on ${spike.date}, then more volume`,
      evidence,
    };
  }
  return {
    status: 'pass',
    message: `${plan.address} bounced ${percent(recent.rate)} ${window}, under ${percent(t.bounceRateHold)}, and no bounce spike was followed by more volume.`,
    expected: `${recentLimit}; ${heldAfterSpike}`,
    found: percent(recent.rate),
    evidence,
  };
};

/** Each IP's bounce rate over its latest sending days, and whether it kept climbing through a spike. */
export const bounceRate: RuleEvaluator<'bounce-rate'> = (artifact, config, ctx) =>
  judgeEachIp('bounce-rate', artifact, config, ctx, (plan, actuals) => judgeIp(plan, actuals, config.thresholds));
