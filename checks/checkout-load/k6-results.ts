import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Journey } from '../../src/journey/types.js';
import { readK6Summary } from '../../src/k6/summary.js';
import type { CheckoutLoadArtifact, TargetSeen } from './artifact.js';
import type { LoadPlan } from './plan.js';

/**
 * The run's numbers from a k6 summary instead of q4check's engine: nothing is sent. A file that cannot
 * be read or is not a k6 summary leaves the load rules could-not-check, naming the file.
 */
export const fromK6Summary = async (file: string, profileDir: string, target: TargetSeen, plan: LoadPlan, journeys: Journey[]): Promise<CheckoutLoadArtifact> => {
  const shown = path.isAbsolute(file) ? path.basename(file) : file;
  let text: string;
  try {
    text = await readFile(path.resolve(profileDir, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { target, plan, problem: `file: ${shown} ${code === 'ENOENT' ? 'not found' : `cannot be read (${code ?? 'unknown error'})`}` };
  }
  try {
    const results = readK6Summary(text, shown, journeys);
    // A k6 summary carries no cart contents: no observations, which cart-consistency reads as not judged.
    const { observations: _none, ...run } = results.run;
    return { target, plan, run, source: { kind: 'k6', file: shown, fromExportedScript: results.fromExportedScript, missing: results.missing } };
  } catch (error) {
    return { target, plan, problem: `file: ${(error as Error).message.split('\n')[0]}` };
  }
};
