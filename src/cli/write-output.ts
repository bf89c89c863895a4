import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../lib/errors.js';
import { FILE_EXTENSIONS } from '../report/index.js';
import type { OutputTarget } from './outputs.js';
import { secrets } from './session.js';

const isFolder = async (out: string): Promise<boolean> =>
  out.endsWith('/') || out.endsWith(path.sep) || (await stat(out).then((s) => s.isDirectory(), () => false));

/** Where one profile's rendering of a target goes: stdout, the file named, or a file in the folder named. */
export const destinationOf = async (target: OutputTarget, profile: string, profileCount: number): Promise<string | undefined> => {
  if (target.out === undefined) return undefined;
  if (await isFolder(target.out)) {
    return path.join(target.out, `${path.basename(profile).replace(/\.ya?ml$/i, '')}.${FILE_EXTENSIONS[target.format]}`);
  }
  if (profileCount > 1) throw new UsageError(`--out ${target.out}: with several profiles, --out names a folder (end it with /)`);
  return target.out;
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
