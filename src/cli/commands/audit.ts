import { existsSync } from 'node:fs';
import type { AnyCheck } from '../../engine/define-check.js';
import { builtinChecks, loadPlugin } from '../../engine/registry.js';
import type { Report } from '../../engine/report.js';
import { runAudit } from '../../engine/run.js';
import { lazyResolver } from '../../dns/lazy-lookup.js';
import { parseServerAddress } from '../../dns/server-address.js';
import { dateInTimeZone } from '../../lib/dates.js';
import { didYouMean } from '../../lib/did-you-mean.js';
import { ProfileError, UsageError } from '../../lib/errors.js';
import { loadProfile, type LoadedProfile } from '../../profile/load.js';
import { resolvePeak } from '../../profile/peak.js';
import { indexEntry, type Judged } from '../../report/store-index.js';
import type { UnjudgedProfile } from '../../report/unjudged.js';
import { parseAuditOptions, type AuditOptions } from '../audit-options.js';
import { applyBaseline, readBaseline, writeBaseline } from '../baseline.js';
import { mapBounded } from '../pool.js';
import { inShard } from '../shard.js';
import { findSavedFolders, saveFolders, writeManifest } from '../artifact-folders.js';
import { interruptOnSigint } from '../interrupt.js';
import { createLogger, createProgress } from '../progress.js';
import { secrets, writeStderr } from '../session.js';
import { toolVersion } from '../version.js';
import { planDestinations } from '../write-output.js';
import { writeReports } from '../write-reports.js';

const checkSelection = (loaded: LoadedProfile[], options: AuditOptions): void => {
  const known = [...new Set(loaded.flatMap((profile) => profile.checks.map((check: AnyCheck) => check.id)))];
  for (const [flag, ids] of [['--only', options.only], ['--skip', options.skip]] as const) {
    const unknown = ids.find((id) => !known.includes(id));
    if (unknown) throw new UsageError(`${flag} ${unknown}: no such check${didYouMean(unknown, known)} (checks: ${known.join(', ')})`);
  }
};

/** --resolver beats the profile's `resolver:`, which beats the system's. */
const resolverServers = (loaded: LoadedProfile, options: AuditOptions) => {
  const written = options.resolvers.length > 0 ? options.resolvers : loaded.profile.resolver;
  return written?.map((text) => parseServerAddress(text)!);
};

/** This profile's own artifact folder, to save into or judge from. */
interface ArtifactFolder {
  saveTo?: string | undefined;
  from?: string | undefined;
}

const auditOne = async (loaded: LoadedProfile, options: AuditOptions, artifacts: ArtifactFolder, signal: AbortSignal, now: Date, spinner: boolean): Promise<Report> => {
  const { store } = loaded.profile;
  const today = options.today ?? dateInTimeZone(now, store.timezone);
  const progress = await createProgress(store.name, spinner && process.stderr.isTTY === true && !options.quiet);
  try {
    return await runAudit({
      loaded,
      context: { today, peak: resolvePeak(loaded.profile.peak, today), store },
      failOn: options.failOn,
      only: options.only,
      skip: options.skip,
      signal,
      timeoutMs: options.timeoutMs,
      logger: createLogger(options.debug),
      progress,
      addSecret: (value) => secrets.add(value),
      redact: (text) => secrets.redact(text),
      dns: lazyResolver(resolverServers(loaded, options), signal, options.debug ? createLogger(true).debug : undefined),
      saveArtifactsTo: artifacts.saveTo,
      artifactsFrom: artifacts.from,
      toolVersion: toolVersion(),
      allowProduction: options.allowProduction,
    });
  } finally {
    progress.stop();
  }
};

