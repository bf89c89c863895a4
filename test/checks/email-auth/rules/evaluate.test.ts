import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EmailAuthVerdict } from '../../../../checks/email-auth/evaluate/verdict.js';
import { rules, type EmailAuthRule } from '../../../../checks/email-auth/rules.js';
import type { VerdictStatus } from '../../../../src/engine/define-check.js';
import { CASES, type RecordedCase } from './cases.js';
import { judge, recorded } from './judge.js';
import { ARTIFACTS, readArtifact } from './recording.js';

/**
 * A status for every verdict of the rule (and at least one verdict), or the exact status per
 * subject; `{}` says the rule gives no verdict at all.
 */
type Expectation = Partial<Record<EmailAuthRule, VerdictStatus | Record<string, VerdictStatus>>>;
type Case = { name: string; artifact: string; config?: Partial<RecordedCase['config']>; expect: Expectation };

/** The recorded domains with one field changed, e.g. a daily volume under the bulk threshold. */
const withDomains = (name: string, extra: { dailyVolume: number }) => ({ domains: recorded(name).config.domains.map((domain) => ({ ...domain, ...extra })) });

const ALL_PASS = Object.fromEntries(Object.keys(rules).map((rule) => [rule, 'pass'])) as Expectation;

/** Every rule that reads DNS: each must say "could not check" when DNS fails, never "fail". */
const DNS_ERRORS: Expectation = {
  'spf-record': 'error',
  'spf-lookup-limit': 'skip',
  'spf-void-lookups': 'skip',
  'spf-authorizes-ips': 'error',
  'dkim-record': 'error',
  'dkim-key-size': {},
  'dmarc-record': 'error',
  'dmarc-policy-strength': 'error',
  'dmarc-pct': {},
  'dmarc-report-destination': {},
  alignment: 'error',
  'mx-record': 'error',
  'reverse-dns': 'error',
  'mta-sts': 'error',
  'tls-rpt': 'error',
  bimi: 'error',
  'bulk-sender-readiness': 'error',
};

