import { setMaxListeners } from 'node:events';
import { performance } from 'node:perf_hooks';
import type { GatherContext } from './define-check.js';
import type { LoadedProfile } from '../profile/load.js';
import { withGrace } from '../lib/abortable.js';
import { causeOfAbort, describeAbort } from './abort-reason.js';
import { loadArtifact, saveArtifact, saveGatherError } from './artifacts.js';
import type { AnyCheck, EvaluateContext, Logger } from './define-check.js';
import { errorFindings, sortFindings, toFinding, type SeverityOverrides } from './findings.js';
import { SCHEMA_VERSION, type CheckRun, type Finding, type Report } from './report.js';
import type { FailOn } from './severity.js';
import { summarize } from './summary.js';
import { applySuppressions } from './suppressions.js';
import { peakNotices } from './notices.js';

export const DEFAULT_CHECK_TIMEOUT_MS = 120_000;

/**
 * How long a gather may take, once its time limit or Ctrl-C has stopped it, to hand back what finished:
 * a check that keeps partial results returns them, and only what was cut off is could-not-check.
 */
export const PARTIAL_RESULT_GRACE_MS = 2_000;

export interface ProgressSink {
  checkStarted(check: AnyCheck): void;
  checkFinished(check: AnyCheck, run: CheckRun): void;
  /** Progress inside a running check: "120/386 messages". */
  checkProgress?(check: AnyCheck, text: string): void;
}

export interface RunOptions {
  loaded: LoadedProfile;
  context: EvaluateContext;
  failOn: FailOn;
  only: readonly string[];
  skip: readonly string[];
  signal: AbortSignal;
  /** Overrides each check's own time limit. */
  timeoutMs?: number;
  logger: Logger;
  progress?: ProgressSink;
  addSecret(value: string): void;
  redact(text: string): string;
  dns: GatherContext['dns'];
  saveArtifactsTo?: string;
  /** Judge saved artifacts instead of gathering: no IO against the store. */
  artifactsFrom?: string;
  toolVersion: string;
  /** --allow-production, passed to every check's gather. */
  allowProduction?: boolean;
}

interface CheckOutcome {
  run: CheckRun;
  findings: Finding[];
}

const exclusionReason = (check: AnyCheck, options: RunOptions): string | undefined => {
  if (options.only.length > 0 && !options.only.includes(check.id)) return `not selected by --only ${options.only.join(', ')}`;
  if (options.skip.includes(check.id)) return 'excluded by --skip';
  if (options.loaded.profile.checks[check.id] === undefined) return `the profile has no checks.${check.id} section`;
  return undefined;
};

/**
 * A time limit that keeps the process alive while it runs: AbortSignal.timeout's timer is unref'd,
 * so a gather waiting on nothing else would let Node exit silently mid-run.
 */
const timeLimit = (ms: number): { signal: AbortSignal; clear(): void } => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`exceeded ${ms} ms`, 'TimeoutError')), ms);
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
};

const obtainArtifact = async (
  check: AnyCheck,
  config: unknown,
  options: RunOptions,
  timeoutMs: number,
): Promise<{ artifact: unknown; stopped?: string | undefined }> => {
  if (options.artifactsFrom) return { artifact: await loadArtifact(options.artifactsFrom, check.id) };
  const limit = timeLimit(timeoutMs);
  const signal = AbortSignal.any([options.signal, limit.signal]);
  // Every DNS question and request of a check listens to this one signal.
  setMaxListeners(0, signal);
  const gatherContext: GatherContext = {
    signal,
    profileDir: options.loaded.dir,
    today: options.context.today,
    logger: options.logger,
    progress: (text) => options.progress?.checkProgress?.(check, text),
    addSecret: options.addSecret,
    allowProduction: options.allowProduction === true,
    dns: options.dns,
  };
  try {
    const artifact = await withGrace(check.gather(gatherContext, config), signal, PARTIAL_RESULT_GRACE_MS);
    if (options.saveArtifactsTo) await saveArtifact(options.saveArtifactsTo, check.id, artifact, options.redact);
    const stopped = signal.aborted ? describeAbort(signal.reason, timeoutMs) : undefined;
    return { artifact, stopped };
  } finally {
    limit.clear();
  }
};

const runCheck = async (check: AnyCheck, options: RunOptions, overrides: SeverityOverrides): Promise<CheckOutcome> => {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const base = { id: check.id, title: check.title };
  const excluded = exclusionReason(check, options);
  if (excluded) return { run: { ...base, state: 'skipped', reason: excluded, durationMs: 0 }, findings: [] };

  const config = options.loaded.profile.checks[check.id];
  const own = typeof check.timeoutMs === 'function' ? check.timeoutMs(config) : check.timeoutMs;
  const timeoutMs = options.timeoutMs ?? own ?? DEFAULT_CHECK_TIMEOUT_MS;
  let obtained: { artifact: unknown; stopped?: string | undefined };
  try {
    obtained = await obtainArtifact(check, config, options, timeoutMs);
  } catch (error) {
    const reason = describeAbort(error, timeoutMs);
    const cause = causeOfAbort(error, timeoutMs);
    if (options.saveArtifactsTo && !options.signal.aborted) await saveGatherError(options.saveArtifactsTo, check.id, reason, cause, options.redact);
    return { run: { ...base, state: 'error', reason, durationMs: elapsed() }, findings: errorFindings(check, reason, cause, overrides) };
  }
  try {
    const verdicts = check.evaluate(obtained.artifact, config, options.context);
    const findings = verdicts.map((verdict) => toFinding(check, verdict, overrides));
    const run: CheckRun = { ...base, state: 'completed', durationMs: elapsed() };
    if (obtained.stopped) run.reason = `${obtained.stopped}; what finished is judged`;
    return { run, findings };
  } catch (error) {
    const reason = `its evaluation failed (${(error as Error).message})`;
    return { run: { ...base, state: 'error', reason, durationMs: elapsed() }, findings: errorFindings(check, reason, `check: ${reason}`, overrides) };
  }
};

/** Gathers and judges every check of one profile concurrently; one check's failure never stops the others. */
export const runAudit = async (options: RunOptions): Promise<Report> => {
  const { profile, checks, file } = options.loaded;
  const overrides: SeverityOverrides = profile.severity ?? {};
  const outcomes = await Promise.all(
    checks.map(async (check) => {
      options.progress?.checkStarted(check);
      const outcome = await runCheck(check, options, overrides);
      options.progress?.checkFinished(check, outcome.run);
      return outcome;
    }),
  );
  const judged = applySuppressions(outcomes.flatMap((outcome) => outcome.findings), profile.suppress ?? [], options.context.today);
  const findings = sortFindings(judged.findings, checks.map((check) => check.id));
  const interrupted = options.signal.aborted;
  const report: Report = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'q4check', version: options.toolVersion },
    profile: file,
    store: options.context.store,
    peak: options.context.peak,
    today: options.context.today,
    failOn: options.failOn,
    interrupted,
    notices: peakNotices(options.context.peak, options.context.today),
    checks: outcomes.map((outcome) => outcome.run),
    findings,
    suppressions: judged.notes,
    summary: summarize(findings, options.failOn, interrupted),
  };
  if (profile.report?.preparedBy) report.preparedBy = profile.report.preparedBy;
  if (options.loaded.logo) report.logo = options.loaded.logo;
  return report;
};
