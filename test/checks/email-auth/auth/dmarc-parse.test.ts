import { describe, expect, it } from 'vitest';
import { isDmarcRecord, nearMissReason, parseDmarcRecord, type DmarcIssue, type DmarcParse, type DmarcRecord } from '../../../../checks/email-auth/dmarc/parse.js';
import { parseReportUri } from '../../../../checks/email-auth/dmarc/report-uri.js';

const recordOf = (parsed: DmarcParse): DmarcRecord => {
  if (!parsed.ok) throw new Error(`expected ok, got ${parsed.errors.map((issue) => issue.message).join('; ')}`);
  return parsed.record;
};
const errorsOf = (parsed: DmarcParse): DmarcIssue[] => (parsed.ok ? [] : parsed.errors);
const codes = (issues: DmarcIssue[]): string[] => issues.map((issue) => issue.code);

describe('parseDmarcRecord defaults (RFC 9989)', () => {
  it('fills every default of a minimal record', () => {
    expect(recordOf(parseDmarcRecord('v=DMARC1; p=reject'))).toMatchObject({
      p: 'reject',
      pExplicit: true,
      sp: 'reject',
      spExplicit: false,
      np: 'reject',
      npExplicit: false,
      adkim: 'r',
      aspf: 'r',
      rua: [],
      ruf: [],
      discardedUris: [],
      fo: ['0'],
      psd: 'u',
      t: 'n',
      unknownTags: [],
    });
  });

  it.each([
    ['np follows an explicit sp', 'v=DMARC1; p=reject; sp=quarantine', { sp: 'quarantine', np: 'quarantine' }],
    ['np follows p through sp', 'v=DMARC1; p=quarantine', { sp: 'quarantine', np: 'quarantine' }],
    ['an explicit np wins', 'v=DMARC1; p=none; sp=quarantine; np=reject', { np: 'reject', npExplicit: true }],
    ['psd=y', 'v=DMARC1; p=reject; psd=y', { psd: 'y' }],
    ['psd=n', 'v=DMARC1; p=reject; psd=n', { psd: 'n' }],
    ['t=y', 'v=DMARC1; p=reject; t=y', { t: 'y' }],
    ['strict alignment', 'v=DMARC1; p=reject; adkim=s; aspf=s', { adkim: 's', aspf: 's' }],
    ['case-insensitive values and tag names', 'v=DMARC1; P=Reject; ADKIM=S; Psd=N', { p: 'reject', adkim: 's', psd: 'n' }],
    ['whitespace around = and ;', 'v = DMARC1 ;p = none ; fo = 1:d ;', { p: 'none', fo: ['1', 'd'] }],
    ['a bare version tag', 'v=DMARC1', { p: 'none', pExplicit: false }],
  ])('%s', (_name, text, expected) => {
    expect(recordOf(parseDmarcRecord(text))).toMatchObject(expected);
  });
});

