import { access, writeFile } from 'node:fs/promises';
import { UsageError } from '../../lib/errors.js';
import { STARTER_PROFILE } from '../starter-profile.js';
import { writeStderr } from '../session.js';

const exists = (file: string) => access(file).then(() => true, () => false);

export const initCommand = async (file: string, options: { force?: boolean }): Promise<void> => {
  if (!options.force && (await exists(file))) throw new UsageError(`${file} already exists (use --force to overwrite it)`);
  try {
    await writeFile(file, STARTER_PROFILE);
  } catch (error) {
    throw new UsageError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  writeStderr(`Wrote ${file}. Edit it, then run: q4check audit ${file}\n`);
};
