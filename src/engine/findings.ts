import type { AnyCheck, Verdict } from './define-check.js';
import type { Finding, FindingStatus } from './report.js';
import { fixForCause } from './causes.js';
import { severityRank, type Severity } from './severity.js';

export type SeverityOverrides = Readonly<Record<string, Severity>>;

const VERDICT_AGAINST: ReadonlySet<FindingStatus> = new Set(['fail', 'warn']);

const NO_CAUSE = 'check: the check gave no cause';

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
  const base = {
    rule,
    check: check.id,
    status: verdict.status,
    severity: overrides[rule] ?? meta.severity,
    subject: verdict.subject,
    message: verdict.message,
  };
  if (verdict.status === 'error') return couldNotCheck(base, meta.title, verdict);
  const finding: Finding = { ...base, title: VERDICT_AGAINST.has(verdict.status) ? meta.failureTitle : meta.title, ref: meta.ref };
  if (verdict.expected !== undefined) finding.expected = verdict.expected;
  if (verdict.found !== undefined) finding.found = verdict.found;
  if (verdict.evidence !== undefined) finding.evidence = verdict.evidence;
  if (VERDICT_AGAINST.has(verdict.status)) finding.fix = verdict.fix ?? meta.fix;
  if (verdict.chart) finding.chart = verdict.chart;
  if (verdict.tree) finding.tree = verdict.tree;
  if (verdict.matrix) finding.matrix = verdict.matrix;
  return finding;
};

/**
 * Nothing was judged: the finding wears its own title and the cause's fix, and carries no `found`, so no
 * reader takes it for a failure of the store's setting and fixes the wrong thing.
 */
const couldNotCheck = (base: Omit<Finding, 'title'>, passingTitle: string, verdict: Verdict): Finding => {
  const cause = verdict.cause ?? NO_CAUSE;
  const finding: Finding = { ...base, title: `Could not check: ${lowerFirst(passingTitle)}`, cause, fix: fixForCause(cause) };
  if (verdict.expected !== undefined) finding.expected = verdict.expected;
  if (verdict.evidence !== undefined) finding.evidence = verdict.evidence;
  // What could not be checked stays in the matrix, so its table shows every keyword sent.
  if (verdict.matrix) finding.matrix = verdict.matrix;
  return finding;
};

/** "SPF stays …" → "spf stays" would be wrong: only lower a plain capitalised word, never an acronym. */
const lowerFirst = (title: string): string => (/^[A-Z][a-z]/.test(title) ? title[0]!.toLowerCase() + title.slice(1) : title);

/** One `error` finding per rule: a check that could not run must not read as passed or as missing. */
export const errorFindings = (check: AnyCheck, reason: string, cause: string, overrides: SeverityOverrides): Finding[] =>
  Object.keys(check.rules).map((rule) =>
    toFinding(check, { rule, status: 'error', subject: check.id, message: `Could not check: ${reason}.`, cause }, overrides),
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
