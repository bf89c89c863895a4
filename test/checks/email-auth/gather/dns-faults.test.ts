import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { EmailAuthArtifact } from '../../../../checks/email-auth/artifact.js';
import { config } from '../../../../checks/email-auth/config.js';
import { gather } from '../../../../checks/email-auth/gather.js';
import type { Resolver } from '../../../../src/dns/index.js';
import type { DnsSimulator, FaultRule } from '../../../../src/simulators/dns/index.js';
import { TEST_DNS_TIMEOUT_MS, gatherContext, resolverFor, startCaseDns } from './simulated.js';

/**
 * The real gather, a real resolver and the simulator serving fixtures/zones/cases, with one fault
 * switched on at a time: the artifact (not the findings) must keep what happened to each question.
 */

let simulator: DnsSimulator;

beforeAll(async () => {
  simulator = await startCaseDns();
});

afterEach(() => {
  simulator.clearFaults();
  simulator.counter.reset();
});

afterAll(async () => {
  await simulator.stop();
});

type Domains = z.input<typeof config>['domains'];

/** Gathers the given domains with the faults on; the artifact must also survive JSON unchanged. */
const gatherWith = async (domains: Domains, rules: FaultRule[] = []): Promise<{ artifact: EmailAuthArtifact; dns: Resolver }> => {
  simulator.setFaults({ rules });
  const dns = resolverFor(simulator);
  const artifact = await gather(gatherContext(dns), config.parse({ domains }));
  expect(JSON.parse(JSON.stringify(artifact))).toEqual(artifact);
  return { artifact, dns };
};

const first = (artifact: EmailAuthArtifact, index = 0) => {
  const domain = artifact.domains[index];
  if (!domain) throw new Error(`no domain ${index} in the artifact`);
  return domain;
};

