import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { gather } from '../../../../checks/email-auth/gather.js';
import type { DnsSimulator } from '../../../../src/simulators/dns/index.js';
import { gatherContext, resolverFor, startCaseDns } from '../gather/simulated.js';
import { startStsServer, type StsServer } from '../gather/sts-server.js';
import { CASES, STS_POLICIES } from './cases.js';
import { ARTIFACTS, RECORDING_RESOLVER, recordingConfig, stableJson } from './recording.js';

/**
 * Re-records fixtures/artifacts/email-auth/<case>.json with the check's real gather, a real resolver,
 * the DNS simulator serving fixtures/zones/cases and an HTTPS server for the MTA-STS policies:
 *
 *   REGENERATE=1 npx vitest run test/checks/email-auth/rules/regenerate.test.ts
 *
 * Skipped otherwise: the rule tables judge the committed recordings, so they never depend on timing.
 */
describe.skipIf(process.env.REGENERATE !== '1')('recording the email-auth rule artifacts', () => {
  let dns: DnsSimulator | undefined;
  let sts: StsServer | undefined;

  beforeAll(async () => {
    dns = await startCaseDns(CASES.flatMap((recorded) => recorded.faults ?? []));
    sts = await startStsServer(STS_POLICIES);
  });

  afterAll(async () => {
    await Promise.all([dns?.stop(), sts?.stop()]);
  });

  it.each(CASES)('$name', async (recorded) => {
    if (!dns || !sts) throw new Error('the simulators did not start');
    const context = gatherContext(resolverFor(dns, RECORDING_RESOLVER), { profileDir: ARTIFACTS });
    const artifact = await gather(context, recordingConfig(recorded, sts.port));
    await writeFile(path.join(ARTIFACTS, `${recorded.name}.json`), stableJson(artifact, { dns: dns.address.port, https: sts.port }));
  });
});
