import type { Verdict } from '../../../src/engine/define-check.js';
import type { HammerResult, RunResult, ThrottleForm, ThrottleSeen } from '../../../src/load/types.js';
import type { CheckoutLoadRule } from '../rules.js';
import { count } from './format.js';

const FORM_TEXT: Record<ThrottleForm, string> = {
  '429': '429 Too Many Requests',
  '430': '430 Security Rejection',
  '503-retry-after': '503 with Retry-After',
  '200-throttled': 'a 200 whose body says THROTTLED',
};

const describe = (seen: ThrottleSeen): string => {
  const retry = seen.retryAfterSeconds === undefined ? '' : `, Retry-After ${seen.retryAfterSeconds} s`;
  return `${count(seen.count)} × ${FORM_TEXT[seen.form]} at ${seen.step} (journey ${seen.journey}${retry})`;
};

const earliest = (seen: readonly ThrottleSeen[]): ThrottleSeen | undefined => (seen.length === 0 ? undefined : seen.reduce((a, b) => (b.firstAtMs < a.firstAtMs ? b : a)));

/**
 * Any throttled answer, in any of Shopify's four forms, fails; the first one's step and time are named.
 * The hammer runs after the arrivals and counts its time from its own start, so the first throttle is
 * the run's when the run met one, the hammer's only otherwise.
 */
export const throttling = (run: RunResult, hammer: HammerResult | undefined, subject: string): Verdict<CheckoutLoadRule> => {
  const hammered = (hammer?.throttling ?? []).map((entry) => ({ ...entry, journey: entry.journey || 'hammer' }));
  const seen = [...run.throttling, ...hammered];
  const total = seen.reduce((sum, entry) => sum + entry.count, 0);
  const base = { rule: 'throttling', subject, expected: 'no throttled answer (429, 430, 503 + Retry-After, 200 THROTTLED)' } as const;
  const fromRun = earliest(run.throttling);
  const first = fromRun ?? earliest(hammered);
  if (total === 0 || !first) return { ...base, status: 'pass', found: 'none', message: 'No answer was throttled in any of its forms.' };
  const phase = fromRun ? 'the run' : 'the hammer phase';
  return {
    ...base,
    status: 'fail',
    found: seen.map(describe).join('; '),
    evidence: { throttled: seen.map((entry) => ({ ...entry })) },
    message: `${count(total)} answers were throttled, beginning ${Math.round(first.firstAtMs / 1_000)} s into ${phase} at ${first.step} (journey ${first.journey}) with ${FORM_TEXT[first.form]}${first.retryAfterSeconds === undefined ? '' : ` and Retry-After ${first.retryAfterSeconds} s`}.`,
  };
};
