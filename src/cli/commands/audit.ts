import type { AnyCheck } from '../../engine/define-check.js';
import { builtinChecks, loadPlugin } from '../../engine/registry.js';
import type { Report } from '../../engine/report.js';
import { runAudit } from '../../engine/run.js';
import { lazyResolver } from '../../dns/lazy-lookup.js';
import { parseServerAddress } from '../../dns/server-address.js';
import { dateInTimeZone } from '../../lib/dates.js';
import { didYouMean } from '../../lib/did-you-mean.js';
import { UsageError } from '../../lib/errors.js';
import { loadProfile, type LoadedProfile } from '../../profile/load.js';
import { resolvePeak } from '../../profile/peak.js';
import { renderers } from '../../report/index.js';
import { parseAuditOptions, type AuditOptions } from '../audit-options.js';
import { findSavedFolders, saveFolders, writeManifest } from '../artifact-folders.js';
import { interruptOnSigint } from '../interrupt.js';
import { createLogger, createProgress } from '../progress.js';
import { secrets } from '../session.js';
import { toolVersion } from '../version.js';
import { planDestinations, writeOutput } from '../write-output.js';

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

const auditOne = async (loaded: LoadedProfile, options: AuditOptions, artifacts: ArtifactFolder, signal: AbortSignal, now: Date): Promise<Report> => {
  const { store } = loaded.profile;
  const today = options.today ?? dateInTimeZone(now, store.timezone);
  const progress = await createProgress(store.name, process.stderr.isTTY === true && !options.quiet);
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
    });
  } finally {
    progress.stop();
  }
};

/** `destinations[target][profile]`, from planDestinations; reports are in profile order. */
const writeReports = async (reports: Report[], options: AuditOptions, destinations: (string | undefined)[][]): Promise<void> => {
  for (const [index, target] of options.targets.entries()) {
    const color = options.color && target.out === undefined && process.stdout.isTTY === true;
    const context = { color, width: process.stdout.columns ?? 100, quiet: options.quiet };
    if (target.out === undefined && target.format === 'json' && reports.length > 1) {
      // Several reports on one stream stay one JSON document: an array of reports.
      await writeOutput(`${JSON.stringify(reports, null, 2)}\n`, undefined);
      continue;
    }
    for (const [profile, report] of reports.entries()) {
      await writeOutput(renderers[target.format](report, context), destinations[index]![profile]);
    }
  }
};

/** Audits each profile in turn; exit 2 when any could not be judged, else 1 when any failed. */
export const runAuditCommand = async (profiles: string[], options: AuditOptions): Promise<void> => {
  const destinations = await planDestinations(options.targets, profiles);
  const selection = { only: options.only, skip: options.skip, fromArtifacts: options.fromArtifacts !== undefined };
  const loadOptions = { builtins: builtinChecks, overrides: options.overrides, env: process.env, addSecret: (value: string) => secrets.add(value), loadPlugin, selection };
  const loaded: LoadedProfile[] = [];
  for (const file of profiles) loaded.push(await loadProfile(file, loadOptions));
  checkSelection(loaded, options);
  const saveTo = options.saveArtifacts === undefined ? [] : saveFolders(options.saveArtifacts, loaded);
  const from = options.fromArtifacts === undefined ? [] : await findSavedFolders(options.fromArtifacts, loaded);
  const interrupt = interruptOnSigint();
  try {
    const reports: Report[] = [];
    for (const [index, profile] of loaded.entries()) {
      const now = new Date();
      reports.push(await auditOne(profile, options, { saveTo: saveTo[index], from: from[index] }, interrupt.signal, now));
      if (saveTo[index] !== undefined) {
        await writeManifest(saveTo[index], { store: profile.profile.store.name, profile: profile.file, q4checkVersion: toolVersion(), savedAt: now.toISOString() });
      }
      if (interrupt.signal.aborted) break;
    }
    await writeReports(reports, options, destinations);
    process.exitCode = Math.max(...reports.map((report) => (report.interrupted ? 2 : report.summary.exitCode)));
  } finally {
    interrupt.dispose();
  }
};

export const auditCommand = async (profiles: string[], raw: Record<string, unknown>, argv: readonly string[]): Promise<void> =>
  runAuditCommand(profiles, parseAuditOptions(raw, argv, process.env));
