import type { Finding, FindingStatus, Summary } from './report.js';
import { isAtOrAbove, type FailOn } from './severity.js';

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** What decides the exit code: fail and error findings at or above the --fail-on level. */
export const summarize = (findings: readonly Finding[], failOn: FailOn, interrupted: boolean): Summary => {
  const counts: Record<FindingStatus, number> = { pass: 0, warn: 0, fail: 0, error: 0, skip: 0 };
  for (const finding of findings) counts[finding.status] += 1;
  const blockingFindings = findings.filter(
    (finding) => (finding.status === 'fail' || finding.status === 'error') && isAtOrAbove(finding.severity, failOn),
  );
  const blocking = blockingFindings.length;
  const fails = blockingFindings.filter((finding) => finding.status === 'fail').length;
  const errors = blocking - fails;
  const parts = [fails > 0 ? plural(fails, 'failure') : '', errors > 0 ? plural(errors, 'error') : ''].filter(Boolean);
  const verdict = interrupted
    ? 'interrupted before every check finished; the report is partial'
    : blocking > 0
      ? `${parts.join(' and ')} at or above ${failOn}`
      : `no failures at or above ${failOn}`;
  return { counts, blocking, exitCode: blocking > 0 ? 1 : 0, verdict };
};
