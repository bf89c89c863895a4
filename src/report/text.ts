import { describeCause } from '../engine/causes.js';
import type { CauseGroup, CheckRun, Finding, FindingStatus, Report, SuppressionNote } from '../engine/report.js';

/** What every renderer gets besides the report: never the environment, never a clock. */
export interface RenderContext {
  color: boolean;
  /** Terminal width in columns. */
  width: number;
  /** Hide passing findings. */
  quiet: boolean;
  /** The profile's text, for formats that point at the line a subject is configured on (SARIF). */
  profileText?: string;
}

export type Renderer = (report: Report, context: RenderContext) => string;

export const STATUS_WORD: Record<FindingStatus, string> = {
  fail: 'FAIL',
  error: 'ERROR',
  warn: 'WARN',
  pass: 'pass',
  skip: 'skip',
};

export const plural = (count: number, singular: string, pluralForm = `${singular}s`): string =>
  `${count} ${count === 1 ? singular : pluralForm}`;

export interface CheckSection {
  run: CheckRun;
  findings: Finding[];
}

/** Findings grouped under the check that produced them, in report order. */
export const sectionsOf = (report: Report): CheckSection[] =>
  report.checks.map((run) => ({ run, findings: report.findings.filter((finding) => finding.check === run.id) }));

/** The counts that are not zero, worst first: "7 failed, 2 could not be checked, 13 passed". */
export const countsLine = (findings: readonly Finding[]): string => {
  const count = (status: FindingStatus) => findings.filter((finding) => finding.status === status).length;
  const parts = [
    [count('fail'), plural(count('fail'), 'failed', 'failed')],
    [count('error'), `${count('error')} could not be checked`],
    [count('warn'), plural(count('warn'), 'warning')],
    [count('pass'), plural(count('pass'), 'passed', 'passed')],
    [count('skip'), plural(count('skip'), 'skipped', 'skipped')],
  ] as const;
  const shown = parts.filter(([n]) => n > 0).map(([, text]) => text);
  return shown.length > 0 ? shown.join(', ') : 'no findings';
};

export const peakLine = (report: Report): string =>
  `${report.peak.name}, ${report.peak.start} to ${report.peak.end}${report.peak.derived ? ' (the coming Black Friday weekend)' : ''}`;

export const exitLine = (report: Report): string => {
  const code = report.interrupted ? 2 : report.summary.exitCode;
  return `Exit code ${code}: ${report.summary.verdict}.`;
};

/** 1200000 → "1.2M": for chart axes, where space is short. */
export const compactNumber = (value: number): string =>
  new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 }).format(value);

export const groupedNumber = (value: number): string => new Intl.NumberFormat('en').format(value);

/** "27 findings could not be checked: DNS resolver 127.0.0.1:5400 did not answer". */
export const causeLine = (group: CauseGroup): string =>
  `${plural(group.count, 'finding')} could not be checked: ${describeCause(group.cause)}`;

/** The suppressions a reader must act on, expired or matching nothing, one sentence each. */
export const suppressionNotes = (report: Report): string[] =>
  report.suppressions
    .filter((note: SuppressionNote) => note.state !== 'active')
    .map(
      (note) =>
        `Suppression of ${note.rule}${note.subject ? ` for ${note.subject}` : ''} ${
          note.state === 'expired' ? `expired on ${note.until ?? ''} and no longer applies` : 'matched nothing: remove it'
        }.`,
    );
