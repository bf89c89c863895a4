import type { Verdict, VerdictStatus } from '../../src/engine/define-check.js';

/**
 * What a rule's verdicts should say: one status for all of them (at least one verdict); a list, the
 * exact set of statuses they take (`[]`: no verdict at all); or the status of the subjects named,
 * whatever the others say.
 */
export type RuleExpectation = VerdictStatus | readonly VerdictStatus[] | Readonly<Record<string, VerdictStatus>>;
export type Expectation<Rule extends string> = Partial<Record<Rule, RuleExpectation>>;

const order: readonly VerdictStatus[] = ['pass', 'warn', 'fail', 'error', 'skip'];

/** What the verdicts say, in the shape each expectation was written in, so toEqual shows the difference. */
export const statusesOf = <Rule extends string>(verdicts: readonly Verdict<Rule>[], expectation: Expectation<Rule>): Expectation<Rule> =>
  Object.fromEntries(
    Object.entries(expectation).map(([rule, wanted]) => {
      const mine = verdicts.filter((verdict) => verdict.rule === rule);
      const statuses = order.filter((status) => mine.some((verdict) => verdict.status === status));
      if (typeof wanted === 'string') return [rule, statuses.length === 1 ? statuses[0] : statuses];
      if (Array.isArray(wanted)) return [rule, statuses];
      const bySubject = Object.fromEntries(mine.map((verdict) => [verdict.subject, verdict.status]));
      return [rule, Object.fromEntries(Object.keys(wanted as object).map((subject) => [subject, bySubject[subject] ?? 'no verdict']))];
    }),
  ) as Expectation<Rule>;

/** The same expectation with every list in a fixed order, to compare with what statusesOf gives. */
export const normalised = <Rule extends string>(expectation: Expectation<Rule>): Expectation<Rule> =>
  Object.fromEntries(
    Object.entries(expectation).map(([rule, wanted]) => [rule, Array.isArray(wanted) ? order.filter((status) => (wanted as readonly VerdictStatus[]).includes(status)) : wanted]),
  ) as Expectation<Rule>;
