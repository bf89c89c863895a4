import { describe, expect, it } from 'vitest';
import { checkAlignment } from '../../../../checks/email-auth/dmarc/alignment.js';
import { parseDmarcRecord, type DmarcRecord } from '../../../../checks/email-auth/dmarc/parse.js';
import { checkReportDestinations } from '../../../../checks/email-auth/dmarc/report-auth.js';
import { decidedDomain, findOrganizationalDomain } from '../../../../checks/email-auth/dmarc/tree-walk.js';
import { orgDomainOfFrom } from '../../../../checks/email-auth/domains.js';
import { fakeLookup } from './fake-lookup.js';

const record = (text: string): DmarcRecord => {
  const parsed = parseDmarcRecord(text);
  if (parsed.record === undefined) throw new Error('not a DMARC record');
  return parsed.record;
};

describe('checkReportDestinations (RFC 9990 external destinations)', () => {
  it.each([
    ['an explicit authorisation record', { 'shop.example._report._dmarc.reports.example': ['v=DMARC1'] }, 'authorised'],
    ['a wildcard authorisation record', { '*._report._dmarc.reports.example': ['v=DMARC1;'] }, 'authorised'],
    ['an authorisation record among other TXT', { 'shop.example._report._dmarc.reports.example': ['verification=1', 'v=DMARC1; rua=mailto:x@reports.example'] }, 'authorised'],
    ['no record', {}, 'not-authorised'],
    ['only unrelated TXT', { 'shop.example._report._dmarc.reports.example': ['v=spf1 -all'] }, 'not-authorised'],
    ['NODATA', { 'shop.example._report._dmarc.reports.example': [] }, 'not-authorised'],
    ['a SERVFAIL', { 'shop.example._report._dmarc.reports.example': 'servfail' }, 'could-not-check'],
    ['a timeout', { 'shop.example._report._dmarc.reports.example': 'timeout' }, 'could-not-check'],
  ] as const)('an external address with %s is %s', async (_name, zone, status) => {
    const [destination] = await checkReportDestinations(fakeLookup(zone), 'shop.example', record('v=DMARC1; p=none; rua=mailto:agg@reports.example'));
    expect(destination).toMatchObject({ tag: 'rua', address: 'agg@reports.example', domain: 'reports.example', status, queried: 'shop.example._report._dmarc.reports.example' });
  });

  it('keeps the DNS error text for a destination it could not check', async () => {
    const [destination] = await checkReportDestinations(fakeLookup({ 'shop.example._report._dmarc.reports.example': 'refused' }), 'shop.example', record('v=DMARC1; ruf=mailto:f@reports.example'));
    expect(destination).toMatchObject({ tag: 'ruf', status: 'could-not-check', outcome: 'refused', error: 'refused for shop.example._report._dmarc.reports.example' });
  });

  it('does not ask about addresses in the same organization, even on another subdomain', async () => {
    const lookup = fakeLookup({});
    const destinations = await checkReportDestinations(lookup, 'shop.co.uk', record('v=DMARC1; p=none; rua=mailto:a@shop.co.uk,mailto:b@dmarc.shop.co.uk'));
    expect(destinations.map((destination) => destination.status)).toEqual(['internal', 'internal']);
    expect(lookup.calls).toEqual([]);
  });

  it('treats another registrant under the same public suffix as external', async () => {
    const lookup = fakeLookup({});
    const [destination] = await checkReportDestinations(lookup, 'shop.co.uk', record('v=DMARC1; rua=mailto:a@agency.co.uk'));
    expect(destination?.status).toBe('not-authorised');
    expect(lookup.calls).toEqual(['shop.co.uk._report._dmarc.agency.co.uk']);
  });

  it('asks once per destination domain, skips non-mailto URIs and keeps rua/ruf apart', async () => {
    const lookup = fakeLookup({ 'shop.example._report._dmarc.reports.example': ['v=DMARC1'] });
    const destinations = await checkReportDestinations(lookup, 'Shop.Example.', record('v=DMARC1; rua=mailto:a@reports.example,https://r.example/x; ruf=mailto:f@reports.example'));
    expect(destinations.map(({ tag, address, status }) => ({ tag, address, status }))).toEqual([
      { tag: 'rua', address: 'a@reports.example', status: 'authorised' },
      { tag: 'ruf', address: 'f@reports.example', status: 'authorised' },
    ]);
    expect(lookup.calls).toEqual(['shop.example._report._dmarc.reports.example']);
  });

  it('asks when an organizational domain is unknown, rather than assume it is internal', async () => {
    const lookup = fakeLookup({});
    const orgDomainOf = orgDomainOfFrom([{ domain: 'shop.example', organizationalDomain: 'shop.example' }]);
    const [destination] = await checkReportDestinations(lookup, 'shop.example', record('v=DMARC1; rua=mailto:a@mail.shop.example'), { orgDomainOf });
    expect(destination?.status).toBe('not-authorised');
  });
});

