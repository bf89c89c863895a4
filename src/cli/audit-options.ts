import { availableParallelism } from 'node:os';
import path from 'node:path';
import { FAIL_ON_LEVELS, type FailOn } from '../engine/severity.js';
import { parseServerAddress } from '../dns/server-address.js';
import { UsageError } from '../lib/errors.js';
import type { ProfileOverride } from '../profile/load.js';
import { parseOverride } from './overrides.js';
import { pairOutputs, type OutputTarget } from './outputs.js';
import { parseShard, type Shard } from './shard.js';
import { parseToday } from './today-option.js';

export interface AuditOptions {
  targets: OutputTarget[];
  failOn: FailOn;
  only: string[];
  skip: string[];
  /** --resolver host[:port], already validated. */
  resolvers: string[];
  overrides: ProfileOverride[];
  today?: string;
  timeoutMs?: number;
  saveArtifacts?: string;
  fromArtifacts?: string;
  /** An earlier JSON report or baseline: its failures no longer fail the run. */
  baseline?: string;
  updateBaseline: boolean;
  /** Audit only this share of the profiles: a CI matrix spreads an agency's stores over machines. */
  shard?: Shard;
  /** How many stores are audited at once. */
  concurrency: number;
  color: boolean;
  quiet: boolean;
  debug: boolean;
  /** A load test may target a production host (it still needs its authorization and allowedHosts). */
  allowProduction: boolean;
  /** Print what the load test would do and send nothing. */
  dryRun: boolean;
}

const parseTimeout = (value: unknown): number | undefined => {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--timeout takes a number of seconds above 0, not "${String(value)}"`);
  return seconds * 1000;
};

const parseResolvers = (value: unknown): string[] => {
  const resolvers = (value as string[] | undefined) ?? [];
  const bad = resolvers.find((text) => parseServerAddress(text) === undefined);
  if (bad !== undefined) throw new UsageError(`--resolver takes an IP address, IP:port or [IPv6]:port, not "${bad}"`);
  return resolvers;
};

/** Audits wait on the network far more than on the CPU: a few stores per core keep both busy. */
export const DEFAULT_CONCURRENCY = Math.max(2, availableParallelism() * 4);

const parseConcurrency = (value: unknown): number => {
  if (value === undefined) return DEFAULT_CONCURRENCY;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) throw new UsageError(`--concurrency takes a whole number of stores above 0, not "${String(value)}"`);
  return count;
};

/** --load-results FILE: the load test judges a k6 summary (resolved from here) instead of running. */
const loadResultsOverride = (value: unknown): string[] =>
  typeof value === 'string' ? [`checks.checkout-load.loadResults=${JSON.stringify(path.resolve(value))}`] : [];

/** Commander's raw option bag, checked and typed; every mistake is a UsageError. */
export const parseAuditOptions = (raw: Record<string, unknown>, argv: readonly string[], env: NodeJS.ProcessEnv): AuditOptions => {
  const today = parseToday(raw.today);
  if (raw.saveArtifacts && raw.fromArtifacts) throw new UsageError('--save-artifacts and --from-artifacts cannot be used together');
  const failOn = raw.failOn as FailOn;
  if (!FAIL_ON_LEVELS.includes(failOn)) throw new UsageError(`--fail-on takes one of ${FAIL_ON_LEVELS.join(', ')}`);
  const options: AuditOptions = {
    targets: pairOutputs(argv),
    failOn,
    only: raw.only as string[],
    resolvers: parseResolvers(raw.resolver),
    overrides: [...((raw.set as string[] | undefined) ?? []), ...loadResultsOverride(raw.loadResults)].map(parseOverride),
    skip: raw.skip as string[],
    color: raw.color !== false && !('NO_COLOR' in env && env.NO_COLOR !== ''),
    quiet: raw.quiet === true,
    updateBaseline: raw.updateBaseline === true,
    concurrency: parseConcurrency(raw.concurrency),
    debug: raw.debug === true,
    allowProduction: raw.allowProduction === true,
    dryRun: raw.dryRun === true,
  };
  if (today !== undefined) options.today = today;
  const timeoutMs = parseTimeout(raw.timeout);
  if (timeoutMs !== undefined) options.timeoutMs = timeoutMs;
  if (typeof raw.saveArtifacts === 'string') options.saveArtifacts = raw.saveArtifacts;
  if (typeof raw.fromArtifacts === 'string') options.fromArtifacts = raw.fromArtifacts;
  if (typeof raw.baseline === 'string') options.baseline = raw.baseline;
  const shard = parseShard(raw.shard);
  if (shard !== undefined) options.shard = shard;
  if (options.updateBaseline && options.baseline === undefined) throw new UsageError('--update-baseline writes the file --baseline names: give --baseline FILE');
  return options;
};
