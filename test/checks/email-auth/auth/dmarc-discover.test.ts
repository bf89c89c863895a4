import { describe, expect, it } from 'vitest';
import { discoverDmarc } from '../../../../checks/email-auth/dmarc/discover.js';
import { findOrganizationalDomain, treeWalkDomains, WALK_QUERY_BUDGET } from '../../../../checks/email-auth/dmarc/tree-walk.js';
import { fakeLookup, type Zone } from './fake-lookup.js';

const dmarcNames = (names: string[]): string[] => names.map((name) => `_dmarc.${name}`);

describe('treeWalkDomains (RFC 9989 §4.10)', () => {
  it.each([
    ['shop.example', ['shop.example', 'example']],
    ['a.b.c.d.e.f.example.com', ['a.b.c.d.e.f.example.com', 'b.c.d.e.f.example.com', 'c.d.e.f.example.com', 'd.e.f.example.com', 'e.f.example.com', 'f.example.com', 'example.com', 'com']],
    ['x.a.b.c.d.e.f.example.com', ['x.a.b.c.d.e.f.example.com', 'b.c.d.e.f.example.com', 'c.d.e.f.example.com', 'd.e.f.example.com', 'e.f.example.com', 'f.example.com', 'example.com', 'com']],
    ['com', ['com']],
    ['', []],
  ])('walks %s', (domain, expected) => {
    expect(treeWalkDomains(domain)).toEqual(expected);
  });

  it('never exceeds the eight-query budget, however long the name', () => {
    for (let labels = 1; labels <= 30; labels += 1) {
      const names = treeWalkDomains(Array.from({ length: labels }, (_, at) => `l${at}`).join('.'));
      expect(names.length).toBe(Math.min(labels, WALK_QUERY_BUDGET));
      expect(names.at(-1)).toBe(`l${labels - 1}`);
    }
  });
});

