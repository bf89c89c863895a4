import type { SmsRule } from '../../../../checks/sms-routing/rules.js';
import type { Verdict, VerdictStatus } from '../../../../src/engine/define-check.js';

/**
 * What a rule's verdicts should say: one status for all of them (at least one verdict); a list, the
 * exact set of statuses they take (`[]`: no verdict at all); or the status of the subjects named,
 * whatever the others say.
 */
export type RuleExpectation = VerdictStatus | readonly VerdictStatus[] | Readonly<Record<string, VerdictStatus>>;
export type Expectation = Partial<Record<SmsRule, RuleExpectation>>;

const order: readonly VerdictStatus[] = ['pass', 'warn', 'fail', 'error', 'skip'];

/** What the verdicts say, in the shape each expectation was written in, so toEqual shows the difference. */
export const statusesOf = (verdicts: readonly Verdict<SmsRule>[], expectation: Expectation): Expectation =>
  Object.fromEntries(
    Object.entries(expectation).map(([rule, wanted]) => {
      const mine = verdicts.filter((verdict) => verdict.rule === rule);
      const statuses = order.filter((status) => mine.some((verdict) => verdict.status === status));
      if (typeof wanted === 'string') return [rule, statuses.length === 1 ? statuses[0] : statuses];
      if (Array.isArray(wanted)) return [rule, statuses];
      const bySubject = Object.fromEntries(mine.map((verdict) => [verdict.subject, verdict.status]));
      return [rule, Object.fromEntries(Object.keys(wanted).map((subject) => [subject, bySubject[subject] ?? 'no verdict']))];
    }),
  );

/** The same expectation with every list in a fixed order, to compare with what statusesOf gives. */
export const normalised = (expectation: Expectation): Expectation =>
  Object.fromEntries(
    Object.entries(expectation).map(([rule, wanted]) => [rule, Array.isArray(wanted) ? order.filter((status) => (wanted as readonly VerdictStatus[]).includes(status)) : wanted]),
  );

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