const cases: Case[] = [
  { name: 'a peak-ready store passes every rule', artifact: 'good', expect: ALL_PASS },

  // spf-record
  { name: 'two v=spf1 records', artifact: 'spf-two-records', expect: { 'spf-record': 'fail', 'spf-lookup-limit': 'skip', 'spf-void-lookups': 'skip', 'spf-all-qualifier': {} } },
  { name: 'an SPF syntax error', artifact: 'spf-syntax-error', expect: { 'spf-record': 'fail' } },
  { name: 'an SPF record of exactly 450 bytes', artifact: 'spf-record-450', expect: { 'spf-record': 'pass' } },
  { name: 'an SPF record of 451 bytes: near the UDP answer size', artifact: 'spf-record-451', expect: { 'spf-record': 'warn' } },

  // spf-lookup-limit: the counting traps
  { name: '13 lookups through nested includes', artifact: 'spf-13-lookups', expect: { 'spf-record': 'pass', 'spf-lookup-limit': 'fail' } },
  { name: 'an mx term over 11 MX hosts costs one lookup but is a permerror', artifact: 'spf-mx-fanout', expect: { 'spf-lookup-limit': 'fail', 'spf-void-lookups': 'pass' } },
  { name: "10 lookups with an mx term over 10 hosts: the hosts' address lookups do not count", artifact: 'spf-mx-ten-hosts', expect: { 'spf-lookup-limit': 'pass' } },
  { name: 'exactly 10 lookups plus exp=: exp= does not count', artifact: 'spf-exp-not-counted', expect: { 'spf-lookup-limit': 'pass', 'spf-void-lookups': 'pass' } },
  { name: '11 lookups: one past the limit', artifact: 'spf-11-lookups', expect: { 'spf-record': 'pass', 'spf-lookup-limit': 'fail', 'spf-void-lookups': 'pass' } },
  { name: 'an include loop goes round until the limit', artifact: 'spf-include-loop', expect: { 'spf-record': 'pass', 'spf-lookup-limit': 'fail', 'spf-authorizes-ips': 'fail' } },

  // spf-void-lookups
  { name: 'exactly two void lookups: the limit', artifact: 'spf-void-two', expect: { 'spf-void-lookups': 'pass', 'spf-lookup-limit': 'pass' } },
  { name: 'three void lookups, two of them through an include', artifact: 'spf-void-include', expect: { 'spf-void-lookups': 'fail', 'spf-lookup-limit': 'pass' } },
  { name: 'three void lookups, two of them through redirect=', artifact: 'spf-void-redirect', expect: { 'spf-void-lookups': 'fail', 'spf-all-qualifier': 'pass' } },

  // SERVFAIL versus NXDOMAIN behind the same include
  {
    name: 'an include answered SERVFAIL: could not check',
    artifact: 'spf-servfail-include',
    expect: { 'spf-record': 'pass', 'spf-lookup-limit': 'error', 'spf-void-lookups': 'error', 'spf-authorizes-ips': 'error', 'reverse-dns': 'pass', 'bulk-sender-readiness': 'error' },
  },
  {
    name: 'the same include answered NXDOMAIN: a void lookup and a permerror',
    artifact: 'spf-nxdomain-include',
    expect: { 'spf-record': 'pass', 'spf-lookup-limit': 'pass', 'spf-void-lookups': 'pass', 'spf-authorizes-ips': 'fail', 'reverse-dns': 'pass', 'bulk-sender-readiness': 'fail' },
  },

  // spf-all-qualifier
  { name: '+all lets every host pass', artifact: 'spf-plus-all', expect: { 'spf-all-qualifier': 'fail', 'spf-authorizes-ips': 'pass' } },
  { name: '?all leaves unlisted senders neutral', artifact: 'spf-qmark-all', expect: { 'spf-all-qualifier': 'warn' } },

  // spf-authorizes-ips
  { name: 'a sending IP SPF does not list', artifact: 'spf-ip-not-authorised', expect: { 'spf-authorizes-ips': { '192.0.2.66 → spf-ip-not-authorised.example': 'fail' }, 'reverse-dns': 'pass' } },
  { name: 'a sender matched only after the 10th lookup gets a permerror', artifact: 'spf-13-lookups', expect: { 'spf-authorizes-ips': { '192.0.2.60 → spf-13-lookups.example': 'fail' } } },
  { name: 'an unlisted sender fails, not permerrors, with exact 10 lookups and exp=', artifact: 'spf-exp-not-counted', expect: { 'spf-authorizes-ips': 'fail' } },
  { name: "Shopify's legacy include authorises nobody: the listed IP softfails", artifact: 'shopify-legacy-ip', expect: { 'spf-authorizes-ips': 'fail' } },
  { name: 'two SPF records: a permerror for the listed IP', artifact: 'spf-two-records', expect: { 'spf-authorizes-ips': 'fail' } },
  { name: 'no sending IPs: check_host() is not run', artifact: 'spf-qmark-all', expect: { 'spf-authorizes-ips': 'skip' } },

  // dkim-record
  { name: 'a revoked key', artifact: 'dkim-revoked', expect: { 'dkim-record': 'fail', 'dkim-key-size': {}, alignment: 'warn', 'bulk-sender-readiness': 'fail' } },
  { name: 'a configured selector that is not published (NXDOMAIN)', artifact: 'dkim-selector-missing', expect: { 'dkim-record': { 's1._domainkey.dkim-selector-missing.example': 'fail' } } },
  { name: 'a key marked testing (t=y)', artifact: 'dkim-testing', expect: { 'dkim-record': 'warn', 'dkim-key-size': 'pass' } },
  {
    name: 'no selector configured and none probed exists: not found among the probed selectors, never missing',
    artifact: 'dkim-unknown-selector',
    expect: { 'dkim-record': { 'dkim-unknown-selector.example': 'warn' }, 'dkim-key-size': {}, 'bulk-sender-readiness': 'warn' },
  },
  { name: 'no selector configured; the key is under a probed one', artifact: 'dkim-probed', expect: { 'dkim-record': { 'google._domainkey.dkim-probed.example': 'pass' }, 'dkim-key-size': 'pass' } },
  {
    name: 'a revoked key under a probed selector the profile does not list: retired, not failing',
    artifact: 'dkim-retired',
    // The probed key proves a key exists, not that mail is signed with it: alignment is not shown.
    expect: { 'dkim-record': { 'google._domainkey.dkim-retired.example': 'pass', 's2._domainkey.dkim-retired.example': 'pass' }, 'dkim-key-size': 'pass', alignment: 'warn' },
  },

  // dkim-key-size
  { name: 'a 512-bit RSA key', artifact: 'dkim-512', expect: { 'dkim-record': 'pass', 'dkim-key-size': 'fail' } },
  { name: 'a 1023-bit RSA key: one bit under the minimum', artifact: 'dkim-1023', expect: { 'dkim-record': 'pass', 'dkim-key-size': 'fail' } },
  { name: 'a 1024-bit RSA key', artifact: 'dkim-1024', expect: { 'dkim-key-size': 'warn' } },
  { name: 'a 2047-bit RSA key: one bit under the recommendation', artifact: 'dkim-2047', expect: { 'dkim-key-size': 'warn' } },
  { name: 'a 2048-bit RSA key: the recommendation', artifact: 'good', expect: { 'dkim-key-size': 'pass' } },
  { name: "a 1024-bit key held at SendGrid behind the store's CNAME: the provider's to rotate, not the store's warning", artifact: 'dkim-provider-1024', expect: { 'dkim-record': 'pass', 'dkim-key-size': 'pass' } },
  { name: 'an Ed25519 key', artifact: 'dkim-ed25519', expect: { 'dkim-record': 'pass', 'dkim-key-size': 'pass' } },

  // dmarc-record
  { name: 'no DMARC record', artifact: 'dmarc-missing', expect: { 'dmarc-record': 'fail', 'dmarc-policy-strength': 'fail', 'dmarc-report-destination': {}, 'bulk-sender-readiness': 'fail' } },
  { name: 'two DMARC records', artifact: 'dmarc-two-records', expect: { 'dmarc-record': 'fail', 'dmarc-policy-strength': 'fail' } },
  { name: 'pct=25: the policy differs by receiver', artifact: 'dmarc-pct', expect: { 'dmarc-record': 'pass', 'dmarc-pct': 'warn', 'dmarc-policy-strength': 'pass' } },
  { name: 'pct=100, the default: every receiver applies the policy', artifact: 'dmarc-pct-100', expect: { 'dmarc-record': 'pass', 'dmarc-pct': 'pass' } },
  { name: 'no pct=', artifact: 'dmarc-none', expect: { 'dmarc-pct': 'pass' } },
  {
    name: "the From domain's _dmarc is NXDOMAIN and the level above REFUSED: no DMARC record, not could-not-check",
    artifact: 'dmarc-parent-refused',
    expect: { 'dmarc-record': 'fail', 'dmarc-policy-strength': 'fail', 'dmarc-pct': {}, 'dmarc-report-destination': {}, 'bulk-sender-readiness': 'fail' },
  },

  // dmarc-policy-strength
  { name: 'p=none while quarantine is required: below the store\'s own minimum', artifact: 'dmarc-none', expect: { 'dmarc-policy-strength': 'fail', 'dmarc-report-destination': 'pass', 'tls-rpt': 'warn' } },
  { name: 'p=none when none is all that is required', artifact: 'dmarc-none', config: { requirePolicy: 'none' }, expect: { 'dmarc-policy-strength': 'pass' } },
  { name: 'quarantine with t=y counts as none', artifact: 'dmarc-t-y', expect: { 'dmarc-record': 'pass', 'dmarc-policy-strength': 'fail' } },
  { name: 'quarantine with t=y meets a required none', artifact: 'dmarc-t-y', config: { requirePolicy: 'none' }, expect: { 'dmarc-policy-strength': 'pass' } },
  { name: 'p=quarantine when reject is required: one step under the minimum', artifact: 'dmarc-pct', config: { requirePolicy: 'reject' }, expect: { 'dmarc-policy-strength': 'fail' } },
  { name: 'p=quarantine when quarantine is required: exactly the minimum', artifact: 'dmarc-pct', config: { requirePolicy: 'quarantine' }, expect: { 'dmarc-policy-strength': 'pass' } },
  {
    name: 'an rua= without mailto: loses the reports, not the policy',
    artifact: 'dmarc-rua-no-mailto',
    expect: { 'dmarc-record': 'warn', 'dmarc-report-destination': { 'dmarc-rua-no-mailto.example rua a1b2c3d4@ag.dmarcian.com': 'fail' }, 'dmarc-policy-strength': 'pass', alignment: 'pass' },
  },

  // dmarc-report-destination
  { name: 'reports to a processor that has not authorised the domain', artifact: 'dmarc-unauthorised-rua', expect: { 'dmarc-report-destination': { 'dmarc-unauthorised-rua.example rua dmarc@reports.example': 'fail' } } },
  { name: "the processor's authorisation answered SERVFAIL", artifact: 'dmarc-rua-servfail', expect: { 'dmarc-report-destination': 'error', 'dmarc-record': 'pass' } },

  // alignment
  { name: "the ESP's Return-Path and d=", artifact: 'misaligned', expect: { alignment: 'fail', 'spf-authorizes-ips': 'pass', 'dkim-record': 'pass', 'bulk-sender-readiness': 'fail' } },
  { name: 'the declared selector is missing; SPF untried and the Return-Path assumed: not shown, at best a warn', artifact: 'dkim-selector-missing', expect: { alignment: 'warn' } },
  {
    name: "a sample campaign bounces to SendGrid and is signed only d=sendgrid.net; the staff mailbox's Google key does not count",
    artifact: 'esp-signed',
    expect: { alignment: 'fail', 'dkim-record': { 'google._domainkey.esp-signed.example': 'pass' }, 'bulk-sender-readiness': 'fail' },
  },
  { name: "only Shopify's legacy include, which authorises nobody, and no sending IPs", artifact: 'shopify-spf-only', expect: { alignment: 'warn', 'bulk-sender-readiness': 'fail' } },
  {
    name: 'three streams of one From domain: each judged on its own evidence, under its own subject',
    artifact: 'multi-stream',
    expect: {
      alignment: { 'multi-stream.example (staff)': 'pass', 'multi-stream.example (marketing)': 'pass', 'multi-stream.example (Return-Path notify.multi-stream.example, s=s1)': 'pass' },
      'bulk-sender-readiness': { 'multi-stream.example (staff)': 'pass', 'multi-stream.example (marketing)': 'pass', 'multi-stream.example (Return-Path notify.multi-stream.example, s=s1)': 'fail' },
      'dmarc-record': { 'multi-stream.example': 'pass' },
      'dmarc-policy-strength': { 'multi-stream.example': 'pass' },
    },
  },

  // mx-record
  { name: 'no MX', artifact: 'no-mx', expect: { 'mx-record': 'fail' } },
  { name: 'a null MX', artifact: 'null-mx', expect: { 'mx-record': 'warn' } },
  { name: "the From domain's MX only: the ESP's bounce domain is not the store's to fix", artifact: 'misaligned', expect: { 'mx-record': { 'misaligned.example': 'pass' } } },
  { name: 'no MX finding for the bounce domain a sample shows (sendgrid.net)', artifact: 'esp-signed', expect: { 'mx-record': { 'esp-signed.example': 'pass' } } },
  { name: 'no MX but an address: implicit MX (RFC 5321 §5.1)', artifact: 'implicit-mx', expect: { 'mx-record': 'pass' } },

  // reverse-dns
  { name: 'a PTR pointing elsewhere, and no PTR', artifact: 'ptr-not-confirmed', expect: { 'reverse-dns': { '192.0.2.20': 'fail', '192.0.2.22': 'fail' }, 'bulk-sender-readiness': 'fail' } },
  { name: 'a generic PTR name', artifact: 'ptr-generic', expect: { 'reverse-dns': 'warn', 'bulk-sender-readiness': 'pass' } },

  // mta-sts
  { name: 'MTA-STS in testing mode', artifact: 'mta-sts-testing', expect: { 'mta-sts': 'warn' } },
  { name: 'an enforcing policy that misses the MX host', artifact: 'mta-sts-mx-uncovered', expect: { 'mta-sts': 'fail' } },
  { name: 'the policy file is a 404', artifact: 'mta-sts-policy-404', expect: { 'mta-sts': 'fail' } },
  { name: 'an invalid policy file', artifact: 'mta-sts-invalid-policy', expect: { 'mta-sts': 'fail' } },
  { name: 'a certificate that does not name the policy host', artifact: 'mta-sts-bad-cert', expect: { 'mta-sts': 'fail' } },
  { name: 'the policy host has no address', artifact: 'mta-sts-no-host', expect: { 'mta-sts': 'fail' } },
  { name: 'no MTA-STS record', artifact: 'dkim-1024', expect: { 'mta-sts': 'warn' } },

  // tls-rpt
  { name: 'a TLS-RPT rua that is neither mailto: nor https:', artifact: 'tls-rpt-invalid', expect: { 'tls-rpt': 'fail' } },

  // bimi
  { name: 'a BIMI logo over http', artifact: 'bimi-http-logo', expect: { bimi: 'fail' } },
  { name: 'BIMI under a t=y policy: no enforcement, no logo', artifact: 'dmarc-t-y', expect: { bimi: 'fail' } },
  { name: 'no BIMI record (optional)', artifact: 'dkim-1024', expect: { bimi: 'skip' } },

  // one-click-unsubscribe and bulk-sender-readiness
  { name: 'a campaign with only a mailto: unsubscribe', artifact: 'one-click-missing', expect: { 'one-click-unsubscribe': 'fail', 'bulk-sender-readiness': 'fail' } },
  { name: 'the same under the bulk threshold: recommendations', artifact: 'one-click-missing', config: withDomains('one-click-missing', { dailyVolume: 1000 }), expect: { 'bulk-sender-readiness': 'warn' } },
  { name: 'the same at exactly 5,000 a day: required', artifact: 'one-click-missing', config: withDomains('one-click-missing', { dailyVolume: 5000 }), expect: { 'bulk-sender-readiness': 'fail' } },
  { name: 'the same at 4,999 a day: recommendations', artifact: 'one-click-missing', config: withDomains('one-click-missing', { dailyVolume: 4999 }), expect: { 'bulk-sender-readiness': 'warn' } },
  { name: 'no sample messages', artifact: 'dkim-1024', expect: { 'one-click-unsubscribe': 'skip' } },

  // DNS trouble: could not check, never fail
  { name: 'every name answered SERVFAIL', artifact: 'dns-servfail', expect: DNS_ERRORS },
  { name: 'every name dropped (timeout)', artifact: 'dns-timeout', expect: DNS_ERRORS },
];