describe('findOrganizationalDomain (RFC 9989 §4.10.2)', () => {
  it.each<[string, Zone, string, Record<string, unknown>]>([
    ['the record with the fewest labels', { '_dmarc.b.example.com': ['v=DMARC1; p=none'], '_dmarc.example.com': ['v=DMARC1; p=reject'] }, 'a.b.example.com', { domain: 'example.com', rule: 'fewest-labels' }],
    ['an intermediate psd=n record', { '_dmarc.b.example.com': ['v=DMARC1; p=reject; psd=n'], '_dmarc.example.com': ['v=DMARC1; p=none'] }, 'a.b.example.com', { domain: 'b.example.com', rule: 'psd=n' }],
    ['one label below a psd=y record', { '_dmarc.bank.example': ['v=DMARC1; p=reject; psd=y'] }, 'mail.giant.bank.example', { domain: 'giant.bank.example', rule: 'below-psd=y', psdDomain: 'bank.example' }],
    ['below a TLD that says psd=y', { '_dmarc.example': ['v=DMARC1; p=reject; psd=y'] }, 'news.shop.example', { domain: 'shop.example', rule: 'below-psd=y', psdDomain: 'example' }],
    ['itself, when a PSD sends as itself', { '_dmarc.bank.example': ['v=DMARC1; p=reject; psd=y'] }, 'bank.example', { domain: 'bank.example', rule: 'fewest-labels' }],
    ['itself, when nothing is published', {}, 'mail.shop.example', { domain: 'mail.shop.example', rule: 'no-record' }],
    ['itself, when only it publishes (the PSL would say shop.example)', { '_dmarc.mail.shop.example': ['v=DMARC1; p=reject'] }, 'mail.shop.example', { domain: 'mail.shop.example', rule: 'fewest-labels' }],
    ['past a name with two records, which counts as none', { '_dmarc.b.example.com': ['v=DMARC1; p=reject; psd=n', 'v=DMARC1; p=none'], '_dmarc.example.com': ['v=DMARC1; p=quarantine'] }, 'a.b.example.com', { domain: 'example.com', rule: 'fewest-labels' }],
  ])('is %s', async (_name, zone, domain, expected) => {
    const { organizationalDomain } = await findOrganizationalDomain(fakeLookup(zone), domain);
    expect(organizationalDomain).toEqual({ status: 'found', ...expected });
  });

  it('stops at the first psd tag: the names above are never asked', async () => {
    const lookup = fakeLookup({ '_dmarc.mail.shop.example': ['v=DMARC1; p=reject; psd=n'] });
    await findOrganizationalDomain(lookup, 'mail.shop.example');
    expect(lookup.calls).toEqual(['_dmarc.mail.shop.example']);
  });

  it('walks a long name in the exact RFC 9989 sequence, within budget', async () => {
    const lookup = fakeLookup({ '_dmarc.example.com': ['v=DMARC1; p=none'] });
    const { organizationalDomain } = await findOrganizationalDomain(lookup, 'a.b.c.d.e.f.g.h.i.j.k.example.com');
    expect(lookup.calls).toEqual(dmarcNames(['a.b.c.d.e.f.g.h.i.j.k.example.com', 'g.h.i.j.k.example.com', 'h.i.j.k.example.com', 'i.j.k.example.com', 'j.k.example.com', 'k.example.com', 'example.com', 'com']));
    expect(organizationalDomain).toMatchObject({ domain: 'example.com' });
  });

  it.each(['servfail', 'timeout', 'refused', 'error'] as const)('reports a %s as a DNS failure, not as "no record"', async (outcome) => {
    const lookup = fakeLookup({ '_dmarc.shop.example': outcome, '_dmarc.example': ['v=DMARC1; p=reject; psd=y'] });
    const { walk, organizationalDomain } = await findOrganizationalDomain(lookup, 'mail.shop.example');
    expect(organizationalDomain).toEqual({ status: 'dns-error', name: '_dmarc.shop.example', outcome, error: `${outcome} for _dmarc.shop.example` });
    // Guessing past the failure could land on the wrong organization, so the walk stops there.
    expect(lookup.calls).toEqual(dmarcNames(['mail.shop.example', 'shop.example']));
    expect(walk.failure?.name).toBe('_dmarc.shop.example');
  });

  it('does not ask for a name that cannot exist', async () => {
    const lookup = fakeLookup({ '_dmarc.example.com': ['v=DMARC1; p=reject'] });
    const { walk } = await findOrganizationalDomain(lookup, `${'a'.repeat(64)}.example.com`);
    expect(lookup.calls).toEqual(dmarcNames(['example.com', 'com']));
    expect(walk.steps[0]).toMatchObject({ queried: false, outcome: 'nxdomain' });
  });
});

