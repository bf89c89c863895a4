import { z } from 'zod';
import { ipAddress, isoDate } from '../../src/profile/fields.js';

export const REFERENCE_SCHEDULES = ['sendgrid', 'braze', 'sparkpost'] as const;

const volume = () => z.number().int().nonnegative();

const ip = z
  .strictObject({
    /** The dedicated sending IP. */
    address: ipAddress(),
    /** First warm-up day. */
    start: isoDate(),
    /** Daily volumes from `start`, one per day; the last value holds afterwards. 0 is a day without sends. */
    plan: z.array(volume()).min(1).optional(),
    /** A published reference ramp, scaled to this IP's share of the peak volume. */
    schedule: z.enum(REFERENCE_SCHEDULES).optional(),
  })
  .refine((entry) => (entry.plan === undefined) !== (entry.schedule === undefined), {
    error: 'give either `plan` (daily volumes) or `schedule` (sendgrid | braze | sparkpost), not both or neither',
  });

/** Every threshold the rules use; the defaults come from the providers' published guidance. */
export const thresholds = z.strictObject({
  readinessDays: z.number().int().nonnegative().default(14),
  readinessWarnDays: z.number().int().nonnegative().default(21),
  growthWarn: z.number().positive().default(2.0),
  growthFail: z.number().positive().default(2.5),
  /** Lower growth limits once a level is reached: [{above: daily volume, max: factor}], warn. */
  growthTiers: z
    .array(z.strictObject({ above: volume(), max: z.number().positive() }))
    .default([
      { above: 50_000, max: 1.5 },
      { above: 100_000, max: 1.2 },
      { above: 250_000, max: 1.1 },
    ]),
  firstDayWarn: volume().default(500),
  firstDayFail: volume().default(5_000),
  /** The published ramp a `plan:` is measured against; an IP on `schedule:` is measured against its own. */
  rampReference: z.enum(REFERENCE_SCHEDULES).default('braze'),
  /** No ramp is long enough below this many days, however small its volume. */
  rampFloorDays: z.number().int().nonnegative().default(14),
  gapDaysFail: z.number().int().positive().default(30),
  sendDaysPerWeek: z.number().int().min(0).max(7).default(3),
  perIpWarn: volume().default(1_000_000),
  perIpFail: volume().default(2_000_000),
  /** An actual day off the plan by more than this share counts as off plan. */
  planTolerance: z.number().nonnegative().default(0.2),
  /** A day that sent more than this multiple of its plan is over-ramping: it fails. */
  overPlanFail: z.number().positive().default(1.5),
  /** The latest days sending less than this share of their plan cannot reach the peak in time: it fails. */
  behindPlanFail: z.number().nonnegative().default(0.5),
  /** How many of the latest days (calendar days for the plan, sending days for the rates) judge the current state. */
  recentDays: z.number().int().positive().default(7),
  bounceRateHold: z.number().nonnegative().default(0.05),
  complaintRateWarn: z.number().nonnegative().default(0.001),
  complaintRateFail: z.number().nonnegative().default(0.003),
});

export const config = z.strictObject({
  /** Messages a day needed across all IPs on the first peak day. */
  peakDailyVolume: z.number().int().positive(),
  ips: z.array(ip).min(1),
  /** CSV of actual sends: date,ip,sent,bounced,complaints. Relative to the profile. */
  actuals: z.string().min(1).optional(),
  thresholds: thresholds.prefault({}),
});

export type IpWarmupConfig = z.infer<typeof config>;
export type IpPlanConfig = IpWarmupConfig['ips'][number];
export type Thresholds = IpWarmupConfig['thresholds'];
