import { readFile } from 'node:fs/promises';
import { SCHEMA_VERSION, type Report } from '../../engine/report.js';
import { UsageError } from '../../lib/errors.js';
import { indexEntry, type Judged } from '../../report/store-index.js';
import type { UnjudgedProfile } from '../../report/unjudged.js';
import { pairOutputs } from '../outputs.js';
import { toolVersion } from '../version.js';
import { planDestinations } from '../write-output.js';
import { writeReports } from '../write-reports.js';

interface SavedUnjudged {
  judged: false;
  profile: string;
  problems: string[];
  tool: { version: string };
}

const isSavedResult = (value: unknown): value is Report | SavedUnjudged => {
  const candidate = value as Partial<Report> | null;
  return typeof candidate === 'object' && candidate !== null && candidate.schemaVersion === SCHEMA_VERSION && candidate.tool?.name === 'q4check' && typeof candidate.profile === 'string';
};

const toJudged = (saved: Report | SavedUnjudged): Judged =>
  'judged' in saved && saved.judged === false ? ({ profile: saved.profile, problems: saved.problems, toolVersion: saved.tool.version } satisfies UnjudgedProfile) : (saved as Report);

/** The reports a file holds: one, or the array `audit --format json` prints for several profiles. */
const readReports = async (file: string): Promise<Judged[]> => {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(`${file}: is not JSON; give the reports written by --format json`);
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  if (!items.every(isSavedResult)) throw new UsageError(`${file}: is not a q4check JSON report (schemaVersion ${SCHEMA_VERSION})`);
  return items.map(toJudged);
};

const profileOf = (result: Judged): string => result.profile;

/** `q4check report a.json b.json --format markdown --out reports/`: saved JSON reports rendered again, with no network. */
export const reportCommand = async (args: string[], raw: Record<string, unknown>, argv: readonly string[]): Promise<void> => {
  // `report merge shard-*.json`: the shards of a CI matrix joined into one set, in profile order.
  const merge = args[0] === 'merge';
  const files = merge ? args.slice(1) : args;
  if (files.length === 0) throw new UsageError('report merge needs the JSON reports to join');
  const targets = pairOutputs(argv);
  const read = (await Promise.all(files.map(readReports))).flat();
  const results = merge ? [...read].sort((a, b) => profileOf(a).localeCompare(profileOf(b))) : read;
  const destinations = await planDestinations(targets, results.map(profileOf));
  const color = raw.color !== false && !('NO_COLOR' in process.env && process.env.NO_COLOR !== '');
  await writeReports(results, { targets, color, quiet: raw.quiet === true }, destinations, toolVersion());
  process.exitCode = Math.max(...results.map((result) => indexEntry(result, []).exitCode));
};