describe('discoverDmarc: RFC 9989 policy', () => {
  it.each<[string, Zone, string, Record<string, unknown>]>([
    ['the From domain\'s own record (p)', { '_dmarc.shop.example': ['v=DMARC1; p=reject'] }, 'shop.example', { source: 'author', domain: 'shop.example', tagApplied: 'p', policy: 'reject' }],
    ['the organizational record (sp, np)', { '_dmarc.shop.example': ['v=DMARC1; p=none; sp=quarantine; np=reject'] }, 'mail.shop.example', { source: 'organizational', domain: 'shop.example', tagApplied: 'sp', policy: 'quarantine', nonExistentDomainPolicy: 'reject' }],
    ['the record with the fewest labels, not an intermediate one', { '_dmarc.b.example.com': ['v=DMARC1; p=none'], '_dmarc.example.com': ['v=DMARC1; p=reject'] }, 'a.b.example.com', { source: 'organizational', domain: 'example.com', policy: 'reject' }],
    ['the psd=n record that ends the walk', { '_dmarc.b.example.com': ['v=DMARC1; p=reject; psd=n'], '_dmarc.example.com': ['v=DMARC1; p=none'] }, 'a.b.example.com', { domain: 'b.example.com', policy: 'reject' }],
    ['the organization\'s record below a PSD', { '_dmarc.bank.example': ['v=DMARC1; p=reject; psd=y'], '_dmarc.giant.bank.example': ['v=DMARC1; p=quarantine'] }, 'mail.giant.bank.example', { source: 'organizational', domain: 'giant.bank.example', policy: 'quarantine' }],
    ['the PSD record when the organization publishes none', { '_dmarc.bank.example': ['v=DMARC1; p=reject; sp=quarantine; psd=y'] }, 'mail.giant.bank.example', { source: 'psd', domain: 'bank.example', tagApplied: 'sp', policy: 'quarantine' }],
    ['a TLD\'s psd=y record', { '_dmarc.example': ['v=DMARC1; p=reject; psd=y'] }, 'shop.example', { source: 'psd', domain: 'example', policy: 'reject' }],
    ['the organizational record when the From domain has two', { '_dmarc.mail.shop.example': ['v=DMARC1; p=reject', 'v=DMARC1; p=none'], '_dmarc.shop.example': ['v=DMARC1; p=none; sp=quarantine'] }, 'mail.shop.example', { source: 'organizational', domain: 'shop.example', policy: 'quarantine' }],
  ])('is %s', async (_name, zone, from, expected) => {
    const { rfc9989 } = await discoverDmarc(fakeLookup(zone), from);
    expect(rfc9989.policy).toMatchObject({ status: 'found', ...expected });
  });

  it('finds no policy when nothing is published, after walking to the root', async () => {
    const lookup = fakeLookup({ '_dmarc.shop.example': ['google-site-verification=abc'] });
    const discovery = await discoverDmarc(lookup, 'Mail.Shop.Example.');
    expect(discovery.domain).toBe('mail.shop.example');
    expect(discovery.rfc9989.policy).toEqual({ status: 'none' });
    expect(discovery.rfc9989.walk.steps[1]).toMatchObject({ ignored: ['google-site-verification=abc'], records: [] });
    expect(lookup.calls).toEqual(dmarcNames(['mail.shop.example', 'shop.example', 'example']));
  });

  it('keeps the From domain\'s policy when the walk above it fails, but not the organizational domain', async () => {
    const lookup = fakeLookup({ '_dmarc.shop.example': ['v=DMARC1; p=reject'], '_dmarc.example': 'servfail' });
    const { rfc9989 } = await discoverDmarc(lookup, 'shop.example');
    expect(rfc9989.policy).toMatchObject({ status: 'found', source: 'author', policy: 'reject' });
    expect(rfc9989.organizationalDomain).toMatchObject({ status: 'dns-error', name: '_dmarc.example' });
  });

  it('reports a failed From-domain query as a DNS error in both views', async () => {
    const discovery = await discoverDmarc(fakeLookup({ '_dmarc.mail.shop.example': 'timeout', '_dmarc.shop.example': ['v=DMARC1; p=reject'] }), 'mail.shop.example');
    expect(discovery.rfc9989.policy).toMatchObject({ status: 'dns-error', outcome: 'timeout', name: '_dmarc.mail.shop.example' });
    expect(discovery.rfc7489.policy).toMatchObject({ status: 'dns-error', outcome: 'timeout' });
  });

  it("finds no record when the From domain's own name is NXDOMAIN, keeping the failure further up the walk", async () => {
    const discovery = await discoverDmarc(fakeLookup({ '_dmarc.shop.example': 'servfail' }), 'mail.shop.example');
    expect(discovery.rfc9989.policy).toMatchObject({ status: 'none', unfinishedWalk: { name: '_dmarc.shop.example', outcome: 'servfail' } });
  });

  it("finds no record when the From domain's own name answers NODATA, too", async () => {
    const discovery = await discoverDmarc(fakeLookup({ '_dmarc.mail.shop.example': [], '_dmarc.shop.example': 'refused' }), 'mail.shop.example');
    expect(discovery.rfc9989.policy).toMatchObject({ status: 'none', unfinishedWalk: { name: '_dmarc.shop.example', outcome: 'refused' } });
  });

  it("cannot say when the From domain's own name fails", async () => {
    const discovery = await discoverDmarc(fakeLookup({ '_dmarc.mail.shop.example': 'timeout' }), 'mail.shop.example');
    expect(discovery.rfc9989.policy).toMatchObject({ status: 'dns-error', name: '_dmarc.mail.shop.example', outcome: 'timeout' });
  });
});

