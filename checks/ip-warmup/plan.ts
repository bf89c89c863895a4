import { addDays, daysBetween } from '../../src/lib/dates.js';
import type { IpPlanConfig, IpWarmupConfig } from './config.js';
import { scaledSchedule, type ScheduleName } from './schedules.js';

/** One IP's warm-up with its daily volumes resolved, whether the profile gave a plan or a schedule. */
export type IpPlan = {
  address: string;
  start: string;
  /** volumes[i] is planned for start + i days; the last one holds afterwards. */
  volumes: number[];
  schedule?: ScheduleName;
};

export type DailyValue = { date: string; value: number };

/** A planned change between two sending days; pauses (0-days) in between are skipped over. */
export type PlanStep = { date: string; from: number; to: number };

/** Each IP's even share of the peak volume, rounded up so the shares add up to at least the peak. */
export const ipShare = (config: IpWarmupConfig): number => Math.ceil(config.peakDailyVolume / config.ips.length);

const resolvePlan = (ip: IpPlanConfig, share: number): IpPlan =>
  ip.schedule === undefined
    ? { address: ip.address, start: ip.start, volumes: ip.plan ?? [] }
    : { address: ip.address, start: ip.start, volumes: scaledSchedule(ip.schedule, share), schedule: ip.schedule };

export const resolvePlans = (config: IpWarmupConfig): IpPlan[] =>
  config.ips.map((ip) => resolvePlan(ip, ipShare(config)));

/** Every date from `from` to `to`, both included; none when `to` comes first. */
export const datesFrom = (from: string, to: string): string[] =>
  Array.from({ length: Math.max(0, daysBetween(from, to) + 1) }, (_, i) => addDays(from, i));

export const plannedOn = (plan: IpPlan, date: string): number => {
  const day = daysBetween(plan.start, date);
  if (day < 0) return 0;
  return plan.volumes[Math.min(day, plan.volumes.length - 1)] ?? 0;
};

/** The date of the plan's last written volume: from then on that volume holds. */
export const lastPlanDate = (plan: IpPlan): string => addDays(plan.start, plan.volumes.length - 1);

export const earliestStart = (plans: IpPlan[]): string =>
  plans.map((plan) => plan.start).reduce((earliest, start) => (start < earliest ? start : earliest));

export const summedPlan = (plans: IpPlan[], from: string, to: string): DailyValue[] =>
  datesFrom(from, to).map((date) => ({ date, value: plans.reduce((sum, plan) => sum + plannedOn(plan, date), 0) }));

export const highestPlanned = (plan: IpPlan): number => plan.volumes.reduce((high, v) => Math.max(high, v), 0);

/** The first day with a volume above 0: day one of sending, even if the plan opens with a pause. */
export const firstSendingDay = (plan: IpPlan): DailyValue | undefined => {
  const index = plan.volumes.findIndex((volume) => volume > 0);
  const value = plan.volumes[index];
  return value === undefined ? undefined : { date: addDays(plan.start, index), value };
};

/** 1-based day (day 1 = start) on which the plan first reaches its highest volume. */
export const dayReachingHighest = (plan: IpPlan): number => plan.volumes.indexOf(highestPlanned(plan)) + 1;

/** Each sending day against the sending day before it. */
export const planSteps = (plan: IpPlan): PlanStep[] => {
  const steps: PlanStep[] = [];
  let previous = 0;
  plan.volumes.forEach((volume, day) => {
    if (volume === 0) return;
    if (previous > 0) steps.push({ date: addDays(plan.start, day), from: previous, to: volume });
    previous = volume;
  });
  return steps;
};

/** Dates from the start to `until` with a planned volume above 0. */
export const plannedSendDates = (plan: IpPlan, until: string): string[] =>
  datesFrom(plan.start, until).filter((date) => plannedOn(plan, date) > 0);
