import type { DnsOutcome } from '../../../../src/dns/types.js';
import { describe, expect, it } from 'vitest';
import { type CheckHostResult, type SpfAnalysis, analyzeSpf, checkMailFrom } from '../../../../checks/email-auth/spf/index.js';
import { memoryLookup, zoneFromLines } from './memory-lookup.js';

/**
 * The counting mistakes users report across SPF tools (reference notes §3.4), pinned for both the
 * static audit and check_host(). Each case: a zone, the audited domain, what analyze must report,
 * and optionally what check_host() must return for one client.
 */
interface Trap {
  name: string;
  zone: Record<string, string[] | DnsOutcome>;
  domain?: string;
  analysis: (analysis: SpfAnalysis) => void;
  client?: { ip: string; expect: (result: CheckHostResult) => void };
}

const hosts = (count: number, prefix = 'mx') => Array.from({ length: count }, (_, i) => `MX ${i} ${prefix}${i}.shop.example`);
const addresses = (count: number, prefix = 'mx') =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i}.shop.example`, [`A 192.0.2.${10 + i}`]]));

const traps: Trap[] = [
  {
    name: 'mx fan-out costs 1, however many hosts it looks up',
    zone: { 'shop.example': ['TXT v=spf1 mx -all', ...hosts(8)], ...addresses(8) },
    analysis: ({ tree, totals }) => {
      expect(totals.lookups).toBe(1);
      expect(tree.terms[0]).toMatchObject({ kind: 'mx', lookups: 1, mxHosts: 8 });
      expect(totals.permerrors).toEqual([]);
    },
    client: { ip: '192.0.2.17', expect: (r) => expect(r).toMatchObject({ result: 'pass', mechanism: 'mx', lookups: 1 }) },
  },
  {
    name: 'more than 10 MX hosts is a permerror of that mx, still costing 1',
    zone: { 'shop.example': ['TXT v=spf1 mx -all', ...hosts(11)], ...addresses(11) },
    analysis: ({ tree, totals }) => {
      expect(totals.lookups).toBe(1);
      expect(tree.terms[0]).toMatchObject({ mxHosts: 11 });
      expect(totals.permerrors).toEqual([expect.stringContaining('11 MX hosts')]);
    },
    client: { ip: '192.0.2.10', expect: (r) => expect(r).toMatchObject({ result: 'permerror', lookups: 1 }) },
  },
  {
    name: 'IPv6 client: MX hosts without AAAA are not void lookups',
    zone: { 'shop.example': ['TXT v=spf1 mx -all', ...hosts(4)], ...addresses(4) },
    analysis: ({ totals }) => expect(totals.voidLookups).toBe(0),
    client: { ip: '2001:db8::25', expect: (r) => expect(r).toMatchObject({ result: 'fail', voidLookups: 0 }) },
  },
  {
    name: '"a mx" on a bare domain is 2 void lookups, not 3',
    zone: { 'shop.example': ['TXT v=spf1 a mx -all'] },
    analysis: ({ totals }) => expect(totals).toMatchObject({ lookups: 2, voidLookups: 2, permerrors: [] }),
    client: { ip: '192.0.2.1', expect: (r) => expect(r).toMatchObject({ result: 'fail', voidLookups: 2 }) },
  },
  {
    name: 'void lookups add up through include',
    zone: {
      'shop.example': ['TXT v=spf1 include:esp.example -all'],
      'esp.example': ['TXT v=spf1 a:gone1.esp.example exists:gone2.esp.example ?all'],
      'gone2.esp.example': ['TXT not an address'],
    },
    analysis: ({ tree, totals }) => {
      expect(totals.voidLookups).toBe(2);
      expect(tree.terms[0]?.child?.terms.map((term) => term.voidLookup)).toEqual([true, true, undefined]);
    },
    client: { ip: '192.0.2.1', expect: (r) => expect(r).toMatchObject({ result: 'fail', voidLookups: 2 }) },
  },
  {
    name: 'a third void lookup through redirect is over the limit',
    zone: {
      'shop.example': ['TXT v=spf1 mx:nomx.shop.example redirect=policy.example'],
      'nomx.shop.example': ['A 192.0.2.5'],
      'policy.example': ['TXT v=spf1 a:gone.policy.example exists:gone2.policy.example -all'],
    },
    analysis: ({ totals }) => {
      expect(totals.voidLookups).toBe(3);
      expect(totals.lookups).toBe(4);
      expect(totals.allQualifier).toBe('-');
      expect(totals.permerrors).toContain('3 void lookups (at most 2)');
    },
    client: { ip: '192.0.2.1', expect: (r) => expect(r).toMatchObject({ result: 'permerror', voidLookups: 3 }) },
  },
  {
    name: 'a missing redirect target is a void lookup and a permerror',
    zone: { 'shop.example': ['TXT v=spf1 redirect=gone.example'] },
    analysis: ({ tree, totals }) => {
      expect(tree.terms[0]).toMatchObject({ kind: 'redirect', lookups: 1, voidLookup: true, child: { outcome: 'nxdomain' } });
      expect(totals.voidLookups).toBe(1);
      expect(totals.permerrors).toEqual(['redirect=gone.example: the name does not exist']);
    },
    client: { ip: '192.0.2.1', expect: (r) => expect(r.result).toBe('permerror') },
  },
  {
    name: 'exp= does not count toward the 10',
    zone: {
      'shop.example': ['TXT v=spf1 a:a1.shop.example a:a2.shop.example a:a3.shop.example a:a4.shop.example a:a5.shop.example a:a6.shop.example a:a7.shop.example a:a8.shop.example a:a9.shop.example a:a10.shop.example -all exp=why.shop.example'],
      'why.shop.example': ['TXT %{i} is not one of our senders'],
      ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`a${i + 1}.shop.example`, ['A 198.51.100.1']])),
    },
    analysis: ({ tree, totals }) => {
      expect(totals.lookups).toBe(10);
      expect(tree.terms.at(-1)).toMatchObject({ kind: 'exp', lookups: 0 });
      expect(totals.permerrors).toEqual([]);
    },
    client: { ip: '192.0.2.1', expect: (r) => expect(r).toMatchObject({ result: 'fail', lookups: 10, explanation: '192.0.2.1 is not one of our senders' }) },
  },
  {
    name: 'a SERVFAIL include is "could not check" (temperror), never "missing"',
    zone: { 'shop.example': ['TXT v=spf1 include:esp.example -all'], 'esp.example': 'servfail' },
    analysis: ({ tree, totals }) => {
      expect(totals.dnsErrors).toEqual([{ name: 'esp.example', type: 'TXT', outcome: 'servfail' }]);
      expect(tree.terms[0]).toMatchObject({ voidLookup: false, child: { outcome: 'servfail' } });
      expect(totals.voidLookups).toBe(0);
      expect(totals.permerrors).toEqual([]);
    },
    client: { ip: '192.0.2.1', expect: (r) => expect(r.result).toBe('temperror') },
  },
  {
    name: 'NXDOMAIN at the top: no SPF record (none)',
    zone: {},
    analysis: ({ tree, totals }) => {
      expect(tree.outcome).toBe('nxdomain');
      expect(totals).toMatchObject({ recordCount: 0, dnsErrors: [] });
    },
    client: { ip: '192.0.2.1', expect: (r) => expect(r.result).toBe('none') },
  },
  {
    name: 'SERVFAIL at the top: record count unknown (temperror), not zero',
    zone: { 'shop.example': 'servfail' },
    analysis: ({ tree, totals }) => {
      expect(tree.outcome).toBe('servfail');
      expect(totals.recordCount).toBeNull();
      expect(totals.dnsErrors).toEqual([{ name: 'shop.example', type: 'TXT', outcome: 'servfail' }]);
    },
    client: { ip: '192.0.2.1', expect: (r) => expect(r.result).toBe('temperror') },
  },
  {
    name: 'a timeout at the top is also unknown, not zero',
    zone: { 'shop.example': 'timeout' },
    analysis: ({ tree, totals }) => expect([tree.outcome, totals.recordCount]).toEqual(['timeout', null]),
    client: { ip: '192.0.2.1', expect: (r) => expect(r.result).toBe('temperror') },
  },
  {
    name: 'an include loop is reported without hanging',
    zone: {
      'shop.example': ['TXT v=spf1 include:a.example -all'],
      'a.example': ['TXT v=spf1 include:b.example'],
      'b.example': ['TXT v=spf1 ip4:192.0.2.0/24 include:a.example'],
    },
    analysis: ({ totals }) => {
      expect(totals.loops).toEqual(['a.example → b.example → a.example']);
      expect(totals.lookups).toBe(3);
    },
    client: { ip: '198.51.100.1', expect: (r) => expect(r).toMatchObject({ result: 'permerror', lookups: 11 }) },
  },
  {
    name: 'a redirect to itself is a loop',
    zone: { 'shop.example': ['TXT v=spf1 ip4:192.0.2.1 redirect=shop.example'] },
    analysis: ({ totals }) => expect(totals.loops).toEqual(['shop.example → shop.example']),
    client: { ip: '198.51.100.1', expect: (r) => expect(r.result).toBe('permerror') },
  },
  {
    name: 'an over-limit tree is counted to the end (13), not stopped at 10',
    zone: {
      'shop.example': ['TXT v=spf1 include:esp1.example include:esp2.example include:esp3.example mx a -all', 'MX 10 mx.shop.example', 'A 192.0.2.1'],
      'mx.shop.example': ['A 192.0.2.2'],
      'esp1.example': ['TXT v=spf1 include:_a.esp1.example include:_b.esp1.example ~all'],
      '_a.esp1.example': ['TXT v=spf1 ip4:198.51.100.0/24 ~all'],
      '_b.esp1.example': ['TXT v=spf1 a:out.esp1.example ~all'],
      'out.esp1.example': ['A 198.51.100.200'],
      'esp2.example': ['TXT v=spf1 include:_c.esp2.example ~all', 'MX 5 smtp.esp2.example'],
      '_c.esp2.example': ['TXT v=spf1 mx:esp2.example ~all'],
      'esp3.example': ['TXT v=spf1 a:s1.esp3.example a:s2.esp3.example exists:s3.esp3.example ?all'],
      's1.esp3.example': ['A 203.0.113.1'],
      's2.esp3.example': ['A 203.0.113.2'],
      's3.esp3.example': ['A 127.0.0.2'],
    },
    analysis: ({ totals }) => {
      expect(totals.lookups).toBe(13);
      expect(totals.permerrors).toContain('13 DNS-querying terms (at most 10)');
    },
    client: { ip: '192.0.2.2', expect: (r) => expect(r).toMatchObject({ result: 'permerror', lookups: 11 }) },
  },
  {
    name: 'a macro term costs a lookup but is reported, not guessed',
    zone: { 'shop.example': ['TXT v=spf1 exists:%{i}._spf.shop.example include:%{l1r-}.users.shop.example a:%{d} -all', 'A 192.0.2.1'] },
    analysis: ({ tree, totals }) => {
      expect(totals.macroTerms).toEqual(['exists:%{i}._spf.shop.example', 'include:%{l1r-}.users.shop.example']);
      expect(totals.lookups).toBe(3);
      expect(tree.terms[0]?.note).toContain('%{i}');
      expect(tree.terms[1]?.child).toBeUndefined();
      // %{d} is the domain being read: a static audit can fill it in.
      expect(tree.terms[2]).toMatchObject({ voidLookup: false });
    },
  },
  {
    name: 'ptr costs 1 and is flagged as discouraged',
    zone: { 'shop.example': ['TXT v=spf1 ptr -all'] },
    analysis: ({ tree, totals }) => {
      expect(totals.lookups).toBe(1);
      expect(tree.terms[0]?.note).toContain('discouraged');
    },
  },
  {
    name: 'redirect= next to "all" is never used and costs nothing',
    zone: { 'shop.example': ['TXT v=spf1 redirect=elsewhere.example ~all'] },
    analysis: ({ tree, totals }) => {
      expect(totals).toMatchObject({ lookups: 0, allQualifier: '~' });
      expect(tree.terms[0]?.child).toBeUndefined();
    },
    client: { ip: '192.0.2.1', expect: (r) => expect(r).toMatchObject({ result: 'softfail', lookups: 0 }) },
  },
  {
    name: 'two v=spf1 records are a permerror; other TXT records do not matter',
    zone: { 'shop.example': ['TXT v=spf1 -all', 'TXT v=spf1 include:esp.example ~all', 'TXT site-verification=abc'] },
    analysis: ({ totals }) => {
      expect(totals.recordCount).toBe(2);
      expect(totals.permerrors[0]).toContain('2 v=spf1 records');
    },
    client: { ip: '192.0.2.1', expect: (r) => expect(r.result).toBe('permerror') },
  },
];

describe('SPF counting traps', () => {
  describe.each(traps)('$name', ({ zone, domain = 'shop.example', analysis, client }) => {
    it('analyze', async () => {
      const result = await analyzeSpf(memoryLookup(zoneFromLines(zone)), domain);
      expect(JSON.parse(JSON.stringify(result))).toEqual(result);
      analysis(result);
    });
    if (client) {
      it('check_host', async () => {
        const result = await checkMailFrom(memoryLookup(zoneFromLines(zone)), { ip: client.ip, mailFrom: `bounce@${domain}`, helo: `mail.${domain}` });
        client.expect(result);
      });
    }
  });

  it('does not look up a macro term, and asks each question once', async () => {
    const lookup = memoryLookup(
      zoneFromLines({
        'shop.example': ['TXT v=spf1 exists:%{i}.rbl.example include:esp.example include:esp.example -all'],
        'esp.example': ['TXT v=spf1 a -all', 'A 192.0.2.9'],
      }),
    );
    const { totals } = await analyzeSpf(lookup, 'shop.example');
    // The same include twice costs twice: check_host() would evaluate it twice.
    expect(totals.lookups).toBe(5);
    expect(lookup.asked.some((question) => question.name.includes('rbl'))).toBe(false);
    const keys = lookup.asked.map((question) => `${question.type} ${question.name}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
