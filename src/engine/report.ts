import type { Json } from './json.js';
import type { Matrix, Peak, SeriesChart, TreeNode, VerdictStatus } from './define-check.js';
import type { FailOn, Severity } from './severity.js';

export const SCHEMA_VERSION = 1;

export type FindingStatus = VerdictStatus;

export interface Suppression {
  reason: string;
  until?: string;
}

export interface Finding {
  /** `<check>/<rule>`, stable: baselines and suppressions key on it. */
  rule: string;
  check: string;
  status: FindingStatus;
  severity: Severity;
  subject: string;
  /** The rule's title for pass and skip, its failure title for fail and warn, "Could not check: <title>" for error. */
  title: string;
  message: string;
  expected?: string;
  found?: string;
  evidence?: Json;
  /** For fail and warn: the rule's fix (or a more specific one); for error: what to do about the cause. */
  fix?: string;
  /** For error only: why nothing could be judged, `<kind>: <what>` (`dns: 127.0.0.1:5400 did not answer`). */
  cause?: string;
  ref?: string;
  /** Present when a profile `suppress:` entry turned a failure into a skip. */
  suppressed?: Suppression;
  chart?: SeriesChart;
  tree?: TreeNode;
  matrix?: Matrix;
}

export type CheckState = 'completed' | 'skipped' | 'error';

export interface CheckRun {
  id: string;
  title: string;
  state: CheckState;
  /** Why it was skipped or could not complete. */
  reason?: string;
  durationMs: number;
}

export interface SuppressionNote {
  rule: string;
  subject?: string;
  reason: string;
  until?: string;
  /** expired: `until` has passed, so the entry no longer applies; unused: it matched nothing. */
  state: 'active' | 'expired' | 'unused';
}

/** Could-not-check findings that share one cause. */
export interface CauseGroup {
  cause: string;
  count: number;
}

export interface Summary {
  counts: Record<FindingStatus, number>;
  /** fail and error findings at or above failOn: what decides the exit code. */
  blocking: number;
  /** Of `blocking`: failures (verdicts about the store). */
  blockingFailures: number;
  /** Of `blocking`: could-not-check findings (nothing was judged). */
  blockingErrors: number;
  /** Every error finding's cause with its count, most first. */
  causes: CauseGroup[];
  exitCode: 0 | 1;
  verdict: string;
}

export interface Report {
  schemaVersion: typeof SCHEMA_VERSION;
  tool: { name: 'q4check'; version: string };
  profile: string;
  store: { name: string; timezone: string };
  peak: Peak;
  preparedBy?: string;
  /** The profile's `report.logo` as a data URI (SVG or PNG), inlined by the HTML report. */
  logo?: string;
  today: string;
  failOn: FailOn;
  interrupted: boolean;
  /** What the reader must know before any finding: "Black Friday 2026 ended 1 day ago; …". */
  notices: string[];
  checks: CheckRun[];
  findings: Finding[];
  suppressions: SuppressionNote[];
  summary: Summary;
}