const run = (c: Pick<Case, 'artifact' | 'config'>): EmailAuthVerdict[] => judge(c.artifact, c.config);

/** What the verdicts say, in the shape each expectation was written in. */
const statusesOf = (verdicts: EmailAuthVerdict[], expectation: Expectation): Expectation =>
  Object.fromEntries(
    Object.entries(expectation).map(([rule, wanted]) => {
      const mine = verdicts.filter((verdict) => verdict.rule === rule);
      const bySubject = Object.fromEntries(mine.map((verdict) => [verdict.subject, verdict.status]));
      if (typeof wanted !== 'string') return [rule, bySubject];
      const statuses = [...new Set(mine.map((verdict) => verdict.status))];
      return [rule, statuses.length === 1 ? statuses[0] : bySubject];
    }),
  );

/** Rules whose worst verdict is a warn: pct= under 100 splits receivers, it does not break DMARC. */
const WARN_ONLY: ReadonlySet<string> = new Set(['dmarc-pct']);

/** The troubled recordings: DNS failed somewhere in each. */
const DNS_TROUBLE = ['dns-servfail', 'dns-timeout', 'spf-servfail-include', 'dmarc-rua-servfail'];

describe('email-auth rules over recorded artifacts', () => {
  it.each(cases)('$name ($artifact)', (c) => {
    expect(statusesOf(run(c), c.expect)).toEqual(c.expect);
  });

  it('has a pass and a fail case for every rule (a warn case for the rules that never fail)', () => {
    const seen = (status: VerdictStatus) =>
      new Set(cases.flatMap((c) => Object.entries(c.expect).filter(([, wanted]) => (typeof wanted === 'string' ? wanted === status : Object.values(wanted).includes(status))).map(([rule]) => rule)));
    const ruleIds = Object.keys(rules);
    expect(ruleIds.filter((rule) => !seen('pass').has(rule))).toEqual([]);
    expect(ruleIds.filter((rule) => !WARN_ONLY.has(rule) && !seen('fail').has(rule))).toEqual([]);
    expect([...WARN_ONLY].filter((rule) => !seen('warn').has(rule))).toEqual([]);
  });

  it('judges every recording, and every recording is a case', () => {
    const files = readdirSync(ARTIFACTS).filter((file) => file.endsWith('.json')).map((file) => file.slice(0, -'.json'.length));
    expect(files.sort()).toEqual(CASES.map((c) => c.name).sort());
    expect(CASES.map((c) => c.name).filter((name) => !cases.some((c) => c.artifact === name))).toEqual([]);
  });

  it('records each case with the domains its profile section names', () => {
    for (const c of CASES) {
      expect(readArtifact(c.name).domains.map((domain) => domain.from), c.name).toEqual(c.config.domains.map((domain) => domain.from));
    }
  });

  it.each(DNS_TROUBLE)('turns DNS trouble into errors naming what could not be checked, never a fail (%s)', (name) => {
    const verdicts = run({ artifact: name });
    expect(verdicts.filter((verdict) => verdict.status === 'fail')).toEqual([]);
    const errors = verdicts.filter((verdict) => verdict.status === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const verdict of errors) expect(verdict.message).toMatch(/^Could not (check|count)\b.*(SERVFAIL|TIMEOUT|temporary DNS error)/);
  });

  it('counts the SPF traps as RFC 7208 §4.6.4 does', () => {
    const totals = (name: string) => readArtifact(name).domains[0]?.spf.totals;
    expect(totals('spf-13-lookups')).toMatchObject({ lookups: 13, voidLookups: 0 });
    expect(totals('spf-mx-ten-hosts')).toMatchObject({ lookups: 10, permerrors: [] });
    expect(totals('spf-mx-fanout')).toMatchObject({ lookups: 1, permerrors: [expect.stringContaining('11 MX hosts')] });
    expect(totals('spf-exp-not-counted')).toMatchObject({ lookups: 10, voidLookups: 0, permerrors: [] });
    expect(totals('spf-void-include')).toMatchObject({ voidLookups: 3 });
    expect(totals('spf-void-redirect')).toMatchObject({ voidLookups: 3, allQualifier: '-' });
    expect(totals('spf-servfail-include')).toMatchObject({ voidLookups: 0, dnsErrors: [{ name: '_spf.spf-servfail-include.example', type: 'TXT', outcome: 'servfail' }] });
    expect(totals('spf-nxdomain-include')).toMatchObject({ voidLookups: 1, dnsErrors: [] });
  });

  it('evaluates exp= only after a fail, without counting it', () => {
    const [check] = readArtifact('spf-exp-not-counted').domains[0]?.spfChecks ?? [];
    expect(check?.result).toMatchObject({ result: 'fail', lookups: 10, explanation: "192.0.2.77 is not one of spf-exp-not-counted.example's mail servers" });
  });

  it('says where each alignment identifier comes from, and credits only declared or seen ones', () => {
    const alignmentOf = (name: string) => run({ artifact: name }).find((v) => v.rule === 'alignment');
    const esp = alignmentOf('esp-signed');
    expect(esp?.message).toContain('Return-Path sendgrid.net (seen in a sample message)');
    expect(esp?.message).toContain('DKIM d=sendgrid.net s=smtpapi (seen in a sample message)');
    expect(esp?.message).not.toContain('s=google');
    const shopify = alignmentOf('shopify-spf-only');
    expect(shopify?.message).toContain('(assumed: the From domain');
    expect(shopify?.message).toContain('SPF authorises no sender at all');
    expect(shopify?.fix).toMatch(/`returnPath`.*DKIM selectors.*sample message/);
    const retired = alignmentOf('dkim-retired');
    expect(retired?.message).toContain('s=google (found by probing: a key exists, nothing shows this stream signs with it)');
    expect(retired?.evidence).toMatchObject({ dkim: [{ selector: 'google', provenance: 'probed', usable: true }] });
  });

  it('keeps the plain From domain as the subject where it has one stream, as suppressions key on it', () => {
    for (const name of ['good', 'misaligned', 'esp-signed']) {
      const subjects = run({ artifact: name }).filter((v) => v.rule === 'alignment' || v.rule === 'bulk-sender-readiness').map((v) => v.subject);
      expect(new Set(subjects)).toEqual(new Set([`${name}.example`]));
    }
  });

  it('says what share a pct= under 100 enforces at RFC 7489 receivers, and what the rest gets', () => {
    const [verdict] = run({ artifact: 'dmarc-pct' }).filter((v) => v.rule === 'dmarc-pct');
    expect(verdict).toMatchObject({ status: 'warn', found: 'pct=25: quarantine enforced on 25% at RFC 7489 receivers' });
    expect(verdict?.message).toContain('quarantine to 25% of failing mail and none to the other 75%');
  });

  it('says an unguessable selector was not found among the probed ones, not that DKIM is missing', () => {
    const [verdict] = run({ artifact: 'dkim-unknown-selector' }).filter((v) => v.rule === 'dkim-record');
    expect(verdict).toMatchObject({ status: 'warn', found: 'not found among the probed selectors' });
    expect(verdict?.message).not.toMatch(/missing|no DKIM key is published/i);
  });

  it('returns verdicts that survive JSON unchanged', () => {
    for (const c of cases) {
      const verdicts = run(c);
      expect(JSON.parse(JSON.stringify(verdicts))).toEqual(verdicts);
    }
  });
});