describe('email-auth gather against the DNS simulator', () => {
  it('keeps SERVFAIL and NXDOMAIN distinct behind the same include', async () => {
    const { artifact } = await gatherWith(
      [
        { from: 'spf-servfail-include.example', sendingIps: ['192.0.2.50'] },
        { from: 'spf-nxdomain-include.example', sendingIps: ['192.0.2.51'] },
      ],
      [{ name: '_spf.spf-servfail-include.example', type: 'TXT', fault: 'servfail' }],
    );
    const servfail = first(artifact, 0);
    const nxdomain = first(artifact, 1);

    expect(servfail.spf.tree.terms[1]).toMatchObject({ term: 'include:_spf.spf-servfail-include.example', child: { outcome: 'servfail' } });
    expect(servfail.spf.tree.terms[1]?.voidLookup).toBe(false);
    expect(servfail.spf.totals).toMatchObject({ voidLookups: 0, permerrors: [], dnsErrors: [{ name: '_spf.spf-servfail-include.example', type: 'TXT', outcome: 'servfail' }] });
    expect(servfail.spfChecks[0]?.result.result).toBe('temperror');

    expect(nxdomain.spf.tree.terms[1]).toMatchObject({ term: 'include:_spf.spf-nxdomain-include.example', voidLookup: true, child: { outcome: 'nxdomain' } });
    expect(nxdomain.spf.totals).toMatchObject({ voidLookups: 1, dnsErrors: [] });
    expect(nxdomain.spf.totals.permerrors).toEqual([expect.stringContaining('does not exist')]);
    expect(nxdomain.spfChecks[0]?.result.result).toBe('permerror');
  });

  it('keeps SERVFAIL and NXDOMAIN distinct for DKIM keys and DMARC', async () => {
    const { artifact } = await gatherWith(
      [
        { from: 'dkim-1024.example', dkim: [{ selector: 's1' }, { selector: 'gone' }, { selector: 'broken' }] },
        { from: 'dmarc-missing.example' },
      ],
      [
        { name: 'broken._domainkey.dkim-1024.example', fault: 'servfail' },
        { name: '_dmarc.dkim-1024.example', type: 'TXT', fault: 'servfail' },
      ],
    );
    expect(first(artifact, 0).dkim.map((seen) => [seen.selector, seen.answer.outcome])).toEqual([
      ['s1', 'answer'],
      ['gone', 'nxdomain'],
      ['broken', 'servfail'],
    ]);
    expect(first(artifact, 0).dmarc.rfc9989.policy).toMatchObject({ status: 'dns-error', name: '_dmarc.dkim-1024.example', outcome: 'servfail' });
    // NXDOMAIN walks on up the tree (to _dmarc.example) and ends with no policy.
    expect(first(artifact, 1).dmarc.rfc9989.policy).toEqual({ status: 'none' });
    expect(first(artifact, 1).dmarc.rfc9989.walk.steps.map((step) => [step.name, step.outcome])).toEqual([
      ['_dmarc.dmarc-missing.example', 'nxdomain'],
      ['_dmarc.example', 'nxdomain'],
    ]);
  });

  it("records a dropped answer as 'timeout'", async () => {
    const { artifact, dns } = await gatherWith([{ from: 'dkim-1024.example', dkim: [{ selector: 's1' }] }], [{ name: 's1._domainkey.dkim-1024.example', type: 'TXT', fault: 'drop' }]);
    expect(first(artifact).dkim[0]?.answer).toMatchObject({ outcome: 'timeout', records: [], error: expect.stringContaining(`did not answer within ${TEST_DNS_TIMEOUT_MS} ms`) });
    expect(first(artifact).mx[0]?.answer.outcome).toBe('answer');
    expect(dns.log().filter((entry) => entry.outcome === 'timeout').map((entry) => `${entry.type} ${entry.name}`)).toEqual(['TXT s1._domainkey.dkim-1024.example']);
  });

  it('retries a truncated answer over TCP and still gets the record', async () => {
    const { artifact, dns } = await gatherWith([{ from: 'dkim-1024.example', dkim: [{ selector: 's1' }] }], [{ name: 's1._domainkey.dkim-1024.example', type: 'TXT', fault: 'truncate' }]);
    expect(first(artifact).dkim[0]?.answer).toMatchObject({ outcome: 'answer', records: [expect.stringMatching(/^v=DKIM1; k=rsa; p=MIGf/)] });
    expect(simulator.counter.count({ name: 's1._domainkey.dkim-1024.example', transport: 'udp' })).toBe(1);
    expect(simulator.counter.count({ name: 's1._domainkey.dkim-1024.example', transport: 'tcp' })).toBe(1);
    expect(dns.log().find((entry) => entry.name === 's1._domainkey.dkim-1024.example')).toMatchObject({ transport: 'tcp', attempts: 2 });
  });

  it('ignores an answer under the wrong id and takes the real one', async () => {
    const { artifact } = await gatherWith([{ from: 'dkim-1024.example', dkim: [{ selector: 's1' }] }], [{ name: 'dkim-1024.example', type: 'TXT', fault: 'wrongId' }]);
    expect(first(artifact).spf.tree).toMatchObject({ outcome: 'found', record: 'v=spf1 ip4:192.0.2.10 -all' });
    expect(simulator.counter.count({ name: 'dkim-1024.example', type: 'TXT' })).toBe(1);
  });

  it('never takes a forged answer for the real one: with only the wrong id, the question times out', async () => {
    const { artifact } = await gatherWith([{ from: 'dkim-1024.example', dkim: [{ selector: 's1' }] }], [{ name: 'dkim-1024.example', type: 'TXT', fault: 'wrongId', alsoAnswer: false }]);
    expect(first(artifact).spf.tree.outcome).toBe('timeout');
    expect(first(artifact).spf.totals.dnsErrors).toEqual([{ name: 'dkim-1024.example', type: 'TXT', outcome: 'timeout' }]);
  });

  it('handles a TXT answer of about 64 KB, which only TCP carries whole', async () => {
    const { artifact, dns } = await gatherWith([{ from: 'big-txt.example', sendingIps: ['192.0.2.10'] }]);
    expect(first(artifact).spf.tree).toMatchObject({ outcome: 'found', record: 'v=spf1 ip4:192.0.2.10 -all' });
    expect(first(artifact).spfChecks[0]?.result.result).toBe('pass');
    expect(dns.log().find((entry) => entry.name === 'big-txt.example' && entry.type === 'TXT')).toMatchObject({ outcome: 'answer', transport: 'tcp' });
    // The same (cached) answer: 57 KB of text, about 63.5 KB on the wire with the owner names and headers.
    const answer = await dns.query('big-txt.example', 'TXT');
    expect(answer.records).toHaveLength(231);
    expect(answer.records.reduce((bytes, record) => bytes + String(record.value).length, 0)).toBeGreaterThan(57_000);
  });

  it('ends an include loop, asking each name once', async () => {
    const { artifact } = await gatherWith([{ from: 'spf-include-loop.example', sendingIps: ['192.0.2.10'] }]);
    const { totals } = first(artifact).spf;
    expect(totals.loops).toEqual(['_a.spf-include-loop.example → _b.spf-include-loop.example → _a.spf-include-loop.example']);
    expect(totals.permerrors).toEqual([expect.stringContaining('loop')]);
    expect(first(artifact).spfChecks[0]?.result.result).toBe('permerror');
    expect(simulator.counter.count({ name: '_a.spf-include-loop.example', type: 'TXT' })).toBe(1);
    expect(simulator.counter.count({ name: '_b.spf-include-loop.example', type: 'TXT' })).toBe(1);
  });
});