describe('parseDmarcRecord tags RFC 9989 removed or changed', () => {
  it.each([
    ['pct', 'pct=50', { pct: { raw: '50', value: 50, removedIn9989: true } }],
    ['pct out of RFC 7489 range', 'pct=500', { pct: { raw: '500', value: undefined, removedIn9989: true } }],
    ['rf', 'rf=afrf', { rf: { raw: 'afrf', value: ['afrf'], removedIn9989: true } }],
    ['ri', 'ri=3600', { ri: { raw: '3600', value: 3600, removedIn9989: true } }],
  ])('parses %s and flags it', (tag, text, expected) => {
    const parsed = parseDmarcRecord(`v=DMARC1; p=reject; ${text}`);
    expect(recordOf(parsed)).toMatchObject(expected);
    expect(parsed.warnings).toContainEqual(expect.objectContaining({ code: 'removed-in-9989', tag: tag.split(' ')[0] }));
  });

  it('treats a missing p= as none, with a warning for RFC 7489 receivers', () => {
    const parsed = parseDmarcRecord('v=DMARC1; rua=mailto:dmarc@shop.example');
    expect(recordOf(parsed)).toMatchObject({ p: 'none', pExplicit: false, sp: 'none', np: 'none' });
    expect(codes(parsed.warnings)).toEqual(['missing-p']);
  });

  it('warns that no p= and no rua= means no DMARC processing at all', () => {
    expect(codes(parseDmarcRecord('v=DMARC1; adkim=s').warnings)).toEqual(['missing-p', 'no-policy-no-rua']);
  });

  it('notes unknown tags and ignores them', () => {
    const parsed = parseDmarcRecord('v=DMARC1; p=none; foo=bar; bimi=x');
    expect(recordOf(parsed).unknownTags).toEqual(['foo', 'bimi']);
    expect(parsed.notes).toEqual([
      expect.objectContaining({ code: 'unknown-tag', tag: 'foo' }),
      expect.objectContaining({ code: 'unknown-tag', tag: 'bimi' }),
    ]);
  });

  it.each([
    ['p= not second', 'v=DMARC1; rua=mailto:d@shop.example; p=none', 'p-not-second'],
    ['fo= without ruf=', 'v=DMARC1; p=none; fo=1', 'fo-without-ruf'],
  ])('notes %s', (_name, text, code) => {
    expect(codes(parseDmarcRecord(text).notes)).toContain(code);
  });
});

describe('parseDmarcRecord report URIs', () => {
  it('reads several mailto: URIs, keeping the case of the address', () => {
    expect(recordOf(parseDmarcRecord('v=DMARC1; p=none; rua=mailto:DMARC@Shop.example, mailto:agg@reports.example')).rua).toEqual([
      { uri: 'mailto:DMARC@Shop.example', scheme: 'mailto', address: 'DMARC@Shop.example', domain: 'shop.example' },
      { uri: 'mailto:agg@reports.example', scheme: 'mailto', address: 'agg@reports.example', domain: 'reports.example' },
    ]);
  });

  it('flags the obsolete !size suffix', () => {
    const parsed = parseDmarcRecord('v=DMARC1; p=none; ruf=mailto:f@shop.example!10m');
    expect(recordOf(parsed).ruf).toEqual([{ uri: 'mailto:f@shop.example!10m', scheme: 'mailto', address: 'f@shop.example', domain: 'shop.example', sizeLimit: '10m' }]);
    expect(parsed.warnings).toContainEqual(expect.objectContaining({ code: 'obsolete-size-limit', tag: 'ruf' }));
  });

  it('keeps an https: URI with a warning that receivers need not use it', () => {
    const parsed = parseDmarcRecord('v=DMARC1; p=none; rua=https://reports.example/dmarc');
    expect(recordOf(parsed).rua).toEqual([{ uri: 'https://reports.example/dmarc', scheme: 'https' }]);
    expect(codes(parsed.warnings)).toContain('non-mailto-uri');
  });

  it.each([
    ['mailto:d%2Bdmarc@shop.example', { address: 'd+dmarc@shop.example', domain: 'shop.example' }],
    ['mailto:d@Shop.Example?subject=dmarc', { address: 'd@Shop.Example', domain: 'shop.example' }],
    ['MAILTO:d@shop.example!5k', { scheme: 'mailto', sizeLimit: '5k' }],
  ])('reads %s', (uri, expected) => {
    expect(parseReportUri(uri)).toEqual({ ok: true, uri: expect.objectContaining(expected) });
  });

  it.each([
    ['mailto:a@b@shop.example', /one address/],
    ['mailto:%zz@shop.example', /one address/],
    ['https://[bad', /not a valid URI/],
    ['https://reports.example!10m', /only applies to mailto/],
  ])('rejects %s', (uri, message) => {
    expect(parseReportUri(uri)).toEqual({ ok: false, error: expect.stringMatching(message) });
  });
});

