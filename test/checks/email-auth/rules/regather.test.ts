import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmailAuthVerdict } from '../../../../checks/email-auth/evaluate/verdict.js';
import { gather } from '../../../../checks/email-auth/gather.js';
import type { DnsSimulator } from '../../../../src/simulators/dns/index.js';
import { gatherContext, resolverFor, startCaseDns } from '../gather/simulated.js';
import { startStsServer, type StsServer } from '../gather/sts-server.js';
import { CASES, STS_POLICIES } from './cases.js';
import { judge } from './judge.js';
import { ARTIFACTS, RECORDING_RESOLVER, recordingConfig } from './recording.js';

/**
 * Every recorded situation gathered again, as the recording did, and judged: the statuses must be the
 * recording's, rule by rule and subject by subject. A zone, a case or gather that changed without the
 * recording being made again fails here, not silently in the rule tables.
 */
let dns: DnsSimulator;
let sts: StsServer;

beforeAll(async () => {
  [dns, sts] = await Promise.all([startCaseDns(CASES.flatMap((recorded) => recorded.faults ?? [])), startStsServer(STS_POLICIES)]);
});

afterAll(async () => {
  await Promise.all([dns.stop(), sts.stop()]);
});

const statuses = (verdicts: EmailAuthVerdict[]): Record<string, string> =>
  Object.fromEntries(verdicts.map((verdict) => [`${verdict.rule} · ${verdict.subject}`, verdict.status]));

describe('the email-auth recordings are what gather sees today', () => {
  it.each(CASES.map((recorded) => recorded.name))('%s', async (name) => {
    const recorded = CASES.find((candidate) => candidate.name === name)!;
    const progress: string[] = [];
    const context = { ...gatherContext(resolverFor(dns, RECORDING_RESOLVER), { profileDir: ARTIFACTS }), progress: (text: string) => progress.push(text) };
    const artifact = await gather(context, recordingConfig(recorded, sts.port));

    expect(statuses(judge(name, {}, artifact))).toEqual(statuses(judge(name)));
    // The spinner is told how many questions went out, the last time with the final count.
    expect(progress.at(-1)).toBe(`${artifact.queries.sent} DNS questions`);
  });
});
