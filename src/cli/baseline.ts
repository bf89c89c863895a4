import { readFile, writeFile } from 'node:fs/promises';
import { sortFindings } from '../engine/findings.js';
import type { Report } from '../engine/report.js';
import { summarize } from '../engine/summary.js';
import { UsageError } from '../lib/errors.js';
import { isUnjudged, type Judged } from '../report/store-index.js';
import { secrets } from './session.js';

/**
 * A failure known from an earlier run, identified by store, rule and subject, never by its message or
 * numbers: a count that changes from 11 lookups to 12 is the same failure, not a new one.
 */
export interface BaselineEntry {
  store: string;
  rule: string;
  subject: string;
}

export const BASELINE_REASON = 'baseline';

const keyOf = (entry: BaselineEntry): string => JSON.stringify([entry.store, entry.rule, entry.subject]);

const failuresOf = (report: Report): BaselineEntry[] =>
  report.findings
    .filter((finding) => finding.status === 'fail' || finding.suppressed?.reason === BASELINE_REASON)
    .map((finding) => ({ store: report.store.name, rule: finding.rule, subject: finding.subject }));

const isEntry = (value: unknown): value is BaselineEntry => {
  const entry = value as Partial<BaselineEntry> | null;
  return typeof entry === 'object' && entry !== null && typeof entry.store === 'string' && typeof entry.rule === 'string' && typeof entry.subject === 'string';
};

/** The failures a baseline file holds: one written by --update-baseline, or any JSON report (or array of them). */
export const readBaseline = async (file: string): Promise<BaselineEntry[]> => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`--baseline ${file}: ${code === 'ENOENT' ? 'file not found (write one with --update-baseline)' : 'is not JSON'}`);
  }
  const baseline = parsed as { failures?: unknown };
  if (typeof parsed === 'object' && parsed !== null && Array.isArray(baseline.failures) && baseline.failures.every(isEntry)) return baseline.failures;
  const reports = Array.isArray(parsed) ? parsed : [parsed];
  if (reports.every((report) => typeof report === 'object' && report !== null && Array.isArray((report as Report).findings))) return (reports as Report[]).flatMap(failuresOf);
  if (reports.every((report) => typeof report === 'object' && report !== null && 'problems' in report)) return [];
  throw new UsageError(`--baseline ${file}: neither a baseline nor a q4check JSON report`);
};

/**
 * Failures already in the baseline become skipped with the reason `baseline` and stop deciding the
 * exit code; new ones still fail; baseline failures of this store that no longer fail are named as fixed.
 */
export const applyBaseline = (report: Report, baseline: readonly BaselineEntry[]): Report => {
  const known = new Set(baseline.filter((entry) => entry.store === report.store.name).map(keyOf));
  const failing = new Set<string>();
  const findings = report.findings.map((finding) => {
    if (finding.status !== 'fail') return finding;
    const key = keyOf({ store: report.store.name, rule: finding.rule, subject: finding.subject });
    failing.add(key);
    return known.has(key) ? { ...finding, status: 'skip' as const, suppressed: { reason: BASELINE_REASON } } : finding;
  });
  const judged = new Set(report.checks.filter((run) => run.state === 'completed').map((run) => run.id));
  const fixed = baseline.filter((entry) => entry.store === report.store.name && !failing.has(keyOf(entry)) && judged.has(entry.rule.split('/')[0]!));
  const sorted = sortFindings(findings, report.checks.map((run) => run.id));
  return {
    ...report,
    notices: [...report.notices, ...fixed.map((entry) => `Fixed since the baseline: ${entry.rule} · ${entry.subject}.`)],
    findings: sorted,
    summary: summarize(sorted, report.failOn, report.interrupted),
  };
};

/** Every failure of the run, sorted so the file's diff in review shows only what changed. */
export const writeBaseline = async (file: string, results: readonly Judged[]): Promise<void> => {
  const failures = results
    .filter((result): result is Report => !isUnjudged(result))
    .flatMap(failuresOf)
    .sort((a, b) => a.store.localeCompare(b.store) || a.rule.localeCompare(b.rule) || a.subject.localeCompare(b.subject));
  await writeFile(file, secrets.redact(`${JSON.stringify({ schemaVersion: 1, failures }, null, 2)}\n`));
};
