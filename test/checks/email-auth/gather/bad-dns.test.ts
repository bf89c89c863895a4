import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../../../checks/email-auth/evaluate.js';
import { gather } from '../../../../checks/email-auth/gather.js';
import type { EvaluateContext } from '../../../../src/engine/define-check.js';
import type { DnsSimulator } from '../../../../src/simulators/dns/index.js';
import { CASES, STS_POLICIES } from '../rules/cases.js';
import { ARTIFACTS, recordingConfig } from '../rules/recording.js';
import { TODAY, gatherContext, resolverFor, startCaseDns } from './simulated.js';
import { startStsServer, type StsServer } from './sts-server.js';

const ctx: EvaluateContext = {
  today: TODAY,
  peak: { name: 'Black Friday 2026', start: '2026-11-27', end: '2026-11-30', derived: false },
  store: { name: 'Test store', timezone: 'UTC' },
};

/** The rules that read DNS, each of which must say "could not check" rather than judge. */
const DNS_RULES = ['spf-record', 'spf-authorizes-ips', 'dkim-record', 'dmarc-record', 'dmarc-policy-strength', 'alignment', 'mx-record', 'reverse-dns', 'mta-sts', 'tls-rpt', 'bimi', 'bulk-sender-readiness'];

let simulator: DnsSimulator;
let sts: StsServer;

beforeAll(async () => {
  [simulator, sts] = await Promise.all([startCaseDns(), startStsServer(STS_POLICIES)]);
});

afterAll(async () => {
  await Promise.all([simulator.stop(), sts.stop()]);
});

describe('email-auth gather when DNS goes silent', () => {
  it('finishes, and evaluate says what could not be checked without failing anything', async () => {
    const good = CASES.find((candidate) => candidate.name === 'good');
    if (!good) throw new Error('the good case is missing');
    const section = recordingConfig(good, sts.port);

    // Every question the full audit of good.example asks, answered once so its names are known…
    const clean = resolverFor(simulator);
    await gather(gatherContext(clean, { profileDir: ARTIFACTS }), section);
    const names = [...new Set(clean.log().map((entry) => entry.name))];
    expect(names.length).toBeGreaterThan(10);

    // …then every one of them dropped.
    simulator.setFaults({ rules: names.map((name) => ({ name, fault: 'drop' as const })) });
    const silent = resolverFor(simulator);
    const artifact = await gather(gatherContext(silent, { profileDir: ARTIFACTS }), section);

    expect(silent.log().length).toBeGreaterThan(0);
    expect(silent.log().filter((entry) => entry.outcome !== 'timeout')).toEqual([]);
    expect(JSON.parse(JSON.stringify(artifact))).toEqual(artifact);

    const verdicts = evaluate(artifact, section, ctx);
    expect(verdicts.filter((verdict) => verdict.status === 'fail')).toEqual([]);
    const errors = verdicts.filter((verdict) => verdict.status === 'error');
    expect([...new Set(errors.map((verdict) => verdict.rule))].sort()).toEqual([...DNS_RULES].sort());
    for (const verdict of errors) expect(verdict.message).toMatch(/^Could not check\b.*(TIMEOUT|temporary DNS error)/);
    // One silent resolver, one cause: the reports group every one of these findings under it.
    expect([...new Set(errors.map((verdict) => verdict.cause))]).toEqual([`dns: resolver ${simulator.address.host}:${simulator.address.port} did not answer`]);
    // Each names the question that went unanswered.
    expect(errors.find((verdict) => verdict.rule === 'dkim-record')?.message).toContain('TXT s1._domainkey.good.example');
    expect(errors.find((verdict) => verdict.rule === 'reverse-dns')?.message).toContain('PTR 10.2.0.192.in-addr.arpa');
    expect(errors.find((verdict) => verdict.rule === 'dmarc-record')?.message).toContain('_dmarc.good.example');
  });
});
