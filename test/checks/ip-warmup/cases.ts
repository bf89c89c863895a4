import { readFileSync } from 'node:fs';
import type { EvaluateContext, Verdict, VerdictStatus } from '../../../src/engine/define-check.js';
import type { IpWarmupArtifact } from '../../../checks/ip-warmup/artifact.js';
import { config as configSchema } from '../../../checks/ip-warmup/config.js';
import { evaluate } from '../../../checks/ip-warmup/evaluate.js';
import type { RuleId } from '../../../checks/ip-warmup/types.js';

/** The rule table of ip-warmup: each case judges a recorded artifact with a config, on a day. */
export const ctx: EvaluateContext = {
  today: '2026-11-20',
  peak: { name: 'Black Friday 2026', start: '2026-11-27', end: '2026-11-30', derived: true },
  store: { name: 'Test store', timezone: 'UTC' },
};

export const artifact = (name: string): IpWarmupArtifact =>
  JSON.parse(readFileSync(new URL(`../../../fixtures/artifacts/ip-warmup/${name}.json`, import.meta.url), 'utf8')) as IpWarmupArtifact;

export const A = '198.51.100.20';
export const B = '198.51.100.21';
export const ALL = 'all IPs';

/** `days` copies of a volume. */
export const hold = (volume: number, days: number): number[] => Array.from({ length: days }, () => volume);
/** A gentle ramp: from `first`, ×1.2 a day for `days` days (rounded). */
export const gentle = (first: number, days: number): number[] => Array.from({ length: days }, (_, i) => Math.round(first * 1.2 ** i));

export const one = (plan: number[], start = '2026-08-03', peakDailyVolume = Math.max(...plan)) => ({
  peakDailyVolume,
  ips: [{ address: A, start, plan }],
});

// The plan the actuals fixtures were recorded against: 2026-11-06 onwards, 10,000/day from day 5.
export const ACTUALS_PLAN = { peakDailyVolume: 20_000, actuals: 'sends.csv', ips: [{ address: A, start: '2026-11-06', plan: [1000, 2000, 4000, 8000, 10_000] }] };
// The plan actuals-ended-early followed, from 2026-10-20 to its last row on 2026-11-01.
export const ENDED_EARLY_PLAN = { ...ACTUALS_PLAN, ips: [{ address: A, start: '2026-10-20', plan: [1000, 2000, 4000, 8000, 10_000] }] };
// The IPs of the *-limits recordings, .20 to .25, all on the plan the actuals fixtures follow.
export const limitsPlan = (ips: number[]) => ({ ...ACTUALS_PLAN, ips: ips.map((n) => ({ address: `198.51.100.${n}`, start: '2026-11-06', plan: [1000, 2000, 4000, 8000, 10_000] })) });
export const RAMP21 = Array.from({ length: 21 }, (_, i) => 1000 + i * 500);

export type Expectation = Partial<Record<RuleId, Record<string, VerdictStatus>>>;
/** Expected texts by rule and subject, for the rows at a threshold: they must name the threshold that decided. */
export type ExpectedTexts = Partial<Record<RuleId, Record<string, string>>>;
export type Case = { name: string; artifact: string; config: unknown; today?: string; expect: Expectation; expected?: ExpectedTexts };