describe('parseDmarcRecord errors', () => {
  it.each([
    ['p', 'v=DMARC1; p=block', /p=block is not valid/],
    ['sp', 'v=DMARC1; p=none; sp=bounce', /sp=bounce is not valid/],
    ['np', 'v=DMARC1; p=none; np=', /np= is not valid/],
    ['adkim', 'v=DMARC1; p=none; adkim=x', /adkim=x is not valid/],
    ['aspf', 'v=DMARC1; p=none; aspf=relaxed', /aspf=relaxed is not valid/],
    ['psd', 'v=DMARC1; p=none; psd=yes', /psd=yes is not valid/],
    ['t', 'v=DMARC1; p=none; t=true', /t=true is not valid/],
    ['fo', 'v=DMARC1; p=none; fo=2', /fo=2 is not valid/],
    ['p', 'v=DMARC1; p=none; p=reject', /p= appears more than once/],
  ])('reports an invalid %s with its tag', (tag, text, message) => {
    expect(errorsOf(parseDmarcRecord(text))).toContainEqual(expect.objectContaining({ tag, message: expect.stringMatching(message) }));
  });

  it.each([
    ['rua', 'v=DMARC1; p=reject; rua=dmarc@shop.example', 'dmarc@shop.example', /needs the mailto: prefix/],
    ['rua', 'v=DMARC1; p=reject; rua=mailto:nobody', 'mailto:nobody', /not a mailto: URI with one address/],
    ['ruf', 'v=DMARC1; p=reject; ruf=mailto:a@shop.example,', '', /"" is not a URI/],
  ])('discards an unusable %s value and keeps the policy in force (RFC 7489 §6.3)', (tag, text, discarded, message) => {
    const parsed = parseDmarcRecord(text);
    expect(parsed.ok).toBe(true);
    expect(parsed.record).toMatchObject({ p: 'reject', discardedUris: [{ tag, text: discarded, error: expect.stringMatching(message) }] });
    expect(parsed.warnings).toContainEqual(expect.objectContaining({ code: 'discarded-report-uri', tag, message: expect.stringMatching(message) }));
  });

  it('keeps the rest of the record, the invalid tag at its default', () => {
    const parsed = parseDmarcRecord('v=DMARC1; p=reject; adkim=x; rua=mailto:d@shop.example');
    expect(parsed.ok).toBe(false);
    expect(parsed.record).toMatchObject({ p: 'reject', adkim: 'r', rua: [expect.objectContaining({ domain: 'shop.example' })] });
  });

  it('reports a syntax error', () => {
    expect(errorsOf(parseDmarcRecord('v=DMARC1; p=none; garbage'))).toContainEqual(expect.objectContaining({ code: 'syntax' }));
  });

  it.each([
    ['v= not first', 'p=reject; v=DMARC1', /must be the first tag/],
    ['no version', 'p=reject', /does not start with v=DMARC1/],
    ['a lower-case version value', 'v=dmarc1; p=reject', /DMARC1 in capitals/],
    ['trailing garbage on the version', 'v=DMARC1x; p=reject', /not followed by ";"/],
    ['a missing separator', 'v=DMARC1 p=reject', /not followed by ";"/],
    ['leading whitespace', ' v=DMARC1; p=reject', /starts with whitespace/],
    ['an SPF record', 'v=spf1 -all', /does not start with v=DMARC1/],
  ])('is not a DMARC record: %s', (_name, text, message) => {
    const parsed = parseDmarcRecord(text);
    expect(parsed.record).toBeUndefined();
    expect(errorsOf(parsed)).toEqual([expect.objectContaining({ code: 'not-dmarc', message: expect.stringMatching(message) })]);
  });

  it('recognises records the way receivers do', () => {
    expect(['v=DMARC1', 'V=DMARC1;p=none', 'v =\tDMARC1 ; p=none'].every(isDmarcRecord)).toBe(true);
    expect(['v=DMARC1x', 'v=dmarc1', ' v=DMARC1', 'p=none; v=DMARC1'].some(isDmarcRecord)).toBe(false);
    expect(nearMissReason('google-site-verification=abc')).toBeUndefined();
  });
});