/** Loads every profile; one that cannot be loaded is explained on stderr and judged no further, never stopping the others. */
const loadAll = async (profiles: string[], options: AuditOptions): Promise<(LoadedProfile | UnjudgedProfile)[]> => {
  const selection = { only: options.only, skip: options.skip, fromArtifacts: options.fromArtifacts !== undefined };
  const loadOptions = { builtins: builtinChecks, overrides: options.overrides, env: process.env, addSecret: (value: string) => secrets.add(value), loadPlugin, selection };
  const results: (LoadedProfile | UnjudgedProfile)[] = [];
  for (const file of profiles) {
    try {
      results.push(await loadProfile(file, loadOptions));
    } catch (error) {
      if (!(error instanceof ProfileError)) throw error;
      writeStderr(`${error.message}\n`);
      results.push({ profile: file, problems: error.message.split('\n'), toolVersion: toolVersion() });
    }
  }
  return results;
};

const isLoaded = (result: LoadedProfile | UnjudgedProfile): result is LoadedProfile => 'checks' in result;

/** --dry-run: each profile's load plan on stdout; exit 2 when a profile could not be read. */
const printDryRun = async (profiles: string[], options: AuditOptions): Promise<void> => {
  const { dryRunText } = await import('../dry-run.js');
  const all = await loadAll(profiles, options);
  for (const result of all) if (isLoaded(result)) process.stdout.write(`${await dryRunText(result, options.allowProduction)}\n`);
  process.exitCode = all.every(isLoaded) ? 0 : 2;
};

/** Audits each profile in turn; the exit code is the worst: 2 when any could not be judged, else 1 when any failed. */
export const runAuditCommand = async (given: string[], options: AuditOptions): Promise<void> => {
  const shard = options.shard;
  const profiles = shard === undefined ? given : given.filter((file) => inShard(file, shard));
  if (profiles.length === 0) {
    writeStderr(`q4check: shard ${shard!.index}/${shard!.count} holds none of the ${given.length} profiles; nothing to audit\n`);
    return;
  }
  if (options.dryRun) return printDryRun(profiles, options);
  const destinations = await planDestinations(options.targets, profiles);
  const all = await loadAll(profiles, options);
  const loaded = all.filter(isLoaded);
  if (loaded.length > 0) checkSelection(loaded, options);
  const saveTo = options.saveArtifacts === undefined ? [] : saveFolders(options.saveArtifacts, loaded);
  const from = options.fromArtifacts === undefined ? [] : await findSavedFolders(options.fromArtifacts, loaded);
  const baseline = options.baseline === undefined ? undefined : await readBaseline(options.baseline).catch((error: unknown) => {
    if (options.updateBaseline && !existsSync(options.baseline!)) return [];
    throw error;
  });
  const interrupt = interruptOnSigint();
  try {
    // One spinner line cannot show several stores at once: concurrent audits run without it.
    const spinner = options.concurrency === 1 || loaded.length === 1;
    const results: Judged[] = await mapBounded(all, options.concurrency, interrupt.signal, async (result): Promise<Judged> => {
      if (!isLoaded(result)) return result;
      const index = loaded.indexOf(result);
      const now = new Date();
      const report = await auditOne(result, options, { saveTo: saveTo[index], from: from[index] }, interrupt.signal, now, spinner);
      if (saveTo[index] !== undefined) {
        await writeManifest(saveTo[index], { store: result.profile.store.name, profile: result.file, q4checkVersion: toolVersion(), savedAt: now.toISOString() });
      }
      return baseline === undefined ? report : applyBaseline(report, baseline);
    });
    await writeReports(results, options, destinations, toolVersion());
    if (options.updateBaseline && !interrupt.signal.aborted) await writeBaseline(options.baseline!, results);
    process.exitCode = Math.max(...results.map((result) => indexEntry(result, []).exitCode));
  } finally {
    interrupt.dispose();
  }
};

export const auditCommand = async (profiles: string[], raw: Record<string, unknown>, argv: readonly string[]): Promise<void> =>
  runAuditCommand(profiles, parseAuditOptions(raw, argv, process.env));
