import type { z } from 'zod';
import type { Lookup, QueryLogEntry, ResolverStats } from '../dns/types.js';
import type { Json } from './json.js';
import type { Severity } from './severity.js';

export interface RuleMeta {
  /** Passing state, descriptive: "SPF stays within 10 DNS lookups". */
  title: string;
  /** Failing state: "SPF needs more than 10 DNS lookups". */
  failureTitle: string;
  /** Default severity; the profile's `severity:` map may re-grade it. */
  severity: Severity;
  /** Why it matters, one paragraph. */
  description: string;
  /** What to do when it fails. */
  fix: string;
  /** Where the threshold comes from: an RFC section or a provider's documentation. */
  ref: string;
}

export type VerdictStatus = 'pass' | 'warn' | 'fail' | 'skip' | 'error';

/**
 * One point of a series: a day (`date`, YYYY-MM-DD) of a daily series such as a warm-up ramp, or a second
 * (`second`, since the run began) of a load test's timeline. The points of one chart are all of one kind.
 */
export type SeriesPoint = { date: string; value: number } | { second: number; value: number };

/** A chart every report can draw: one or more series over days or seconds against a threshold line. */
export interface SeriesChart {
  title: string;
  series: { label: string; points: SeriesPoint[] }[];
  threshold?: { label: string; value: number };
}

/** What evaluate returns: facts about one rule and one subject. The engine adds titles and severity. */
export interface Verdict<R extends string = string> {
  rule: R;
  status: VerdictStatus;
  /** What it is about: 'acme.example', '198.51.100.10', 'journey shop-pay'. */
  subject: string;
  /** One sentence a person reads, with the specifics. */
  message: string;
  expected?: string;
  found?: string;
  evidence?: Json;
  /** Overrides the rule's fix when a more specific one is known. Ignored for `error`: the cause decides the fix. */
  fix?: string;
  /**
   * For `error` only: why nothing could be judged, short and stable, `<kind>: <what>`:
   * `dns: 127.0.0.1:5400 did not answer`, `http: connection refused by 127.0.0.1:8080`, `file: ./sends.csv not found`.
   * Reports group could-not-check findings by it, so one dead resolver reads as one line.
   */
  cause?: string;
  chart?: SeriesChart;
  /** A tree a person reads better drawn than listed: an SPF include tree with the lookups each branch costs. */
  tree?: TreeNode;
  /** Rows of a grid the reports join across a check's findings by title: the SMS keyword matrix (keyword × outcome). */
  matrix?: Matrix;
}

/** How a matrix cell reads at a glance; the same words as the finding statuses, so renderers colour them alike. */
export type MatrixTone = 'pass' | 'warn' | 'fail' | 'error';

export interface MatrixCell {
  /** Says it all without colour (print, screen readers): the keywords that met this outcome, a latency. */
  text: string;
  tone?: MatrixTone;
}

/**
 * A grid of short cells: rows × columns. Each finding carries its own rows; renderers join the matrices of
 * one check that share a title and columns into one table, in the findings' order.
 */
export interface Matrix {
  title: string;
  /** The header above the row labels: "Keyword". */
  rowHeader: string;
  columns: string[];
  /** One cell per column; null where the row has nothing in that column. */
  rows: { label: string; cells: (MatrixCell | null)[] }[];
}

export interface TreeNode {
  label: string;
  /** Beside the label, dimmed: "3 lookups", "void". */
  note?: string;
  children?: TreeNode[];
}

export interface Logger {
  info(message: string): void;
  /** Shown with --debug only, on stderr: DNS questions, HTTP exchanges (never a secret). */
  debug(message: string): void;
}

export interface GatherContext {
  signal: AbortSignal;
  /** Folder of the profile: relative paths in a check's section resolve against it. */
  profileDir: string;
  today: string;
  logger: Logger;
  /** Progress inside the check for the spinner: "120/386 messages". Cheap to call often; ignored off a terminal. */
  progress(text: string): void;
  /** Registers a value (a token, a cookie) that must never reach any output. */
  addSecret(value: string): void;
  /** --allow-production: a load test may target a host that serves real shoppers (still with its authorization). */
  allowProduction?: boolean;
  /** The run's DNS resolver: shared by every check, so one audit never asks the same question twice. */
  dns: Lookup & { log(): QueryLogEntry[]; stats(): ResolverStats };
}

export interface Peak {
  name: string;
  start: string;
  end: string;
  /** True when the profile named no peak and the coming Black Friday to Cyber Monday was used. */
  derived: boolean;
}

export interface EvaluateContext {
  /** The date every date rule uses, YYYY-MM-DD. */
  today: string;
  peak: Peak;
  store: { name: string; timezone: string };
}

export interface Check<Id extends string = string, R extends string = string, Config = unknown, Artifact = Json> {
  /** Kebab-case noun: 'email-auth'. */
  id: Id;
  title: string;
  /** One line: what the check tells a store. */
  description: string;
  /** The schema of this check's section of the profile, `checks.<id>`. */
  config: z.ZodType<Config>;
  rules: Record<R, RuleMeta>;
  /**
   * How long gather may take before the check is stopped, in milliseconds; a function when the profile
   * decides (a load test's time limit follows its planned duration).
   */
  timeoutMs?: number | ((config: Config) => number);
  /** All IO. Returns a JSON-serialisable artifact; per-subject failures belong in it as data. */
  gather(ctx: GatherContext, config: Config): Promise<Artifact>;
  /** Pure: the artifact, the config and the context in, verdicts out. */
  evaluate(artifact: Artifact, config: Config, ctx: EvaluateContext): Verdict<R>[];
}

// The engine keeps checks of different configs in one list.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- variance: a registry holds checks of unrelated configs
export type AnyCheck = Check<string, string, any, any>;

/** Identity helper: infers the rule ids, so a verdict naming an unknown rule does not compile. */
export const defineCheck = <const Id extends string, R extends string, C, A>(
  check: Check<Id, R, C, A>,
): Check<Id, R, C, A> => check;
