import type { Verdict } from '../../../src/engine/define-check.js';
import type { HammerResult, RunResult, StepResult, ThrottleSeen } from '../../../src/load/types.js';
import type { CheckoutLoadConfig } from '../config.js';
import type { CheckoutLoadRule } from '../rules.js';
import { count, percent } from './format.js';
import { stepGroups, stepLabel, HAMMER_SUBJECT } from './steps.js';
import { stoppedAnsweringAt, stoppedSentence } from './timeline.js';

interface StepErrors {
  step: StepResult;
  errors: number;
  rate: number;
  /** The biggest kind of error, for the sentence: "timeouts", "503", "connection refused". */
  mostly: string;
}

const sum = (values: Iterable<number>): number => [...values].reduce((total, value) => total + value, 0);

/** 5xx answers that are throttling (503 with Retry-After) are throttling's finding, not this one's. */
const serverErrors = (step: StepResult, throttling: readonly ThrottleSeen[]): Record<string, number> => {
  const throttled503 = sum(throttling.filter((seen) => seen.form === '503-retry-after' && seen.journey === step.journey && seen.step === step.step).map((seen) => seen.count));
  const errors = Object.fromEntries(Object.entries(step.statuses).filter(([status]) => status.startsWith('5')));
  if (errors['503'] !== undefined) errors['503'] = Math.max(0, errors['503'] - throttled503);
  return errors;
};

const errorsOf = (step: StepResult, throttling: readonly ThrottleSeen[]): StepErrors => {
  const kinds: Record<string, number> = { ...serverErrors(step, throttling), ...step.transportErrors, ...(step.timeouts > 0 ? { timeouts: step.timeouts } : {}) };
  const errors = sum(Object.values(kinds));
  const mostly = Object.entries(kinds).sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'none';
  return { step, errors, rate: step.requests === 0 ? 0 : errors / step.requests, mostly };
};

/**
 * Per journey (and the hammer): transport errors, timeouts and 5xx over requests, per step, under the
 * threshold. A store that died mid-run fails with the second it stopped answering.
 */
export const errorRate = (run: RunResult, hammer: HammerResult | undefined, config: CheckoutLoadConfig): Verdict<CheckoutLoadRule>[] => {
  const stopped = stoppedAnsweringAt(run.perSecond);
  const throttling = [...run.throttling, ...(hammer?.throttling ?? [])];
  return stepGroups(run, hammer).map(({ subject, steps }) => {
    const judged = steps.filter((step) => step.requests > 0).map((step) => errorsOf(step, throttling));
    const expected = `errors ≤ ${percent(config.thresholds.errorRate)} of requests at every step`;
    if (judged.length === 0) return { rule: 'error-rate', subject, status: 'skip', message: 'None of these requests was answered or failed within the phase (each still waiting when it ended): the run above judges a store this slow.' };
    const worst = judged.reduce((a, b) => (b.rate > a.rate ? b : a));
    const unanswered = subject === HAMMER_SUBJECT ? (hammer?.unanswered ?? 0) : 0;
    const evidence = { steps: judged.map(({ step, errors, rate }) => ({ step: step.step, requests: step.requests, errors, rate: Number(rate.toFixed(4)) })), ...(unanswered > 0 ? { unanswered } : {}) };
    const found = `worst step ${stepLabel(worst.step)}: ${count(worst.errors)} of ${count(worst.step.requests)} (${percent(worst.rate)})`;
    const base = { rule: 'error-rate', subject, expected, found, evidence } as const;
    const over = judged.filter((entry) => entry.rate > config.thresholds.errorRate);
    if (over.length > 0) {
      const when = stopped !== undefined && subject !== HAMMER_SUBJECT ? ` — ${stoppedSentence(stopped)}` : '';
      return { ...base, status: 'fail', message: `${over.length} of ${judged.length} steps fail more often than ${percent(config.thresholds.errorRate)}: worst ${stepLabel(worst.step)}, ${percent(worst.rate)}, mostly ${worst.mostly}${when}.` };
    }
    if (unanswered > 0) {
      return { ...base, status: 'fail', found: `${count(unanswered)} requests never answered`, message: `${count(unanswered)} requests were sent and never answered (a connection closed between steps or an answer without a length): shoppers lose those steps silently.` };
    }
    return { ...base, status: 'pass', message: `Every step stays under ${percent(config.thresholds.errorRate)} errors; the worst, ${stepLabel(worst.step)}, at ${percent(worst.rate)}.` };
  });
};