describe('discoverDmarc: RFC 7489 view and problems', () => {
  it('uses the Public Suffix List, so a multi-label suffix is handled', async () => {
    const lookup = fakeLookup({ '_dmarc.shop.co.uk': ['v=DMARC1; p=reject; sp=none'] });
    const { rfc7489, rfc9989 } = await discoverDmarc(lookup, 'mail.shop.co.uk');
    expect(rfc7489.organizationalDomain).toBe('shop.co.uk');
    expect(rfc7489.policy).toMatchObject({ status: 'found', source: 'organizational', domain: 'shop.co.uk', tagApplied: 'sp', policy: 'none' });
    expect(rfc9989.organizationalDomain).toMatchObject({ domain: 'shop.co.uk' });
    // The RFC 7489 view reuses the walk's answers: each name is asked once.
    expect(lookup.calls).toEqual(dmarcNames(['mail.shop.co.uk', 'shop.co.uk', 'co.uk', 'uk']));
  });

  it('shows where the two views disagree: a PSD policy an older receiver never sees', async () => {
    const { rfc7489, rfc9989 } = await discoverDmarc(fakeLookup({ '_dmarc.example': ['v=DMARC1; p=reject; psd=y'] }), 'news.shop.example');
    expect(rfc9989.policy).toMatchObject({ status: 'found', source: 'psd' });
    expect(rfc7489.policy).toEqual({ status: 'none' });
  });

  it('asks the PSL organizational domain itself when the walk skipped it', async () => {
    const lookup = fakeLookup({ '_dmarc.b.shop.example': ['v=DMARC1; p=none; psd=n'], '_dmarc.shop.example': ['v=DMARC1; p=reject'] });
    const { rfc7489, rfc9989 } = await discoverDmarc(lookup, 'a.b.shop.example');
    expect(rfc9989.policy).toMatchObject({ domain: 'b.shop.example', policy: 'none' });
    expect(rfc7489.policy).toMatchObject({ domain: 'shop.example', policy: 'reject' });
    expect(lookup.calls).toEqual(dmarcNames(['a.b.shop.example', 'b.shop.example', 'shop.example']));
  });

  it('ends RFC 7489 discovery at multiple records, and flags them once', async () => {
    const discovery = await discoverDmarc(fakeLookup({ '_dmarc.shop.example': ['v=DMARC1; p=reject', 'v=DMARC1; p=none'] }), 'shop.example');
    expect(discovery.rfc7489.policy).toEqual({ status: 'multiple-records', domain: 'shop.example' });
    expect(discovery.rfc9989.policy).toEqual({ status: 'none' });
    expect(discovery.problems).toEqual([{ code: 'multiple-records', name: '_dmarc.shop.example', message: expect.stringMatching(/^multiple records: .* 2 v=DMARC1 records/) }]);
  });

  it('flags a broken attempt at a record that receivers ignore', async () => {
    const discovery = await discoverDmarc(fakeLookup({ '_dmarc.shop.example': [' v=DMARC1; p=reject', 'v=spf1 -all'] }), 'shop.example');
    expect(discovery.rfc9989.policy).toEqual({ status: 'none' });
    expect(discovery.problems).toEqual([expect.objectContaining({ code: 'near-miss', message: expect.stringMatching(/starts with whitespace/) })]);
  });

  it('carries the parse of an invalid record, with its errors', async () => {
    const { rfc9989 } = await discoverDmarc(fakeLookup({ '_dmarc.shop.example': ['v=DMARC1; p=block; rua=mailto:d@shop.example'] }), 'shop.example');
    expect(rfc9989.policy).toMatchObject({ status: 'found', policy: 'none', parsed: { ok: false, errors: [expect.objectContaining({ tag: 'p' })] } });
  });
});
