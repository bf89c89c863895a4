import type { Stage, WeightedJourney } from './types.js';

/** One session the plan starts: when, in which stage, on which journey, and its number within that journey. */
export interface Arrival {
  /** Planned start, in ms after the run's origin. */
  atMs: number;
  stage: number;
  journey: number;
  /** 0, 1, 2… per journey: conversion picks sessions by it. */
  indexInJourney: number;
}

/** Sessions a stage starts: one every 1000/rate ms from its beginning, while still inside it. */
export const sessionsInStage = (stage: Stage): number => {
  if (stage.sessionsPerSecond <= 0 || stage.durationMs <= 0) return 0;
  // A hair under so that float noise (3 × 333.33… ms) never adds a session at the stage's very end.
  return Math.ceil((stage.durationMs * stage.sessionsPerSecond) / 1000 - 1e-9);
};

export const planDurationMs = (stages: readonly Stage[]): number => stages.reduce((sum, stage) => sum + stage.durationMs, 0);

/**
 * Smooth weighted round-robin (as nginx spreads upstreams): each pick adds every weight to its credit,
 * takes the largest and charges it the total, so shares are met exactly and evenly, with no randomness.
 */
const weightedPicker = (weights: readonly number[]): (() => number) => {
  const credit = weights.map(() => 0);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return () => {
    let best = 0;
    for (let index = 0; index < weights.length; index++) {
      credit[index]! += weights[index]!;
      if (credit[index]! > credit[best]!) best = index;
    }
    credit[best]! -= total;
    return best;
  };
};

/**
 * The run's arrivals in order, computed one at a time (a long run never holds them all): evenly spaced
 * within each piecewise-constant stage, each time from the stage's start, never by adding intervals.
 */
export function* arrivals(stages: readonly Stage[], journeys: readonly WeightedJourney[]): Generator<Arrival> {
  const weights = journeys.map((journey) => Math.max(0, journey.weight));
  if (!weights.some((weight) => weight > 0)) return;
  const pick = weightedPicker(weights);
  const perJourney = journeys.map(() => 0);
  let stageStartMs = 0;
  for (const [stage, shape] of stages.entries()) {
    const count = sessionsInStage(shape);
    const spacingMs = 1000 / shape.sessionsPerSecond;
    for (let index = 0; index < count; index++) {
      const journey = pick();
      yield { atMs: stageStartMs + index * spacingMs, stage, journey, indexInJourney: perJourney[journey]!++ };
    }
    stageStartMs += shape.durationMs;
  }
}

/** Whether session `index` of a journey converts: an even share `conversion`, the same on every run. */
export const converts = (index: number, conversion: number): boolean => {
  const share = Math.min(1, Math.max(0, conversion));
  // The nudge keeps 100 × 0.29 (28.999…96 in floating point) a whole 29.
  const upTo = (count: number): number => Math.floor(count * share + 1e-9);
  return upTo(index + 1) > upTo(index);
};
