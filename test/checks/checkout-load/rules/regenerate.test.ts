import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'vitest';
import { gatherJudgeable } from '../gather/simulated.js';
import { CASES } from './cases.js';
import { ARTIFACTS, stableJson } from './recording.js';

/**
 * Re-records fixtures/artifacts/checkout-load/<case>.json with the check's real gather loading the
 * storefront simulator over loopback HTTP, set up as each case says:
 *
 *   REGENERATE=1 npx vitest run test/checks/checkout-load/rules/regenerate.test.ts
 *
 * Skipped otherwise: the rule table judges the committed recordings, so it never depends on timing.
 */
describe.skipIf(process.env.REGENERATE !== '1')('recording the checkout-load rule artifacts', () => {
  it.each(CASES)('$name', async (recorded) => {
    const { artifact, store, collector } = await gatherJudgeable(recorded.setup);
    await mkdir(ARTIFACTS, { recursive: true });
    await writeFile(path.join(ARTIFACTS, `${recorded.name}.json`), stableJson(artifact, recorded, { store, collector }));
  }, 60_000);
});
