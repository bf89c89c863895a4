import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'vitest';
import { gatherFrom } from '../gather/simulated.js';
import { CASES } from './cases.js';
import { ARTIFACTS, stableJson } from './recording.js';

/**
 * Re-records fixtures/artifacts/sms-routing/<case>.json with the check's real gather posting over
 * loopback HTTP to the SMS webhook simulator, set up as each case says:
 *
 *   REGENERATE=1 npx vitest run test/checks/sms-routing/rules/regenerate.test.ts
 *
 * Skipped otherwise: the rule tables judge the committed recordings, so they never depend on timing.
 */
describe.skipIf(process.env.REGENERATE !== '1')('recording the sms-routing rule artifacts', () => {
  it.each(CASES)('$name', async (recorded) => {
    const { artifact, webhook } = await gatherFrom(recorded.setup);
    await writeFile(path.join(ARTIFACTS, `${recorded.name}.json`), stableJson(artifact, recorded, webhook));
  });
});
