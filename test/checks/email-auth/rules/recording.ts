import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { EmailAuthArtifact } from '../../../../checks/email-auth/artifact.js';
import { config as configSchema, type EmailAuthConfig } from '../../../../checks/email-auth/config.js';
import { ROOT } from '../../../helpers/cli.js';
import { TEST_DNS_TIMEOUT_MS } from '../gather/simulated.js';
import { TEST_CA } from '../gather/sts-server.js';
import type { RecordedCase } from './cases.js';

/**
 * How the recording's resolver asks: no retry, so a dropped question costs one timeout, and a timeout
 * generous enough that a loopback answer on a busy machine is never taken for silence.
 */
export const RECORDING_RESOLVER = { timeoutMs: TEST_DNS_TIMEOUT_MS, retries: 0 } as const;

/** Where the recorded artifacts live; also the profile folder the recording resolves sampleMessages and trustedCa against. */
export const ARTIFACTS = path.join(ROOT, 'fixtures/artifacts/email-auth');

/** The section a case was recorded with, pointing MTA-STS at the recording's HTTPS server and test CA. */
export const recordingConfig = (recorded: RecordedCase, httpsPort: number): EmailAuthConfig =>
  configSchema.parse({ ...recorded.config, mtaSts: { port: httpsPort, trustedCa: path.relative(ARTIFACTS, path.join(ROOT, TEST_CA)) } });

/**
 * The artifact as committed. The simulator's and the HTTPS server's ports change on every run, and
 * the query log is in the order answers happened to arrive, with timings: the ports are written as the
 * standard ones (53, and 443, which the policy URL leaves out), the log is sorted and its timings are
 * zeroed, so recording twice gives the same bytes. No rule reads any of these.
 */
export const stableJson = (artifact: EmailAuthArtifact, ports: { dns: number; https: number }): string => {
  const log = artifact.queries.log
    .map((entry) => ({ ...entry, elapsedMs: 0 }))
    .sort((a, b) => `${a.name} ${a.type}`.localeCompare(`${b.name} ${b.type}`));
  const text = JSON.stringify({ ...artifact, queries: { ...artifact.queries, log } }, null, 2);
  return `${text.replaceAll(`127.0.0.1:${ports.dns}`, '127.0.0.1:53').replaceAll(`.example:${ports.https}/`, '.example/')}\n`;
};

export const readArtifact = (name: string): EmailAuthArtifact =>
  JSON.parse(readFileSync(path.join(ARTIFACTS, `${name}.json`), 'utf8')) as EmailAuthArtifact;
