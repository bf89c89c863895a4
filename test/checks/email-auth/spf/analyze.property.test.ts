import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SpfTreeNode, analyzeSpf, checkMailFrom } from '../../../../checks/email-auth/spf/index.js';
import type { FakeName, FakeRecord } from './memory-lookup.js';
import { memoryLookup } from './memory-lookup.js';

/**
 * Random small zones whose records point at each other (includes, redirects, loops, diamonds,
 * missing names, DNS failures, macros, garbage): the walk must always finish and say something.
 */
const NAMES = ['n0.test', 'n1.test', 'n2.test', 'n3.test', 'n4.test', 'gone.test'];
const name = fc.constantFrom(...NAMES);

const term = fc.oneof(
  name.map((n) => `include:${n}`),
  name.map((n) => `redirect=${n}`),
  name.map((n) => `a:${n}`),
  name.map((n) => `mx:${n}/24`),
  name.map((n) => `exists:${n}`),
  name.map((n) => `exp=${n}`),
  name.map((n) => `include:%{i}.${n}`),
  fc.constantFrom('a', 'mx', 'ptr', '-all', '~all', '?all', 'ip4:192.0.2.0/24', 'ip6:2001:db8::/32', 'include:%{d}', 'redirect=%{o}', 'foo=bar', 'a:%{d2}'),
  fc.string({ unit: 'binary-ascii', maxLength: 12 }),
);

const record = fc.oneof(
  { weight: 5, arbitrary: fc.array(term, { maxLength: 8 }).map((terms) => ['v=spf1', ...terms].join(' ')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

const fakeName: fc.Arbitrary<FakeName> = fc
  .tuple(
    fc.array(record, { maxLength: 2 }),
    fc.array(fc.constantFrom('192.0.2.1', '198.51.100.7', 'not-an-ip'), { maxLength: 2 }),
    fc.array(name, { maxLength: 12 }),
    fc.constantFrom(undefined, undefined, undefined, 'servfail', 'timeout', 'refused'),
  )
  .map(([txts, addresses, exchanges, fail]) => {
    const records: FakeRecord[] = [
      ...txts.map((value): FakeRecord => ({ type: 'TXT', value })),
      ...addresses.map((value): FakeRecord => ({ type: 'A', value })),
      ...exchanges.map((exchange, preference): FakeRecord => ({ type: 'MX', value: { preference, exchange } })),
    ];
    return fail === undefined ? { records } : { records, fail };
  });

const zone = fc.tuple(...NAMES.slice(0, 5).map(() => fakeName)).map((entries) => Object.fromEntries(entries.map((entry, i) => [NAMES[i] ?? '', entry])));

const sumLookups = (node: SpfTreeNode): number => node.terms.reduce((total, t) => total + t.lookups + (t.child ? sumLookups(t.child) : 0), 0);
const sumVoids = (node: SpfTreeNode): number => node.terms.reduce((total, t) => total + (t.voidLookup ? 1 : 0) + (t.child ? sumVoids(t.child) : 0), 0);

describe('analyzeSpf and checkHost on random zones', () => {
  it('analyze always finishes with a JSON-serialisable, self-consistent tree', async () => {
    await fc.assert(
      fc.asyncProperty(zone, async (z) => {
        const analysis = await analyzeSpf(memoryLookup(z), 'n0.test');
        expect(JSON.parse(JSON.stringify(analysis))).toEqual(analysis);
        expect(analysis.totals.lookups).toBe(sumLookups(analysis.tree));
        // The total is the tree's void terms, each counted once: what the evidence shows adds up.
        expect(analysis.totals.voidLookups).toBe(sumVoids(analysis.tree));
      }),
      { numRuns: 300 },
    );
  });

  it('analyze stops at its record budget instead of growing without end', async () => {
    // Every name includes every other twice: a diamond that doubles at each level.
    const names = Array.from({ length: 12 }, (_, i) => `d${i}.test`);
    const z = Object.fromEntries(
      names.map((n, i) => [n, { records: [{ type: 'TXT' as const, value: `v=spf1 ${names.slice(i + 1).flatMap((m) => [`include:${m}`, `include:${m}`]).join(' ')} -all` }] }]),
    );
    const analysis = await analyzeSpf(memoryLookup(z), 'd0.test', { maxRecords: 50 });
    expect(analysis.totals.truncated).toBe(true);
    expect(analysis.totals.lookups).toBeGreaterThan(10);
  });

  it('check_host always returns one of the seven results within the limits', async () => {
    await fc.assert(
      fc.asyncProperty(zone, fc.oneof(fc.ipV4(), fc.ipV6()), async (z, ip) => {
        const result = await checkMailFrom(memoryLookup(z), { ip, mailFrom: 'someone@n0.test', helo: 'mail.n1.test' });
        expect(['pass', 'fail', 'softfail', 'neutral', 'none', 'permerror', 'temperror']).toContain(result.result);
        expect(result.lookups).toBeLessThanOrEqual(11);
        expect(result.voidLookups).toBeLessThanOrEqual(3);
      }),
      { numRuns: 300 },
    );
  });
});
