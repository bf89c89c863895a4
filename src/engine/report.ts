import type { Json } from './json.js';
import type { Peak, SeriesChart, VerdictStatus } from './define-check.js';
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
  /** The rule's title or failure title, chosen by status. */
  title: string;
  message: string;
  expected?: string;
  found?: string;
  evidence?: Json;
  fix?: string;
  ref?: string;
  /** Present when a profile `suppress:` entry turned a failure into a skip. */
  suppressed?: Suppression;
  chart?: SeriesChart;
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

export interface Summary {
  counts: Record<FindingStatus, number>;
  /** fail and error findings at or above failOn: what decides the exit code. */
  blocking: number;
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
  today: string;
  failOn: FailOn;
  interrupted: boolean;
  checks: CheckRun[];
  findings: Finding[];
  suppressions: SuppressionNote[];
  summary: Summary;
}
