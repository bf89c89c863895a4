import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../lib/errors.js';
import { FILE_EXTENSIONS } from '../report/index.js';
import { isFolderName, type OutputTarget } from './outputs.js';
import { profileNames } from './profile-names.js';
import { secrets } from './session.js';

const isFolder = async (out: string): Promise<boolean> =>
  isFolderName(out) || (await stat(out).then((s) => s.isDirectory(), () => false));

/** Where one profile's rendering of a target goes: stdout, the file named, or a file in the folder named. */
const destinationOf = async (target: OutputTarget, name: string, profileCount: number): Promise<string | undefined> => {
  if (target.out === undefined) return undefined;
  if (await isFolder(target.out)) return path.join(target.out, `${name}.${FILE_EXTENSIONS[target.format]}`);
  if (profileCount > 1) throw new UsageError(`--out ${target.out}: with several profiles, --out names a folder (end it with /)`);
  return target.out;
};

/**
 * Where each target goes for each profile (`[target][profile]`), worked out before anything is
 * audited: a --out that cannot hold the reports is a usage error before a single question is sent.
 */
export const planDestinations = (targets: readonly OutputTarget[], profiles: readonly string[]): Promise<(string | undefined)[][]> => {
  const names = profileNames(profiles);
  return Promise.all(targets.map((target) => Promise.all(names.map((name) => destinationOf(target, name, profiles.length)))));
};

/** The one sink for reports: redacts secrets, streams to stdout without truncation, or writes a file. */
export const writeOutput = async (text: string, destination: string | undefined): Promise<void> => {
  const safe = secrets.redact(text);
  if (destination === undefined) {
    await new Promise<void>((resolve, reject) => process.stdout.write(safe, (error) => (error ? reject(error) : resolve())));
    return;
  }
  try {
    await mkdir(path.dirname(destination), { recursive: true });
    await writeFile(destination, safe);
  } catch (error) {
    throw new UsageError(`cannot write ${destination}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
};
