import type { AnyCheck, Verdict } from './define-check.js';
import type { Finding, FindingStatus } from './report.js';
import { severityRank, type Severity } from './severity.js';

export type SeverityOverrides = Readonly<Record<string, Severity>>;

const FAILING: ReadonlySet<FindingStatus> = new Set(['fail', 'warn', 'error']);

/** The engine, not the check, picks title, severity and reference: checks return facts only. */
export const toFinding = (check: AnyCheck, verdict: Verdict, overrides: SeverityOverrides): Finding => {
  const meta = check.rules[verdict.rule];
  const rule = `${check.id}/${verdict.rule}`;
  if (!meta) {
    return {
      rule,
      check: check.id,
      status: 'error',
      severity: 'high',
      subject: verdict.subject,
      title: `Unknown rule ${rule}`,
      message: `The check reported a rule it does not declare: ${rule}.`,
    };
  }
  const finding: Finding = {
    rule,
    check: check.id,
    status: verdict.status,
    severity: overrides[rule] ?? meta.severity,
    subject: verdict.subject,
    title: FAILING.has(verdict.status) ? meta.failureTitle : meta.title,
    message: verdict.message,
    ref: meta.ref,
  };
  if (verdict.expected !== undefined) finding.expected = verdict.expected;
  if (verdict.found !== undefined) finding.found = verdict.found;
  if (verdict.evidence !== undefined) finding.evidence = verdict.evidence;
  if (FAILING.has(verdict.status)) finding.fix = verdict.fix ?? meta.fix;
  if (verdict.chart) finding.chart = verdict.chart;
  return finding;
};

/** One `error` finding per rule: a check that could not run must not read as passed or as missing. */
export const errorFindings = (check: AnyCheck, reason: string, overrides: SeverityOverrides): Finding[] =>
  Object.keys(check.rules).map((rule) =>
    toFinding(check, { rule, status: 'error', subject: check.id, message: `Could not check: ${reason}` }, overrides),
  );

const STATUS_ORDER: Record<FindingStatus, number> = { error: 0, fail: 1, warn: 2, pass: 3, skip: 4 };

/** Check order first, then the worst news first, then stable by rule and subject. */
export const sortFindings = (findings: Finding[], checkOrder: readonly string[]): Finding[] =>
  [...findings].sort(
    (a, b) =>
      checkOrder.indexOf(a.check) - checkOrder.indexOf(b.check) ||
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      severityRank(b.severity) - severityRank(a.severity) ||
      a.rule.localeCompare(b.rule) ||
      a.subject.localeCompare(b.subject),
  );
