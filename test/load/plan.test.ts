import { describe, expect, it } from 'vitest';
import type { Journey } from '../../src/journey/types.js';
import { arrivals, converts, sessionsInStage } from '../../src/load/plan.js';

const journey = (name: string): Journey => ({ name, steps: [{ name: 'home', method: 'GET', path: '/' }], checkoutFrom: 1 });

describe('the arrival plan', () => {
  it('spaces sessions evenly within each stage, each time from the stage start', () => {
    const plan = [...arrivals([{ durationMs: 1000, sessionsPerSecond: 4 }, { durationMs: 500, sessionsPerSecond: 10 }], [{ journey: journey('a'), weight: 1 }])];
    expect(plan.map((arrival) => arrival.atMs)).toEqual([0, 250, 500, 750, 1000, 1100, 1200, 1300, 1400]);
    expect(plan.map((arrival) => arrival.stage)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 1]);
  });

  it('does not drift over a long stage: the last start is index × spacing, not a sum of intervals', () => {
    const plan = [...arrivals([{ durationMs: 3_600_000, sessionsPerSecond: 3 }], [{ journey: journey('a'), weight: 1 }])];
    expect(plan).toHaveLength(10_800);
    expect(plan.at(-1)!.atMs).toBe(10_799 * (1000 / 3));
  });

  it('counts a stage whose length is not a whole number of intervals', () => {
    expect(sessionsInStage({ durationMs: 1000, sessionsPerSecond: 3 })).toBe(3);
    expect(sessionsInStage({ durationMs: 1500, sessionsPerSecond: 2 })).toBe(3);
    expect(sessionsInStage({ durationMs: 1001, sessionsPerSecond: 2 })).toBe(3);
    expect(sessionsInStage({ durationMs: 1000, sessionsPerSecond: 0 })).toBe(0);
  });

  it('spreads journeys by weight evenly and deterministically (smooth weighted round-robin)', () => {
    const weighted = [
      { journey: journey('native'), weight: 3 },
      { journey: journey('wallet'), weight: 1 },
    ];
    const plan = [...arrivals([{ durationMs: 2000, sessionsPerSecond: 4 }], weighted)];
    expect(plan.map((arrival) => arrival.journey)).toEqual([0, 0, 1, 0, 0, 0, 1, 0]);
    expect(plan.filter((arrival) => arrival.journey === 1).map((arrival) => arrival.indexInJourney)).toEqual([0, 1]);
    expect([...arrivals([{ durationMs: 2000, sessionsPerSecond: 4 }], weighted)]).toEqual(plan);
  });

  it('plans nothing when no journey has weight', () => {
    expect([...arrivals([{ durationMs: 1000, sessionsPerSecond: 10 }], [{ journey: journey('a'), weight: 0 }])]).toEqual([]);
  });
});

describe('conversion', () => {
  const share = (count: number, conversion: number): number => Array.from({ length: count }, (_, index) => converts(index, conversion)).filter(Boolean).length;

  it('converts exactly the share asked for, spread evenly', () => {
    expect(share(100, 0.29)).toBe(29);
    expect(share(1000, 0.035)).toBe(35);
    expect(share(10, 0)).toBe(0);
    expect(share(10, 1)).toBe(10);
    expect(Array.from({ length: 8 }, (_, index) => converts(index, 0.25))).toEqual([false, false, false, true, false, false, false, true]);
  });
});
