import type { HammerResult, RunResult, StepResult } from '../../../src/load/types.js';

/** A group of steps judged together: one journey of the run, or the hammer phase. */
export interface StepGroup {
  subject: string;
  steps: StepResult[];
}

export const HAMMER_SUBJECT = 'hammer';

export const journeySubject = (journey: string): string => `journey ${journey}`;

/** The run's steps by journey, in the plan's order, then the hammer's. */
export const stepGroups = (run: RunResult, hammer?: HammerResult): StepGroup[] => [
  ...run.journeys.map((journey) => ({ subject: journeySubject(journey.name), steps: run.steps.filter((step) => step.journey === journey.name) })),
  ...(hammer ? [{ subject: HAMMER_SUBJECT, steps: hammer.steps }] : []),
];

/** "add to cart (POST /cart/add.js)". */
export const stepLabel = (step: StepResult): string => `${step.step} (${step.method} ${step.path})`;
