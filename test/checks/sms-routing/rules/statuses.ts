import type { SmsRule } from '../../../../checks/sms-routing/rules.js';
import type { Verdict, VerdictStatus } from '../../../../src/engine/define-check.js';
import { normalised as genericNormalised, statusesOf as genericStatusesOf, type Expectation as GenericExpectation, type RuleExpectation } from '../../../helpers/verdict-statuses.js';

export type Expectation = GenericExpectation<SmsRule>;
export type { RuleExpectation };

export const statusesOf = (verdicts: readonly Verdict<SmsRule>[], expectation: Expectation): Expectation => genericStatusesOf(verdicts, expectation);
export const normalised = (expectation: Expectation): Expectation => genericNormalised(expectation);

/** The rules judged from the webhook's answers; quiet-hours and throughput-plan read only the profile. */
export const WEBHOOK_RULES = [
  'opt-out-keywords',
  'opt-out-confirmation',
  'help-content',
  'opt-in-keywords',
  'signature-enforced',
  'reply-latency',
  'burst-latency',
] as const satisfies readonly SmsRule[];

const uniform = (status: VerdictStatus): Expectation => Object.fromEntries(WEBHOOK_RULES.map((rule) => [rule, status]));

/** Every webhook rule as a compliant store leaves it. */
export const COMPLIANT = uniform('pass');

/** The webhook could not be asked at all: every webhook rule says "could not check", none fails. */
export const UNREACHABLE = uniform('error');

/**
 * Answers Twilio cannot use (an HTML page, a 500): the keyword rules fail (should entries, such as
 * emoji and other languages, only warn), and the rules that need a usable answer to judge say error.
 */
export const UNUSABLE: Expectation = {
  'opt-out-keywords': ['fail', 'warn'],
  'opt-out-confirmation': 'fail',
  'help-content': 'fail',
  'opt-in-keywords': 'fail',
  'signature-enforced': 'error',
  'reply-latency': 'error',
  'burst-latency': 'fail',
};
