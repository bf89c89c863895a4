import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadJourney } from '../../src/journey/load.js';
import type { Journey } from '../../src/journey/types.js';
import type { CheckoutLoadConfig } from './config.js';
import { parseCurve } from './curve.js';

export type Inputs = { journeys: Journey[]; curve?: number[] } | { problem: string };

/** `file: journeys/native.yaml:3:9: steps[0].path: …`: the first problem, as the finding's cause. */
const fileCause = (error: unknown, profileDir: string): string => {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split('\n')[0]!.replace(profileDir + path.sep, '');
  return `file: ${first}`;
};

/** The journey files and the curve, resolved against the profile's folder; a problem names its file. */
export const readInputs = async (config: CheckoutLoadConfig, profileDir: string, addSecret: (value: string) => void): Promise<Inputs> => {
  try {
    const journeys = await Promise.all(config.journeys.map((entry) => loadJourney(path.resolve(profileDir, entry.file), entry.name, { addSecret })));
    const file = config.lastYearPeak.curve;
    if (file === undefined) return { journeys };
    const text = await readFile(path.resolve(profileDir, file), 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new Error(error.code === 'ENOENT' ? `${file} not found` : `${file} cannot be read (${error.code ?? 'unknown error'})`);
    });
    return { journeys, curve: parseCurve(text, file) };
  } catch (error) {
    return { problem: fileCause(error, profileDir) };
  }
};
