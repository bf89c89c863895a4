import { describe, expect, it } from 'vitest';
import { dayReachingHighest, firstSendingDay, planSteps, plannedOn, summedPlan, type IpPlan } from '../../../checks/ip-warmup/plan.js';

const plan = (volumes: number[], start = '2026-09-01'): IpPlan => ({ address: '198.51.100.10', start, volumes });

describe('plan', () => {
  it('plans nothing before the start and holds the last value after the end', () => {
    const p = plan([100, 200, 300]);
    expect(['2026-08-31', '2026-09-01', '2026-09-03', '2026-12-25'].map((date) => plannedOn(p, date))).toEqual([0, 100, 300, 300]);
  });

  it('adds the IPs up per date', () => {
    expect(summedPlan([plan([100, 200]), plan([50], '2026-09-02')], '2026-08-31', '2026-09-03')).toEqual([
      { date: '2026-08-31', value: 0 },
      { date: '2026-09-01', value: 100 },
      { date: '2026-09-02', value: 250 },
      { date: '2026-09-03', value: 250 },
    ]);
  });

  it('compares each sending day with the last sending day, skipping pauses', () => {
    expect(planSteps(plan([0, 100, 0, 0, 300, 200]))).toEqual([
      { date: '2026-09-05', from: 100, to: 300 },
      { date: '2026-09-06', from: 300, to: 200 },
    ]);
  });

  it('finds the first sending day after an opening pause', () => {
    expect(firstSendingDay(plan([0, 0, 400]))).toEqual({ date: '2026-09-03', value: 400 });
    expect(firstSendingDay(plan([0]))).toBeUndefined();
  });

  it('counts the day the highest volume is first reached from day 1', () => {
    expect(dayReachingHighest(plan([100, 500, 300, 500]))).toBe(2);
  });
});
