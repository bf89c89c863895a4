import type { Verdict, VerdictStatus } from '../../../src/engine/define-check.js';
import { addDays } from '../../../src/lib/dates.js';
import type { Thresholds } from '../config.js';
import { count, perDay, plural } from '../format.js';
import { dayReachingHighest, firstSendingDay, highestPlanned, resolvePlans, type IpPlan } from '../plan.js';
import { referenceDayReaching, SCHEDULE_NAMES, type ScheduleName } from '../schedules.js';
import type { RuleEvaluator } from '../types.js';

/** What the published ramp needs to go from the plan's opening volume to its highest one, in days (both counted). */
type Reference = { name: ScheduleName; from: number; to: number; days: number };

const referenceFor = (plan: IpPlan, opening: number, highest: number, t: Thresholds): Reference => {
  const name = plan.schedule ?? t.rampReference;
  // Measured from the plan's own opening volume, so a plan that opens at 500 is not blamed for skipping the 50 and 100 days.
  const days = referenceDayReaching(name, highest) - referenceDayReaching(name, opening) + 1;
  return { name, from: opening, to: highest, days };
};

const referenceText = (ref: Reference): string => `${SCHEDULE_NAMES[ref.name]}'s ramp from ${count(ref.from)} to ${perDay(ref.to)}`;

const statusFor = (days: number, ref: Reference, t: Thresholds): VerdictStatus =>
  days < ref.days ? 'fail' : days < t.rampFloorDays ? 'warn' : 'pass';

/** The length that decided the status: the reference's for a fail, the floor for a warn, the longer of both for a pass. */
const expectedFor = (status: VerdictStatus, ref: Reference, t: Thresholds): string => {
  const floor = `≥ ${plural(t.rampFloorDays, 'day')} (the floor for any ramp)`;
  const reference = `≥ ${plural(ref.days, 'day')} (${referenceText(ref)})`;
  if (status === 'fail') return reference;
  if (status === 'warn') return floor;
  return ref.days > t.rampFloorDays ? reference : floor;
};

const messageFor = (status: VerdictStatus, ref: Reference, t: Thresholds): string => {
  if (status === 'fail') return `faster than ${referenceText(ref)}, which takes ${plural(ref.days, 'day')}`;
  if (status === 'warn') return `shorter than the ${plural(t.rampFloorDays, 'day')} any warm-up needs`;
  return `no faster than ${referenceText(ref)} (${plural(ref.days, 'day')}) and at least ${plural(t.rampFloorDays, 'day')}`;
};

const judgeIp = (plan: IpPlan, t: Thresholds): Verdict<'ramp-length'> => {
  const highest = highestPlanned(plan);
  const opening = firstSendingDay(plan);
  const base = { rule: 'ramp-length', subject: plan.address } as const;
  if (opening === undefined) {
    return { ...base, status: 'skip', message: `The plan of ${plan.address} sends nothing, so it has no ramp to judge.` };
  }
  const day = dayReachingHighest(plan);
  const reached = addDays(plan.start, day - 1);
  const ref = referenceFor(plan, opening.value, highest, t);
  const status = statusFor(day, ref, t);
  return {
    ...base,
    status,
    message: `${plan.address} reaches its highest planned volume, ${perDay(highest)}, on day ${day} (${reached}): ${messageFor(status, ref, t)}.`,
    expected: expectedFor(status, ref, t),
    found: plural(day, 'day'),
    evidence: { start: plan.start, highest, reached, days: day, reference: ref.name, referenceDays: ref.days, floorDays: t.rampFloorDays },
  };
};

/** Each IP from its cold start (day 1) to the first day at its highest planned volume, against a published ramp. */
export const rampLength: RuleEvaluator<'ramp-length'> = (_artifact, config) =>
  resolvePlans(config).map((plan) => judgeIp(plan, config.thresholds));
