import { describe, expect, it } from 'vitest';
import type { SampleSeen } from '../../../../checks/email-auth/artifact.js';
import { config, type DomainConfig } from '../../../../checks/email-auth/config.js';
import { authorisesAnyone } from '../../../../checks/email-auth/evaluate/identifiers.js';
import type { SpfTreeNode } from '../../../../checks/email-auth/spf/index.js';
import { envelopeOf, samplesOfStream } from '../../../../checks/email-auth/streams.js';

const sample = (file: string, returnPathDomain: string | undefined, signatures: [selector: string, domain: string][], fromDomain = 'shop.example'): SampleSeen => ({
  file,
  fromDomain,
  ...(returnPathDomain === undefined ? {} : { returnPathDomain }),
  headers: { listUnsubscribe: [], listUnsubscribeCount: 0, listUnsubscribePost: [], dkimSignatures: [] },
  signatureKeys: signatures.map(([selector, domain]) => ({ selector, domain, probed: false, answer: { name: `${selector}._domainkey.${domain}`, type: 'TXT', outcome: 'answer', records: [], cnames: [] } })),
  problems: [],
});

const streams = (domains: unknown[]): DomainConfig[] => config.parse({ domains }).domains;
const files = (index: number, domains: DomainConfig[], samples: SampleSeen[]) => samplesOfStream(index, domains, samples).map((seen) => seen.file);

describe('sample messages belong to one stream', () => {
  const three = streams([
    { name: 'staff', from: 'shop.example', dkim: [{ selector: 'google' }] },
    { name: 'marketing', from: 'shop.example', returnPath: 'send.shop.example', dkim: [{ selector: 'kl' }] },
    { name: 'other', from: 'other.example' },
  ]);

  it('gives a sample to the stream whose Return-Path or selector it matches', () => {
    const samples = [sample('campaign.eml', 'send.shop.example', [['kl', 'shop.example']]), sample('staff.eml', 'shop.example', [['google', 'shop.example']])];
    expect(files(0, three, samples)).toEqual(['staff.eml']);
    expect(files(1, three, samples)).toEqual(['campaign.eml']);
  });

  it('gives none of several streams a sample that fits none of them', () => {
    const samples = [sample('esp.eml', 'sendgrid.net', [['smtpapi', 'sendgrid.net']])];
    expect([files(0, three, samples), files(1, three, samples)]).toEqual([[], []]);
  });

  it("gives the only stream of a From domain every sample with that From, whatever it shows", () => {
    const samples = [sample('esp.eml', 'sendgrid.net', [['smtpapi', 'sendgrid.net']], 'other.example')];
    expect(files(2, three, samples)).toEqual(['esp.eml']);
  });

  it("takes the envelope domain from the sample, else the profile, else assumes the From domain", () => {
    const [staff, marketing] = three;
    expect(envelopeOf(marketing!, [sample('a.eml', 'sendgrid.net', [])])).toEqual({ returnPath: 'sendgrid.net', source: 'seen' });
    expect(envelopeOf(marketing!, [sample('a.eml', undefined, [])])).toEqual({ returnPath: 'send.shop.example', source: 'declared' });
    expect(envelopeOf(staff!, [])).toEqual({ returnPath: 'shop.example', source: 'assumed' });
  });
});

const node = (terms: SpfTreeNode['terms']): SpfTreeNode => ({ domain: 'shop.example', outcome: 'found', terms });
const all = (qualifier: '+' | '-' | '~' | '?') => ({ term: `${qualifier}all`, kind: 'all' as const, qualifier, lookups: 0 });

describe('an SPF record that authorises nobody', () => {
  it.each([
    ['~all only', node([all('~')]), false],
    ['?all only', node([all('?')]), false],
    ['an include of a ~all-only record', node([{ term: 'include:shops.shopify.com', kind: 'include', qualifier: '+', lookups: 1, child: { ...node([all('~')]), domain: 'shops.shopify.com' } }, all('~')]), false],
    ['an include of a record with an ip4', node([{ term: 'include:_spf.google.com', kind: 'include', qualifier: '+', lookups: 1, child: node([{ term: 'ip4:209.85.128.0/17', kind: 'ip4', qualifier: '+', lookups: 0 }, all('~')]) }]), true],
    ['a -ip4 (it fails that host, authorises none)', node([{ term: '-ip4:192.0.2.1', kind: 'ip4', qualifier: '-', lookups: 0 }, all('~')]), false],
    ['an include q4check could not follow (a macro)', node([{ term: 'include:%{i}._spf.shop.example', kind: 'include', qualifier: '+', lookups: 1 }, all('-')]), true],
    ['+all', node([all('+')]), true],
  ])('%s', (_name, tree, expected) => {
    expect(authorisesAnyone(tree)).toBe(expected);
  });
});
