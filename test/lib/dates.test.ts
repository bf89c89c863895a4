import { describe, expect, it } from 'vitest';
import { addDays, blackFriday, comingBlackFridayWeekend, dateInTimeZone, daysBetween, isIsoDate } from '../../src/lib/dates.js';

describe('dates', () => {
  it.each([
    [2024, '2024-11-29'],
    [2025, '2025-11-28'],
    [2026, '2026-11-27'],
    [2027, '2027-11-26'],
    [2030, '2030-11-29'],
  ])('Black Friday %i is %s', (year, expected) => {
    expect(blackFriday(year)).toBe(expected);
  });

  it.each([
    ['2026-06-01', { start: '2026-11-27', end: '2026-11-30' }],
    ['2026-11-30', { start: '2026-11-27', end: '2026-11-30' }],
    ['2026-12-01', { start: '2027-11-26', end: '2027-11-29' }],
  ])('the coming Black Friday weekend seen from %s', (today, expected) => {
    expect(comingBlackFridayWeekend(today)).toEqual(expected);
  });

  it('validates calendar dates', () => {
    expect([isIsoDate('2028-02-29'), isIsoDate('2026-02-29'), isIsoDate('2026-1-01'), isIsoDate('x')]).toEqual([true, false, false, false]);
  });

  it('counts days across a month end and a DST change', () => {
    expect(addDays('2026-10-30', 5)).toBe('2026-11-04');
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
  });

  it('takes today in the store time zone', () => {
    const instant = new Date('2026-11-27T03:30:00Z');
    expect(dateInTimeZone(instant, 'America/Los_Angeles')).toBe('2026-11-26');
    expect(dateInTimeZone(instant, 'Asia/Shanghai')).toBe('2026-11-27');
  });
});
