import { access, writeFile } from 'node:fs/promises';
import { dateInTimeZone } from '../../lib/dates.js';
import { UsageError } from '../../lib/errors.js';
import { STARTER_TIMEZONE, starterProfile } from '../starter-profile.js';
import { writeStderr } from '../session.js';
import { parseToday } from '../today-option.js';

const exists = (file: string) => access(file).then(() => true, () => false);

export const initCommand = async (file: string, options: { force?: boolean; today?: unknown }): Promise<void> => {
  const today = parseToday(options.today) ?? dateInTimeZone(new Date(), STARTER_TIMEZONE);
  if (!options.force && (await exists(file))) throw new UsageError(`${file} already exists (use --force to overwrite it)`);
  try {
    await writeFile(file, starterProfile(today));
  } catch (error) {
    throw new UsageError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  writeStderr(`Wrote ${file}. Edit it, then run: q4check audit ${file}\n`);
};