describe('checkAlignment', () => {
  it.each([
    ['relaxed: a subdomain of the same organization', 'shop.example', 'bounce.shop.example', 'r', true],
    ['relaxed: a different organization', 'shop.example', 'esp.example', 'r', false],
    ['relaxed: below a multi-label public suffix', 'mail.shop.co.uk', 'bounces.shop.co.uk', 'r', true],
    ['relaxed: the public suffix itself is not the organization', 'mail.shop.co.uk', 'co.uk', 'r', false],
    ['relaxed: two registrants under co.uk', 'shop.co.uk', 'agency.co.uk', 'r', false],
    ['strict: the exact name', 'shop.example', 'SHOP.example.', 's', true],
    ['strict: a subdomain does not align', 'shop.example', 'bounce.shop.example', 's', false],
    ['strict: under co.uk', 'mail.shop.co.uk', 'shop.co.uk', 's', false],
  ] as const)('SPF %s', (_name, from, mailFrom, aspf, aligned) => {
    expect(checkAlignment({ from, spf: { domain: mailFrom, passes: true }, aspf }).spf).toMatchObject({ aligned, mode: aspf });
  });

  it('reports the organizational domains it compared', () => {
    expect(checkAlignment({ from: 'mail.shop.co.uk', spf: { domain: 'co.uk', passes: true } }).spf).toEqual({
      domain: 'co.uk',
      mode: 'r',
      passes: true,
      aligned: false,
      fromOrg: 'shop.co.uk',
      otherOrg: 'co.uk',
    });
  });

  it('judges each DKIM signature with adkim', () => {
    const result = checkAlignment({
      from: 'news.shop.example',
      adkim: 's',
      dkim: [
        { domain: 'shop.example', passes: true },
        { domain: 'news.shop.example', passes: false },
        { domain: 'esp.example', passes: true },
      ],
    });
    expect(result.dkim.map(({ domain, aligned, mode }) => ({ domain, aligned, mode }))).toEqual([
      { domain: 'shop.example', aligned: false, mode: 's' },
      { domain: 'news.shop.example', aligned: true, mode: 's' },
      { domain: 'esp.example', aligned: false, mode: 's' },
    ]);
    expect(result.dmarcPassesVia).toBe('neither');
  });

  it.each([
    ['both', { domain: 'bounce.shop.example', passes: true }, [{ domain: 'shop.example', passes: true }]],
    ['spf', { domain: 'bounce.shop.example', passes: true }, [{ domain: 'esp.example', passes: true }]],
    ['dkim', { domain: 'esp.example', passes: true }, [{ domain: 'esp.example', passes: true }, { domain: 'shop.example', passes: true }]],
    ['neither', { domain: 'bounce.shop.example', passes: false }, [{ domain: 'shop.example', passes: false }]],
  ] as const)('DMARC passes via %s', (via, spf, dkim) => {
    expect(checkAlignment({ from: 'shop.example', spf, dkim: [...dkim] }).dmarcPassesVia).toBe(via);
  });

  it('uses RFC 9989 organizational domains when given them, and says when one is unknown', () => {
    // mail.shop.example publishes its own record and nothing is above it: it is its own organization.
    const orgDomainOf = orgDomainOfFrom([
      { domain: 'mail.shop.example', organizationalDomain: 'mail.shop.example' },
      { domain: 'shop.example', organizationalDomain: 'shop.example' },
      { domain: 'bounce.mail.shop.example', organizationalDomain: undefined },
    ]);
    const result = checkAlignment(
      { from: 'mail.shop.example', dkim: [{ domain: 'shop.example', passes: true }], spf: { domain: 'bounce.mail.shop.example', passes: true } },
      orgDomainOf,
    );
    expect(result.dkim[0]).toMatchObject({ aligned: false, fromOrg: 'mail.shop.example', otherOrg: 'shop.example' });
    expect(result.spf).toMatchObject({ aligned: undefined, otherOrg: undefined });
    expect(result.dmarcPassesVia).toBe('unknown');
  });

  it('aligns by tree-walk results gathered through a Lookup', async () => {
    const lookup = fakeLookup({ '_dmarc.bank.example': ['v=DMARC1; p=reject; psd=y'], '_dmarc.shop.example': 'servfail' });
    const domains = ['mail.giant.bank.example', 'bounce.giant.bank.example', 'mega.bank.example', 'news.shop.example'];
    const known = await Promise.all(
      domains.map(async (domain) => ({ domain, organizationalDomain: decidedDomain((await findOrganizationalDomain(lookup, domain)).organizationalDomain) })),
    );
    const result = checkAlignment(
      {
        from: 'mail.giant.bank.example',
        spf: { domain: 'bounce.giant.bank.example', passes: true },
        dkim: [{ domain: 'mega.bank.example', passes: true }, { domain: 'news.shop.example', passes: true }],
      },
      orgDomainOfFrom(known),
    );
    expect(result.spf).toMatchObject({ aligned: true, fromOrg: 'giant.bank.example', otherOrg: 'giant.bank.example' });
    expect(result.dkim.map((signature) => signature.aligned)).toEqual([false, undefined]);
    expect(result.dmarcPassesVia).toBe('spf');
  });

  it('aligns an exact match even when organizational domains are unknown', () => {
    const result = checkAlignment({ from: 'shop.example', spf: { domain: 'shop.example', passes: true } }, () => undefined);
    expect(result.spf?.aligned).toBe(true);
    expect(result.dmarcPassesVia).toBe('spf');
  });

  it('has no SPF verdict without a MAIL FROM domain', () => {
    expect(checkAlignment({ from: 'shop.example' })).toEqual({ from: 'shop.example', spf: undefined, dkim: [], dmarcPassesVia: 'neither' });
  });
});