export const cases: Case[] = [
  // peak-readiness
  {
    name: 'two IPs on the Braze schedule reach the peak in August',
    artifact: 'no-actuals',
    config: { peakDailyVolume: 1_200_000, ips: [{ address: A, start: '2026-08-03', schedule: 'braze' }, { address: B, start: '2026-08-03', schedule: 'braze' }] },
    expect: { 'peak-readiness': { [ALL]: 'pass' } },
  },
  {
    name: 'the peak volume is reached 18 days before the peak',
    artifact: 'no-actuals',
    config: one([...gentle(500, 30), 200_000], '2026-10-10', 200_000),
    expect: { 'peak-readiness': { [ALL]: 'warn' } },
  },
  {
    name: 'the peak volume is reached 7 days before the peak',
    artifact: 'no-actuals',
    config: one([...gentle(500, 30), 200_000], '2026-10-21', 200_000),
    expect: { 'peak-readiness': { [ALL]: 'fail' } },
  },
  {
    name: 'the plans never add up to the peak volume',
    artifact: 'no-actuals',
    config: one(gentle(500, 30), '2026-08-03', 1_000_000),
    expect: { 'peak-readiness': { [ALL]: 'fail' } },
  },
  {
    name: 'the plan reaches the peak volume only during the peak',
    artifact: 'no-actuals',
    config: one([...hold(1000, 117), 100_000], '2026-08-03', 100_000),
    expect: { 'peak-readiness': { [ALL]: 'fail' } },
  },
  {
    name: 'the plan reaches the peak volume but ends on a pause',
    artifact: 'no-actuals',
    config: one([...gentle(500, 30), 0], '2026-08-03', 90_000),
    expect: { 'peak-readiness': { [ALL]: 'fail' } },
  },

  // ramp-growth
  {
    name: 'a gentle ramp',
    artifact: 'no-actuals',
    config: one([500, 1000, 2000, 4000, 8000, 16_000, 32_000, 48_000, 57_000, 68_000, 81_000, 97_000, 110_000, 121_000]),
    expect: { 'ramp-growth': { [A]: 'pass' } },
  },
  {
    name: 'one step of 2.2× at low volume',
    artifact: 'no-actuals',
    config: one([500, 1100, 2000]),
    expect: { 'ramp-growth': { [A]: 'warn' } },
  },
  {
    name: 'a 1.15× step above 250,000/day',
    artifact: 'no-actuals',
    config: one([300_000, 345_000]),
    expect: { 'ramp-growth': { [A]: 'warn' } },
  },
  {
    name: 'a 1.2× step at exactly 250,000/day uses the 100,000 tier',
    artifact: 'no-actuals',
    config: one([250_000, 300_000]),
    expect: { 'ramp-growth': { [A]: 'pass' } },
  },
  {
    name: 'a 3× jump',
    artifact: 'no-actuals',
    config: one([1000, 2000, 6000]),
    expect: { 'ramp-growth': { [A]: 'fail' } },
  },
  {
    name: 'a pause does not reset the comparison: 1,000 then 3,000 after two quiet days',
    artifact: 'no-actuals',
    config: one([1000, 0, 0, 3000]),
    expect: { 'ramp-growth': { [A]: 'fail' } },
  },
  {
    name: 'the SendGrid schedule jumps 10× on day 3',
    artifact: 'no-actuals',
    config: { peakDailyVolume: 600_000, ips: [{ address: A, start: '2026-08-03', schedule: 'sendgrid' }] },
    expect: { 'ramp-growth': { [A]: 'fail' } },
  },

  // first-day-volume
  {
    name: 'day one sends 500',
    artifact: 'no-actuals',
    config: one([500, 1000]),
    expect: { 'first-day-volume': { [A]: 'pass' } },
  },
  {
    name: 'day one sends 1,000',
    artifact: 'no-actuals',
    config: one([1000, 2000]),
    expect: { 'first-day-volume': { [A]: 'warn' } },
  },
  {
    name: 'day one sends 10,000',
    artifact: 'no-actuals',
    config: one([10_000, 20_000]),
    expect: { 'first-day-volume': { [A]: 'fail' } },
  },
  {
    name: 'the plan opens with a pause, then 400',
    artifact: 'no-actuals',
    config: one([0, 400, 800]),
    expect: { 'first-day-volume': { [A]: 'pass' } },
  },
  {
    name: 'a plan that sends nothing',
    artifact: 'no-actuals',
    config: one([0], '2026-08-03', 1000),
    expect: { 'first-day-volume': { [A]: 'skip' }, 'ramp-length': { [A]: 'skip' } },
  },

  // ramp-length: against Braze from the plan's opening volume (500 on day 3, 40,000 on day 8: 6 days), floor 14 days
  {
    name: 'a ramp to 40,000/day in 5 days outruns Braze\'s 6',
    artifact: 'no-actuals',
    config: one([500, 1000, 5000, 10_000, 40_000]),
    expect: { 'ramp-length': { [A]: 'fail' } },
    expected: { 'ramp-length': { [A]: "≥ 6 days (Braze's ramp from 500 to 40,000/day)" } },
  },
  {
    name: 'a ramp to 40,000/day in exactly Braze\'s 6 days is under the 14-day floor',
    artifact: 'no-actuals',
    config: one([500, 1000, 2000, 5000, 10_000, 40_000]),
    expect: { 'ramp-length': { [A]: 'warn' } },
    expected: { 'ramp-length': { [A]: '≥ 14 days (the floor for any ramp)' } },
  },
  {
    name: 'a ramp to 40,000/day in 13 days',
    artifact: 'no-actuals',
    config: one([...hold(500, 12), 40_000]),
    expect: { 'ramp-length': { [A]: 'warn' } },
    expected: { 'ramp-length': { [A]: '≥ 14 days (the floor for any ramp)' } },
  },
  {
    name: 'a ramp to 40,000/day in 14 days is not short',
    artifact: 'no-actuals',
    config: one([...hold(500, 13), 40_000]),
    expect: { 'ramp-length': { [A]: 'pass' } },
    expected: { 'ramp-length': { [A]: '≥ 14 days (the floor for any ramp)' } },
  },
  {
    name: 'a ramp from 50 to 1,000,000/day in 14 days outruns Braze\'s 15',
    artifact: 'no-actuals',
    config: one([...hold(50, 13), 1_000_000]),
    expect: { 'ramp-length': { [A]: 'fail' } },
    expected: { 'ramp-length': { [A]: "≥ 15 days (Braze's ramp from 50 to 1,000,000/day)" } },
  },
  {
    name: 'a ramp from 50 to 1,000,000/day in exactly Braze\'s 15 days',
    artifact: 'no-actuals',
    config: one([...hold(50, 14), 1_000_000]),
    expect: { 'ramp-length': { [A]: 'pass' } },
    expected: { 'ramp-length': { [A]: "≥ 15 days (Braze's ramp from 50 to 1,000,000/day)" } },
  },
  {
    name: 'the same ramp against SendGrid, which reaches 1,000,000/day on day 10',
    artifact: 'no-actuals',
    config: { ...one([...hold(50, 13), 1_000_000]), thresholds: { rampReference: 'sendgrid' } },
    expect: { 'ramp-length': { [A]: 'pass' } },
    expected: { 'ramp-length': { [A]: '≥ 14 days (the floor for any ramp)' } },
  },
  {
    name: 'an IP on the Braze schedule is measured against Braze',
    artifact: 'no-actuals',
    config: { peakDailyVolume: 600_000, ips: [{ address: A, start: '2026-08-03', schedule: 'braze' }], thresholds: { rampReference: 'sparkpost' } },
    expect: { 'ramp-length': { [A]: 'pass' } },
    expected: { 'ramp-length': { [A]: '≥ 14 days (the floor for any ramp)' } },
  },
  {
    name: 'a floor of 0 days leaves only the reference',
    artifact: 'no-actuals',
    config: { ...one([500, 1000, 2000, 5000, 10_000, 40_000]), thresholds: { rampFloorDays: 0 } },
    expect: { 'ramp-length': { [A]: 'pass' } },
    expected: { 'ramp-length': { [A]: "≥ 6 days (Braze's ramp from 500 to 40,000/day)" } },
  },

  // sending-gap
  {
    name: 'a plan that sends every day',
    artifact: 'no-actuals',
    config: one(gentle(500, 30)),
    expect: { 'sending-gap': { [A]: 'pass' } },
  },
  {
    name: 'a plan with a 30-day pause',
    artifact: 'no-actuals',
    config: one([1000, 2000, ...hold(0, 30), 2000]),
    expect: { 'sending-gap': { [A]: 'fail' } },
  },
  {
    name: 'a plan that ends on a pause long before the peak',
    artifact: 'no-actuals',
    config: one([1000, 2000, 4000, 0]),
    expect: { 'sending-gap': { [A]: 'fail' } },
  },
  {
    name: 'a plan that sends two days a week',
    artifact: 'no-actuals',
    config: one([500, 1000, ...hold(0, 5), 2000, 4000, ...hold(0, 5), 8000, 10_000, ...hold(0, 5), 12_000]),
    expect: { 'sending-gap': { [A]: 'warn' } },
  },
  {
    name: 'actual sends stopped 40 days ago',
    artifact: 'actuals-stopped-sending',
    config: { ...ACTUALS_PLAN, ips: [{ address: A, start: '2026-09-01', plan: [1000, 2000, 4000, 8000, 10_000] }] },
    expect: { 'sending-gap': { [A]: 'fail' } },
  },
  {
    name: 'actual sends on two days of one warm-up week',
    artifact: 'actuals-thin-week',
    config: { ...ACTUALS_PLAN, ips: [{ address: A, start: '2026-10-20', plan: RAMP21 }] },
    expect: { 'sending-gap': { [A]: 'warn' } },
  },
  {
    name: 'actual sends every day',
    artifact: 'actuals-on-plan',
    config: ACTUALS_PLAN,
    expect: { 'sending-gap': { [A]: 'pass' } },
  },

  // holiday-start
  {
    name: 'a warm-up started in August',
    artifact: 'no-actuals',
    config: one(gentle(500, 30), '2026-08-03'),
    expect: { 'holiday-start': { [A]: 'pass' } },
  },
  {
    name: 'a warm-up started in October',
    artifact: 'no-actuals',
    config: one(gentle(500, 30), '2026-10-01'),
    expect: { 'holiday-start': { [A]: 'warn' } },
  },
  {
    name: 'a warm-up started in November',
    artifact: 'no-actuals',
    config: one(gentle(500, 10), '2026-11-02'),
    expect: { 'holiday-start': { [A]: 'fail' } },
  },
  {
    name: 'a November start of the previous season is not this season',
    artifact: 'no-actuals',
    config: one(gentle(500, 30), '2025-11-10'),
    expect: { 'holiday-start': { [A]: 'pass' } },
  },
  {
    name: 'a December start after the peak',
    artifact: 'no-actuals',
    config: one(gentle(500, 30), '2026-12-01'),
    expect: { 'holiday-start': { [A]: 'pass' } },
  },
  {
    name: 'an August start still ramping on Black Friday',
    artifact: 'no-actuals',
    config: one([...hold(1000, 116), 1100, 1200], '2026-08-03'),
    expect: { 'holiday-start': { [A]: 'fail' } },
  },

  // per-ip-volume
  {
    name: 'two IPs of 600,000/day',
    artifact: 'no-actuals',
    config: { peakDailyVolume: 1_200_000, ips: [{ address: A, start: '2026-08-03', schedule: 'braze' }, { address: B, start: '2026-08-03', schedule: 'braze' }] },
    expect: { 'per-ip-volume': { [A]: 'pass', [B]: 'pass', [ALL]: 'pass' } },
  },
  {
    name: 'one IP planned to 1,500,000/day',
    artifact: 'no-actuals',
    config: { peakDailyVolume: 1_500_000, ips: [{ address: A, start: '2026-08-03', schedule: 'sparkpost' }] },
    expect: { 'per-ip-volume': { [A]: 'warn', [ALL]: 'warn' } },
  },
  {
    name: 'one IP of two planned to 2,500,000/day',
    artifact: 'no-actuals',
    config: { peakDailyVolume: 3_000_000, ips: [{ address: A, start: '2026-08-03', plan: [500, 2_500_000] }, { address: B, start: '2026-08-03', plan: [500, 500_000] }] },
    expect: { 'per-ip-volume': { [A]: 'fail', [B]: 'pass', [ALL]: 'warn' } },
  },
  {
    name: 'two modest plans for a peak that needs three IPs',
    artifact: 'no-actuals',
    config: { peakDailyVolume: 5_000_000, ips: [{ address: A, start: '2026-08-03', plan: [500, 800_000] }, { address: B, start: '2026-08-03', plan: [500, 800_000] }] },
    expect: { 'per-ip-volume': { [A]: 'pass', [B]: 'pass', [ALL]: 'fail' } },
  },

  // every threshold of the plan rules: a row exactly at it and one just past it
  {
    name: 'peak volume reached exactly 21 days before the peak',
    artifact: 'no-actuals',
    config: one([1000, 2000], '2026-11-05', 2000),
    expect: { 'peak-readiness': { [ALL]: 'pass' } },
    expected: { 'peak-readiness': { [ALL]: '2,000/day ≥ 21 days before 2026-11-27' } },
  },
  {
    name: 'peak volume reached 20 days before the peak',
    artifact: 'no-actuals',
    config: one([1000, 2000], '2026-11-06', 2000),
    expect: { 'peak-readiness': { [ALL]: 'warn' } },
    expected: { 'peak-readiness': { [ALL]: '2,000/day ≥ 21 days before 2026-11-27' } },
  },
  {
    name: 'peak volume reached exactly 14 days before the peak',
    artifact: 'no-actuals',
    config: one([1000, 2000], '2026-11-12', 2000),
    expect: { 'peak-readiness': { [ALL]: 'warn' } },
    expected: { 'peak-readiness': { [ALL]: '2,000/day ≥ 21 days before 2026-11-27' } },
  },
  {
    name: 'peak volume reached 13 days before the peak',
    artifact: 'no-actuals',
    config: one([1000, 2000], '2026-11-13', 2000),
    expect: { 'peak-readiness': { [ALL]: 'fail' } },
    expected: { 'peak-readiness': { [ALL]: '2,000/day ≥ 14 days before 2026-11-27' } },
  },
  {
    name: 'peak volume reached, then a pause on the first peak day',
    artifact: 'no-actuals',
    config: one([...gentle(500, 30), 0], '2026-08-03', 90_000),
    expect: { 'peak-readiness': { [ALL]: 'fail' } },
    expected: { 'peak-readiness': { [ALL]: '90,000/day on 2026-11-27' } },
  },
  {
    name: 'day one sends exactly 500',
    artifact: 'no-actuals',
    config: one([500, 1000]),
    expect: { 'first-day-volume': { [A]: 'pass' } },
    expected: { 'first-day-volume': { [A]: 'at most 500' } },
  },
  {
    name: 'day one sends 501',
    artifact: 'no-actuals',
    config: one([501, 1000]),
    expect: { 'first-day-volume': { [A]: 'warn' } },
    expected: { 'first-day-volume': { [A]: 'at most 500' } },
  },
  {
    name: 'day one sends exactly 5,000',
    artifact: 'no-actuals',
    config: one([5000, 6000]),
    expect: { 'first-day-volume': { [A]: 'warn' } },
    expected: { 'first-day-volume': { [A]: 'at most 500' } },
  },
  {
    name: 'day one sends 5,001',
    artifact: 'no-actuals',
    config: one([5001, 6000]),
    expect: { 'first-day-volume': { [A]: 'fail' } },
    expected: { 'first-day-volume': { [A]: 'at most 5,000' } },
  },
  {
    name: 'a step of exactly 2×',
    artifact: 'no-actuals',
    config: one([1000, 2000]),
    expect: { 'ramp-growth': { [A]: 'pass' } },
    expected: { 'ramp-growth': { [A]: '≤ 2× a day; ≤ 1.5× above 50,000/day; ≤ 1.2× above 100,000/day; ≤ 1.1× above 250,000/day' } },
  },
  {
    name: 'a step just past 2×',
    artifact: 'no-actuals',
    config: one([1000, 2001]),
    expect: { 'ramp-growth': { [A]: 'warn' } },
    expected: { 'ramp-growth': { [A]: '≤ 2× a day' } },
  },
  {
    name: 'a step of exactly 2.5×',
    artifact: 'no-actuals',
    config: one([1000, 2500]),
    expect: { 'ramp-growth': { [A]: 'warn' } },
    expected: { 'ramp-growth': { [A]: '≤ 2× a day' } },
  },
  {
    name: 'a step just past 2.5×',
    artifact: 'no-actuals',
    config: one([1000, 2501]),
    expect: { 'ramp-growth': { [A]: 'fail' } },
    expected: { 'ramp-growth': { [A]: '≤ 2.5× a day' } },
  },
  {
    name: '2× from exactly 50,000/day, where the 1.5× tier does not apply yet',
    artifact: 'no-actuals',
    config: one([50_000, 100_000]),
    expect: { 'ramp-growth': { [A]: 'pass' } },
  },
  {
    name: 'a step of exactly 1.5× above 50,000/day',
    artifact: 'no-actuals',
    config: one([60_000, 90_000]),
    expect: { 'ramp-growth': { [A]: 'pass' } },
  },
  {
    name: 'a step just past 1.5× above 50,000/day',
    artifact: 'no-actuals',
    config: one([60_000, 90_001]),
    expect: { 'ramp-growth': { [A]: 'warn' } },
    expected: { 'ramp-growth': { [A]: '≤ 1.5× a day above 50,000/day' } },
  },
  {
    name: 'a step of exactly 1.2× above 100,000/day',
    artifact: 'no-actuals',
    config: one([200_000, 240_000]),
    expect: { 'ramp-growth': { [A]: 'pass' } },
  },
  {
    name: 'a step just past 1.2× above 100,000/day',
    artifact: 'no-actuals',
    config: one([200_000, 240_001]),
    expect: { 'ramp-growth': { [A]: 'warn' } },
    expected: { 'ramp-growth': { [A]: '≤ 1.2× a day above 100,000/day' } },
  },
  {
    name: 'a step of exactly 1.1× above 250,000/day',
    artifact: 'no-actuals',
    config: one([300_000, 330_000]),
    expect: { 'ramp-growth': { [A]: 'pass' } },
  },
  {
    name: 'a step just past 1.1× above 250,000/day',
    artifact: 'no-actuals',
    config: one([300_000, 330_001]),
    expect: { 'ramp-growth': { [A]: 'warn' } },
    expected: { 'ramp-growth': { [A]: '≤ 1.1× a day above 250,000/day' } },
  },
  {
    name: 'a plan pausing 29 days',
    artifact: 'no-actuals',
    config: one([1000, 2000, ...hold(0, 29), 2000]),
    expect: { 'sending-gap': { [A]: 'pass' } },
    expected: { 'sending-gap': { [A]: 'no gap of 30 days or more; ≥ 3 sending days a week' } },
  },
  {
    name: 'a plan pausing exactly 30 days',
    artifact: 'no-actuals',
    config: one([1000, 2000, ...hold(0, 30), 2000]),
    expect: { 'sending-gap': { [A]: 'fail' } },
    expected: { 'sending-gap': { [A]: 'no gap of 30 days or more' } },
  },
  {
    name: 'a plan sending exactly three days a week',
    artifact: 'no-actuals',
    config: one([500, 1000, 1500, ...hold(0, 4), 2000, 2500, 3000, ...hold(0, 4), 4000]),
    expect: { 'sending-gap': { [A]: 'pass' } },
  },
  {
    name: 'a plan sending two days in a week',
    artifact: 'no-actuals',
    config: one([500, 1000, ...hold(0, 5), 2000, 4000, ...hold(0, 5), 8000, 10_000, ...hold(0, 5), 12_000]),
    expect: { 'sending-gap': { [A]: 'warn' } },
    expected: { 'sending-gap': { [A]: '≥ 3 sending days a week' } },
  },
  {
    name: 'a warm-up started on 30 September',
    artifact: 'no-actuals',
    config: one(gentle(500, 30), '2026-09-30'),
    expect: { 'holiday-start': { [A]: 'pass' } },
    expected: { 'holiday-start': { [A]: 'start before October 2026 or after 2026-11-30; no increase from 2026-11-27 to 2026-11-30' } },
  },
  {
    name: 'a warm-up started on 1 October',
    artifact: 'no-actuals',
    config: one(gentle(500, 30), '2026-10-01'),
    expect: { 'holiday-start': { [A]: 'warn' } },
    expected: { 'holiday-start': { [A]: 'start before October 2026' } },
  },
  {
    name: 'a warm-up started on 31 October',
    artifact: 'no-actuals',
    config: one(gentle(500, 20), '2026-10-31'),
    expect: { 'holiday-start': { [A]: 'warn' } },
    expected: { 'holiday-start': { [A]: 'start before October 2026' } },
  },
  {
    name: 'a warm-up started on 1 November',
    artifact: 'no-actuals',
    config: one(gentle(500, 20), '2026-11-01'),
    expect: { 'holiday-start': { [A]: 'fail' } },
    expected: { 'holiday-start': { [A]: 'start before November 2026' } },
  },
  {
    name: "a warm-up started on the peak's last day is still in its season",
    artifact: 'no-actuals',
    config: one(gentle(500, 5), '2026-11-30'),
    expect: { 'holiday-start': { [A]: 'fail' } },
    expected: { 'holiday-start': { [A]: 'start before November 2026' } },
  },
  {
    name: 'the last increase the day before the peak',
    artifact: 'no-actuals',
    config: one([...hold(1000, 115), 1100], '2026-08-03'),
    expect: { 'holiday-start': { [A]: 'pass' } },
  },
  {
    name: "an increase on the peak's first day",
    artifact: 'no-actuals',
    config: one([...hold(1000, 116), 1100], '2026-08-03'),
    expect: { 'holiday-start': { [A]: 'fail' } },
    expected: { 'holiday-start': { [A]: 'no increase from 2026-11-27 to 2026-11-30' } },
  },
  {
    name: "an increase on the peak's last day",
    artifact: 'no-actuals',
    config: one([...hold(1000, 119), 1100], '2026-08-03'),
    expect: { 'holiday-start': { [A]: 'fail' } },
  },
  {
    name: 'an increase the day after the peak',
    artifact: 'no-actuals',
    config: one([...hold(1000, 120), 1100], '2026-08-03'),
    expect: { 'holiday-start': { [A]: 'pass' } },
  },
  {
    name: 'one IP planned to exactly 1,000,000/day',
    artifact: 'no-actuals',
    config: one([500, 1_000_000]),
    expect: { 'per-ip-volume': { [A]: 'pass', [ALL]: 'pass' } },
    expected: { 'per-ip-volume': { [A]: '≤ 1,000,000/day per IP', [ALL]: '≤ 1,000,000/day per IP' } },
  },
  {
    name: 'one IP planned to 1,000,001/day',
    artifact: 'no-actuals',
    config: one([500, 1_000_001]),
    expect: { 'per-ip-volume': { [A]: 'warn', [ALL]: 'warn' } },
    expected: { 'per-ip-volume': { [A]: '≤ 1,000,000/day per IP', [ALL]: '≤ 1,000,000/day per IP' } },
  },
  {
    name: 'one IP planned to exactly 2,000,000/day',
    artifact: 'no-actuals',
    config: one([500, 2_000_000]),
    expect: { 'per-ip-volume': { [A]: 'warn', [ALL]: 'warn' } },
  },
  {
    name: 'one IP planned to 2,000,001/day',
    artifact: 'no-actuals',
    config: one([500, 2_000_001]),
    expect: { 'per-ip-volume': { [A]: 'fail', [ALL]: 'fail' } },
    expected: { 'per-ip-volume': { [A]: '≤ 2,000,000/day per IP', [ALL]: '≤ 2,000,000/day per IP' } },
  },

  // actuals: nothing to judge
  {
    name: 'no actuals file in the profile',
    artifact: 'no-actuals',
    config: one(gentle(500, 30)),
    expect: { 'actuals-current': { [ALL]: 'skip' }, 'actuals-on-plan': { [ALL]: 'skip' }, 'bounce-rate': { [ALL]: 'skip' }, 'complaint-rate': { [ALL]: 'skip' } },
  },
  {
    name: 'an actuals file that could not be read',
    artifact: 'actuals-unreadable',
    config: ACTUALS_PLAN,
    expect: { 'actuals-current': { [ALL]: 'error' }, 'actuals-on-plan': { [ALL]: 'error' }, 'bounce-rate': { [ALL]: 'error' }, 'complaint-rate': { [ALL]: 'error' } },
  },
  {
    name: 'a warm-up that has not started by today',
    artifact: 'actuals-on-plan',
    config: ACTUALS_PLAN,
    today: '2026-08-01',
    expect: { 'actuals-on-plan': { [A]: 'skip' }, 'bounce-rate': { [A]: 'skip' }, 'complaint-rate': { [A]: 'skip' } },
  },
  {
    name: 'a warm-up that starts today',
    artifact: 'actuals-on-plan',
    config: { ...ACTUALS_PLAN, ips: [{ address: B, start: '2026-11-20', plan: [500, 1000] }] },
    expect: { 'actuals-on-plan': { [B]: 'skip', [A]: 'warn' }, 'bounce-rate': { [B]: 'skip' }, 'complaint-rate': { [B]: 'skip' } },
  },

  // actuals-current: the file ends on its last row up to today; warn past recentDays (7)
  {
    name: 'actuals ending yesterday',
    artifact: 'actuals-on-plan',
    config: ACTUALS_PLAN,
    expect: { 'actuals-current': { 'sends.csv': 'pass' } },
    expected: { 'actuals-current': { 'sends.csv': 'actuals up to 7 days before today' } },
  },
  {
    name: 'actuals ending exactly 7 days before today',
    artifact: 'actuals-ended-early',
    config: ENDED_EARLY_PLAN,
    today: '2026-11-08',
    expect: { 'actuals-current': { 'sends.csv': 'pass' } },
  },
  {
    name: 'actuals ending 8 days before today are judged up to their last date',
    artifact: 'actuals-ended-early',
    config: ENDED_EARLY_PLAN,
    today: '2026-11-09',
    expect: { 'actuals-current': { 'sends.csv': 'warn' }, 'actuals-on-plan': { [A]: 'pass' }, 'sending-gap': { [A]: 'pass' } },
    expected: { 'actuals-current': { 'sends.csv': 'actuals up to 7 days before today' } },
  },
  {
    name: 'an export with no row up to today',
    artifact: 'actuals-on-plan',
    config: ACTUALS_PLAN,
    today: '2026-11-05',
    expect: { 'actuals-current': { 'sends.csv': 'warn' } },
  },
  {
    name: 'days without a row are not read as days without sends',
    artifact: 'actuals-missing-days',
    config: { ...ACTUALS_PLAN, ips: [{ address: A, start: '2026-10-20', plan: RAMP21 }] },
    expect: { 'sending-gap': { [A]: 'pass' }, 'actuals-on-plan': { [A]: 'pass' }, 'actuals-current': { 'sends.csv': 'pass' } },
  },

  // actuals-on-plan
  {
    name: 'sends within 2% of plan',
    artifact: 'actuals-on-plan',
    config: ACTUALS_PLAN,
    expect: { 'actuals-on-plan': { [A]: 'pass' } },
  },
  {
    name: 'two days 30% under plan',
    artifact: 'actuals-off-plan-days',
    config: ACTUALS_PLAN,
    expect: { 'actuals-on-plan': { [A]: 'warn' } },
  },
  {
    name: 'one day at twice the plan',
    artifact: 'actuals-over-ramp',
    config: ACTUALS_PLAN,
    expect: { 'actuals-on-plan': { [A]: 'fail' } },
  },
  {
    name: 'the last week at 40% of plan',
    artifact: 'actuals-behind-plan',
    config: ACTUALS_PLAN,
    expect: { 'actuals-on-plan': { [A]: 'fail' } },
  },
  {
    name: 'sends from an IP the profile does not list',
    artifact: 'actuals-unplanned-ip',
    config: ACTUALS_PLAN,
    expect: { 'actuals-on-plan': { [A]: 'pass', '203.0.113.9': 'warn' } },
  },
  {
    name: 'a wider tolerance accepts the days 30% under plan',
    artifact: 'actuals-off-plan-days',
    config: { ...ACTUALS_PLAN, thresholds: { planTolerance: 0.35 } },
    expect: { 'actuals-on-plan': { [A]: 'pass' } },
  },

  // bounce-rate
  {
    name: 'bounces around 1%',
    artifact: 'actuals-on-plan',
    config: ACTUALS_PLAN,
    expect: { 'bounce-rate': { [A]: 'pass' } },
  },
  {
    name: 'bounces at 7% over the last week',
    artifact: 'actuals-bounce-high',
    config: ACTUALS_PLAN,
    expect: { 'bounce-rate': { [A]: 'fail' } },
  },
  {
    name: 'an 8% bounce day followed by a held volume',
    artifact: 'actuals-bounce-spike-held',
    config: ACTUALS_PLAN,
    expect: { 'bounce-rate': { [A]: 'pass' } },
  },
  {
    name: 'a 9% bounce day followed by more volume',
    artifact: 'actuals-bounce-spike-climbing',
    config: ACTUALS_PLAN,
    expect: { 'bounce-rate': { [A]: 'warn' } },
  },
  {
    name: 'a planned IP with no sends recorded',
    artifact: 'actuals-unplanned-ip',
    config: { ...ACTUALS_PLAN, ips: [{ address: B, start: '2026-11-06', plan: [1000, 2000] }] },
    expect: { 'bounce-rate': { [B]: 'skip' }, 'complaint-rate': { [B]: 'skip' }, 'actuals-on-plan': { [B]: 'warn', [A]: 'warn', '203.0.113.9': 'warn' } },
    expected: { 'actuals-on-plan': { [B]: 'a row for each day from 2026-11-06' } },
  },

  // complaint-rate
  {
    name: 'complaints at 0.02%',
    artifact: 'actuals-on-plan',
    config: ACTUALS_PLAN,
    expect: { 'complaint-rate': { [A]: 'pass' } },
  },
  {
    name: 'complaints at 0.15% over the last week',
    artifact: 'actuals-complaints-elevated',
    config: ACTUALS_PLAN,
    expect: { 'complaint-rate': { [A]: 'warn' } },
  },
  {
    name: 'complaints at 0.4% over the last week',
    artifact: 'actuals-complaints-over-limit',
    config: ACTUALS_PLAN,
    expect: { 'complaint-rate': { [A]: 'fail' } },
  },
  // every threshold of the actuals rules, from the *-limits recordings: one IP exactly at it, one just past it
  {
    name: 'complaints exactly at 0.10% and 0.30%, and one complaint under each',
    artifact: 'actuals-complaint-limits',
    config: limitsPlan([20, 21, 22, 23]),
    expect: { 'complaint-rate': { '198.51.100.20': 'warn', '198.51.100.21': 'pass', '198.51.100.22': 'fail', '198.51.100.23': 'warn' } },
    expected: { 'complaint-rate': { '198.51.100.20': '< 0.1%', '198.51.100.21': '< 0.1%', '198.51.100.22': '< 0.3%', '198.51.100.23': '< 0.1%' } },
  },
  {
    name: 'bounces exactly at 5% and one over, recent and before a larger day',
    artifact: 'actuals-bounce-limits',
    config: limitsPlan([20, 21, 22, 23]),
    expect: { 'bounce-rate': { '198.51.100.20': 'pass', '198.51.100.21': 'fail', '198.51.100.22': 'pass', '198.51.100.23': 'warn' } },
    expected: { 'bounce-rate': { '198.51.100.21': '≤ 5% over the last 7 sending days', '198.51.100.23': 'volume held after a day above 5%' } },
  },
  {
    name: 'a day exactly 20% and 1.5× over plan, a week at exactly 50%, and one message past each',
    artifact: 'actuals-plan-limits',
    config: limitsPlan([20, 21, 22, 23, 24, 25]),
    expect: {
      'actuals-on-plan': {
        '198.51.100.20': 'pass',
        '198.51.100.21': 'warn',
        '198.51.100.22': 'warn',
        '198.51.100.23': 'fail',
        '198.51.100.24': 'warn',
        '198.51.100.25': 'fail',
      },
    },
    expected: {
      'actuals-on-plan': {
        '198.51.100.21': 'within 20% of plan each day',
        '198.51.100.22': 'within 20% of plan each day',
        '198.51.100.23': '≤ 1.5× plan on any day',
        '198.51.100.24': 'within 20% of plan each day',
        '198.51.100.25': '≥ 50% of plan over the last 7 days',
      },
    },
  },
];

export const run = (c: Case): Verdict[] => evaluate(artifact(c.artifact), configSchema.parse(c.config), { ...ctx, today: c.today ?? ctx.today });

