import type { Verdict } from '../../../src/engine/define-check.js';
import type { CheckoutLoadArtifact } from '../artifact.js';
import type { CheckoutLoadRule } from '../rules.js';
import { count, percent } from './format.js';
import { journeySubject } from './steps.js';

export const NO_ATTRIBUTION = 'Not judged: the profile has no `attribution:` (event, listen) for q4check to collect purchase events during the run.';

/** Per journey: one purchase event for each completed checkout; missing and duplicate events named. */
export const attributionEvents = (artifact: CheckoutLoadArtifact): Verdict<CheckoutLoadRule>[] => {
  const seen = artifact.attribution;
  const subject = `${artifact.target.host} events`;
  if (!seen) return [{ rule: 'attribution-events', subject, status: 'skip', message: NO_ATTRIBUTION }];
  if (seen.error) return [{ rule: 'attribution-events', subject, status: 'error', message: 'The event collector could not run.', cause: seen.error }];
  const judged = seen.journeys.filter((journey) => journey.expected > 0);
  if (judged.length === 0) return [{ rule: 'attribution-events', subject, status: 'skip', message: 'No checkout was completed (payments run only on loopback or in testMode), so no purchase event was due.' }];
  return judged.map((journey) => {
    const base = {
      rule: 'attribution-events',
      subject: journeySubject(journey.journey),
      expected: `one ${seen.event} per completed checkout`,
      found: `${count(journey.matched)} of ${count(journey.expected)} checkouts sent it${journey.duplicate > 0 ? `, ${count(journey.duplicate)} duplicates` : ''}`,
      evidence: { ...journey, unmatched: seen.unmatched, redelivered: seen.redelivered },
    } as const;
    if (journey.missing > 0 || journey.duplicate > 0) {
      const missing = journey.missing > 0 ? `${count(journey.missing)} of ${count(journey.expected)} completed checkouts (${percent(journey.missing / journey.expected)}) sent no ${seen.event} event` : '';
      const duplicate = journey.duplicate > 0 ? `${count(journey.duplicate)} events were sent twice` : '';
      return { ...base, status: 'fail', message: `Journey ${journey.journey}: ${[missing, duplicate].filter(Boolean).join('; ')}.` };
    }
    return { ...base, status: 'pass', message: `Journey ${journey.journey}: every one of ${count(journey.expected)} completed checkouts sent one ${seen.event} event.` };
  });
};
