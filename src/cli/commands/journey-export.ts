import { writeFile } from 'node:fs/promises';
import type { CheckoutLoadConfig } from '../../../checks/checkout-load/config.js';
import { prepareLoad } from '../../../checks/checkout-load/prepare.js';
import { builtinChecks, loadPlugin } from '../../engine/registry.js';
import { exportK6 } from '../../k6/export.js';
import { UsageError } from '../../lib/errors.js';
import { loadProfile } from '../../profile/load.js';
import { secrets, writeStderr } from '../session.js';

/**
 * `q4check journey export --k6 <profile.yaml> [--out FILE]`: the profile's load test as a k6 script, for
 * loads one machine cannot generate. Refused targets are refused here too: a script is a load test waiting to run.
 */
export const journeyExportCommand = async (file: string, options: { k6?: boolean; out?: string; allowProduction?: boolean }): Promise<void> => {
  if (options.k6 !== true) throw new UsageError('journey export writes a k6 script: give --k6');
  const selection = { only: ['checkout-load'], skip: [], fromArtifacts: false };
  const loaded = await loadProfile(file, { builtins: builtinChecks, env: process.env, addSecret: (value) => secrets.add(value), loadPlugin, selection });
  const config = loaded.profile.checks['checkout-load'] as CheckoutLoadConfig | undefined;
  if (config === undefined) throw new UsageError(`${file}: no checks.checkout-load section to export`);
  const prepared = await prepareLoad(config, loaded.dir, options.allowProduction === true, (value) => secrets.add(value));
  if (prepared.kind === 'refused') throw new UsageError(`${file}: the target is refused: ${prepared.target.reason}`);
  if (prepared.kind === 'problem') throw new UsageError(`${file}: ${prepared.problem}`);
  const script = exportK6({ config, journeys: prepared.journeys, plan: prepared.plan, paymentsAllowed: prepared.paymentsAllowed });
  if (options.out === undefined) {
    process.stdout.write(script);
    return;
  }
  await writeFile(options.out, script).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot write ${options.out}: ${error.code ?? error.message}`);
  });
  writeStderr(`Wrote ${options.out}: run it with k6 run --summary-export summary.json ${options.out}, then q4check audit ${file} --load-results summary.json\n`);
};
