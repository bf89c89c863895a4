import { describe, expect, it } from 'vitest';
import { config } from '../../../checks/ip-warmup/config.js';
import { ipShare, resolvePlans } from '../../../checks/ip-warmup/plan.js';
import { REFERENCE_RAMPS, referenceDayReaching, scaledSchedule, type ScheduleName } from '../../../checks/ip-warmup/schedules.js';

// The providers' published daily tables, written out from their guides, never read from the module under test.
// SendGrid "IP Warmup Schedule" (manual), days 1–17; day 18 onwards doubles daily.
const SENDGRID = [50, 100, 1_000, 5_000, 10_000, 50_000, 200_000, 500_000, 800_000, 1_000_000, 1_600_000, 2_000_000, 3_000_000, 4_500_000, 7_000_000, 9_000_000, 12_000_000];
// Braze "IP warming", days 1–17; day 18 onwards doubles daily until the desired volume.
const BRAZE = [50, 100, 500, 1_000, 5_000, 10_000, 20_000, 40_000, 70_000, 100_000, 150_000, 250_000, 400_000, 600_000, 1_000_000, 2_000_000, 4_000_000];
// SparkPost "IP Warm-up Overview", days 1–14; above 5M never more than double.
const SPARKPOST = [200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 40_000, 100_000, 250_000, 500_000, 1_000_000, 2_000_000, 5_000_000];

const growth = (ramp: number[]): number[] => ramp.slice(1).map((volume, i) => volume / (ramp[i] ?? volume));

describe('the published ramps', () => {
  it('are the providers\' tables', () => {
    expect(REFERENCE_RAMPS).toEqual({ sendgrid: SENDGRID, braze: BRAZE, sparkpost: SPARKPOST });
  });

  it.each<[ScheduleName, number, number]>([
    ['braze', 50, 1],
    ['braze', 500, 3],
    ['braze', 501, 4],
    ['braze', 40_000, 8],
    ['braze', 1_000_000, 15],
    ['braze', 8_000_000, 18],
    ['sendgrid', 1_000_000, 10],
    ['sparkpost', 150, 1],
    ['sparkpost', 40_000, 8],
  ])('%s reaches %i on day %i', (name, volume, day) => {
    expect(referenceDayReaching(name, volume)).toBe(day);
  });
});

describe('scaledSchedule', () => {
  it('follows the SendGrid table up to the share and caps the last day at it', () => {
    expect(scaledSchedule('sendgrid', 600_000)).toEqual([50, 100, 1_000, 5_000, 10_000, 50_000, 200_000, 500_000, 600_000]);
  });

  it('ends on the table day that equals the share', () => {
    expect(scaledSchedule('braze', 600_000)).toEqual([50, 100, 500, 1_000, 5_000, 10_000, 20_000, 40_000, 70_000, 100_000, 150_000, 250_000, 400_000, 600_000]);
  });

  it('is a single day when the share is below the first day of the table', () => {
    expect(scaledSchedule('sparkpost', 150)).toEqual([150]);
  });

  it('doubles daily past the end of the Braze table, then caps at the share', () => {
    const ramp = scaledSchedule('braze', 20_000_000);
    expect(ramp.slice(17)).toEqual([8_000_000, 16_000_000, 20_000_000]);
    expect(ramp.slice(0, 17)).toEqual(BRAZE);
  });

  it('doubles daily past the end of the SendGrid table', () => {
    expect(scaledSchedule('sendgrid', 50_000_000).slice(16)).toEqual([12_000_000, 24_000_000, 48_000_000, 50_000_000]);
  });

  it('never more than doubles past the end of the SparkPost table', () => {
    const ramp = scaledSchedule('sparkpost', 12_000_000);
    expect(ramp.slice(13)).toEqual([5_000_000, 10_000_000, 12_000_000]);
    expect(Math.max(...growth(ramp.slice(13)))).toBeLessThanOrEqual(2);
  });

  it.each<ScheduleName>(['sendgrid', 'braze', 'sparkpost'])('%s rises to the share and stops there', (name) => {
    const ramp = scaledSchedule(name, 3_333_333);
    expect(ramp.at(-1)).toBe(3_333_333);
    expect(Math.max(...ramp)).toBe(3_333_333);
    expect(growth(ramp).every((factor) => factor > 1)).toBe(true);
  });
});

describe('resolvePlans', () => {
  it('gives each scheduled IP an even share of the peak, rounded up', () => {
    const parsed = config.parse({
      peakDailyVolume: 1_000_001,
      ips: [
        { address: '198.51.100.10', start: '2026-08-03', schedule: 'sendgrid' },
        { address: '198.51.100.11', start: '2026-08-03', plan: [500, 1000] },
      ],
    });
    expect(ipShare(parsed)).toBe(500_001);
    const [scheduled, planned] = resolvePlans(parsed);
    expect(scheduled?.volumes.at(-1)).toBe(500_001);
    expect(scheduled?.schedule).toBe('sendgrid');
    expect(planned?.volumes).toEqual([500, 1000]);
  });
});
