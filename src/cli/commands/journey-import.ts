import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../../lib/errors.js';
import { importHar } from '../../journey/har/import.js';
import { summaryLines } from '../../journey/har/summary.js';
import { journeyYaml } from '../../journey/har/write-journey.js';
import { writeStderr } from '../session.js';

const readRecording = async (file: string): Promise<string> => {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${file}: file not found` : `${file} cannot be read (${code ?? 'unknown error'})`);
  }
};

/** `q4check journey import recording.har [--out FILE] [--origin URL]`: the YAML to stdout or FILE, the summary to stderr. */
export const journeyImportCommand = async (file: string, options: { out?: string; origin?: string; name?: string }): Promise<void> => {
  const name = options.name ?? (options.out ? path.basename(options.out) : path.basename(file)).replace(/\.(ya?ml|har|json)$/i, '');
  const { journey, summary } = importHar(await readRecording(file), { file, name, ...(options.origin ? { origin: options.origin } : {}) });
  const yaml = journeyYaml(journey, path.basename(file));
  if (options.out) {
    try {
      await writeFile(options.out, yaml);
    } catch (error) {
      throw new UsageError(`cannot write ${options.out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  } else {
    process.stdout.write(yaml);
  }
  writeStderr(`${summaryLines(summary, journey.steps).join('\n')}\n${options.out ? `Wrote ${options.out}. ` : ''}Read it through before a run (see its opening comment).\n`);
};
