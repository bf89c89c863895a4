import type { REFERENCE_SCHEDULES } from './config.js';

export type ScheduleName = (typeof REFERENCE_SCHEDULES)[number];

/** How a reader knows each published ramp. */
export const SCHEDULE_NAMES: Record<ScheduleName, string> = { sendgrid: 'SendGrid', braze: 'Braze', sparkpost: 'SparkPost' };

/** Published daily volumes from day 1, copied from each provider's warm-up guide. */
export const REFERENCE_RAMPS: Record<ScheduleName, readonly number[]> = {
  // SendGrid "IP Warmup Schedule" (manual warm-up): day 18 onwards, double daily.
  sendgrid: [
    50, 100, 1_000, 5_000, 10_000, 50_000, 200_000, 500_000, 800_000, 1_000_000, 1_600_000, 2_000_000, 3_000_000,
    4_500_000, 7_000_000, 9_000_000, 12_000_000,
  ],
  // Braze "IP warming": day 18 onwards, double daily until the desired volume.
  braze: [
    50, 100, 500, 1_000, 5_000, 10_000, 20_000, 40_000, 70_000, 100_000, 150_000, 250_000, 400_000, 600_000,
    1_000_000, 2_000_000, 4_000_000,
  ],
  // SparkPost "IP Warm-up Overview": above 5M, never more than double the previous day.
  sparkpost: [
    200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 40_000, 100_000, 250_000, 500_000, 1_000_000, 2_000_000, 5_000_000,
  ],
};

/** SendGrid and Braze double daily past their tables; SparkPost allows at most double. */
const GROWTH_PAST_TABLE = 2;

/** Volume on a 0-based day of the published ramp, extended past its table by daily doubling. */
const referenceVolume = (name: ScheduleName, day: number): number => {
  const table = REFERENCE_RAMPS[name];
  const lastDay = table.length - 1;
  const tableVolume = table[Math.min(day, lastDay)] ?? 0;
  return tableVolume * GROWTH_PAST_TABLE ** Math.max(0, day - lastDay);
};

/**
 * The daily plan of one IP that follows a published ramp up to its share of the peak volume: the table's
 * days below the share, then the share itself, which holds from then on.
 */
export const scaledSchedule = (name: ScheduleName, share: number): number[] => {
  const ramp: number[] = [];
  for (let day = 0; ; day += 1) {
    const volume = referenceVolume(name, day);
    if (volume >= share) return [...ramp, share];
    ramp.push(volume);
  }
};

/** 1-based day on which the published ramp first reaches `volume` (day 1 for a volume at or below its first day). */
export const referenceDayReaching = (name: ScheduleName, volume: number): number => scaledSchedule(name, Math.max(1, volume)).length;
