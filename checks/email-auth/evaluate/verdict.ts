import type { Verdict } from '../../../src/engine/define-check.js';
import { troubleText, type DnsSeen } from '../dns-seen.js';
import type { EmailAuthRule } from '../rules.js';
import type { DnsCauseOf } from './causes.js';

export type EmailAuthVerdict = Verdict<EmailAuthRule>;

/** The one shape of "could not check": DNS trouble is an error finding, never a false "missing". */
export const couldNotCheck = (rule: EmailAuthRule, subject: string, seen: DnsSeen, causeOf: DnsCauseOf): EmailAuthVerdict => ({
  rule,
  status: 'error',
  subject,
  message: `Could not check: ${troubleText(seen)}.`,
  cause: causeOf(seen),
  evidence: { query: { name: seen.name, type: seen.type, outcome: seen.outcome } },
});
