import { groupCauses } from './causes.js';
import type { Finding, FindingStatus, Summary } from './report.js';
import { isAtOrAbove, type FailOn } from './severity.js';

const plural = (count: number, word: string, many = `${word}s`): string => `${count} ${count === 1 ? word : many}`;

/**
 * What decides the exit code: fail and error findings at or above the --fail-on level. Failures (verdicts
 * about the store) and could-not-check findings are counted apart, so the reader knows which drove it.
 */
export const summarize = (findings: readonly Finding[], failOn: FailOn, interrupted: boolean): Summary => {
  const counts: Record<FindingStatus, number> = { pass: 0, warn: 0, fail: 0, error: 0, skip: 0 };
  for (const finding of findings) counts[finding.status] += 1;
  const atOrAbove = findings.filter((finding) => isAtOrAbove(finding.severity, failOn));
  const blockingFailures = atOrAbove.filter((finding) => finding.status === 'fail').length;
  const blockingErrors = atOrAbove.filter((finding) => finding.status === 'error').length;
  const blocking = blockingFailures + blockingErrors;
  const verdict = interrupted
    ? 'interrupted before every check finished; the report is partial'
    : blockingVerdict(blockingFailures, blockingErrors, failOn);
  return { counts, blocking, blockingFailures, blockingErrors, causes: groupCauses(findings), exitCode: blocking > 0 ? 1 : 0, verdict };
};

/** Says which drove the exit code: failures of the store, findings that could not be checked, or both. */
const blockingVerdict = (failures: number, errors: number, failOn: FailOn): string => {
  const couldNot = `${plural(errors, 'finding')} could not be checked`;
  if (failures > 0 && errors > 0) return `${plural(failures, 'failure')} at or above ${failOn}, and ${couldNot}`;
  if (failures > 0) return `${plural(failures, 'failure')} at or above ${failOn}`;
  if (errors > 0) return `${couldNot} at or above ${failOn}; nothing failed`;
  return `no failures at or above ${failOn}`;
};
