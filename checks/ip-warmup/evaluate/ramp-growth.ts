import type { Verdict } from '../../../src/engine/define-check.js';
import type { Thresholds } from '../config.js';
import { count, factor, plural } from '../format.js';
import { planSteps, resolvePlans, type IpPlan, type PlanStep } from '../plan.js';
import type { RuleEvaluator } from '../types.js';

/** A growth limit and the daily volume above which it applies (0: from the first day). */
type Limit = { max: number; above: number };
type Offence = PlanStep & { factor: number; limit: number; above: number; level: 'warn' | 'fail' };

/** The warn limit for growth from `from`: the highest tier it is above, never looser than growthWarn. */
const warnLimit = (from: number, t: Thresholds): Limit => {
  const [tier] = t.growthTiers.filter((candidate) => from > candidate.above).sort((a, b) => b.above - a.above);
  return tier && tier.max < t.growthWarn ? { max: tier.max, above: tier.above } : { max: t.growthWarn, above: 0 };
};

const offenceOf = (step: PlanStep, t: Thresholds): Offence | undefined => {
  const growth = step.to / step.from;
  if (growth > t.growthFail) return { ...step, factor: growth, limit: t.growthFail, above: 0, level: 'fail' };
  const limit = warnLimit(step.from, t);
  return growth > limit.max ? { ...step, factor: growth, limit: limit.max, above: limit.above, level: 'warn' } : undefined;
};

const limitText = ({ max, above }: Limit): string => `≤ ${factor(max)} a day${above > 0 ? ` above ${count(above)}/day` : ''}`;

/** The offence a reader should see first: a failing one, then the steepest. */
const worst = (offences: Offence[]): Offence | undefined =>
  [...offences].sort((a, b) => Number(b.level === 'fail') - Number(a.level === 'fail') || b.factor - a.factor)[0];

const steepest = (steps: PlanStep[]): PlanStep | undefined => [...steps].sort((a, b) => b.to / b.from - a.to / a.from)[0];

/** Every limit a passing plan kept to. */
const limitsText = (t: Thresholds): string => {
  const tiers = [...t.growthTiers].sort((a, b) => a.above - b.above);
  return [`≤ ${factor(t.growthWarn)} a day`, ...tiers.map((tier) => `≤ ${factor(tier.max)} above ${count(tier.above)}/day`)].join('; ');
};

const judgeIp = (plan: IpPlan, t: Thresholds): Verdict<'ramp-growth'> => {
  const steps = planSteps(plan);
  const offences = steps.map((step) => offenceOf(step, t)).filter((offence) => offence !== undefined);
  const first = worst(offences);
  const base = { rule: 'ramp-growth', subject: plan.address } as const;
  if (first === undefined) {
    const top = steepest(steps);
    return {
      ...base,
      status: 'pass',
      expected: limitsText(t),
      message: top
        ? `The steepest planned step of ${plan.address} is ${factor(top.to / top.from)} on ${top.date} (${count(top.from)} → ${count(top.to)}), within the limits.`
        : `The plan of ${plan.address} has no day-over-day steps.`,
      found: top ? `${factor(top.to / top.from)} on ${top.date}` : 'no steps',
      evidence: { steps: [] },
    };
  }
  return {
    ...base,
    status: first.level,
    expected: limitText({ max: first.limit, above: first.above }),
    message: `${plural(offences.length, 'planned step')} of ${plan.address} ${offences.length === 1 ? 'grows' : 'grow'} too fast; the steepest is ${factor(first.factor)} on ${first.date} (${count(first.from)} → ${count(first.to)}), above the ${factor(first.limit)} limit.`,
    found: `${factor(first.factor)} on ${first.date}`,
    evidence: {
      steps: offences.map(({ date, from, to, factor: growth, limit }) => ({ date, from, to, factor: Number(growth.toFixed(3)), limit })),
    },
  };
};

/** Each IP's plan, sending day against the sending day before it (pauses skipped). */
export const rampGrowth: RuleEvaluator<'ramp-growth'> = (_artifact, config) =>
  resolvePlans(config).map((plan) => judgeIp(plan, config.thresholds));
