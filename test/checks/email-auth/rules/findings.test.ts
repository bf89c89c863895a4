import { describe, expect, it } from 'vitest';
import emailAuth from '../../../../checks/email-auth/index.js';
import type { EmailAuthVerdict } from '../../../../checks/email-auth/evaluate/verdict.js';
import { toFinding } from '../../../../src/engine/findings.js';
import { CASES } from './cases.js';
import { judge } from './judge.js';
import { readArtifact } from './recording.js';

const everyVerdict = (): { name: string; verdict: EmailAuthVerdict }[] => CASES.flatMap(({ name }) => judge(name).map((verdict) => ({ name, verdict })));
const ofRule = (name: string, rule: string): EmailAuthVerdict[] => judge(name).filter((verdict) => verdict.rule === rule);
const only = (verdicts: EmailAuthVerdict[]): EmailAuthVerdict => {
  expect(verdicts).toHaveLength(1);
  return verdicts[0]!;
};

describe('could not check is not a failure', () => {
  it('gives every error verdict a cause and no found or fix', () => {
    const errors = everyVerdict().filter(({ verdict }) => verdict.status === 'error');
    expect(errors.length).toBeGreaterThan(20);
    for (const { name, verdict } of errors) {
      expect(verdict.cause, `${name} ${verdict.rule}`).toMatch(/^(dns|file|check): \S/);
      expect(verdict, `${name} ${verdict.rule}`).not.toHaveProperty('found');
      expect(verdict, `${name} ${verdict.rule}`).not.toHaveProperty('fix');
    }
  });

  it.each([
    ['dns-timeout', 'dns: resolver 127.0.0.1:53 did not answer'],
    ['dns-servfail', 'dns: 127.0.0.1:53 answered SERVFAIL'],
  ])('names the server, so a dead resolver is one cause across every rule (%s)', (name, cause) => {
    const verdicts = judge(name);
    const errors = verdicts.filter((verdict) => verdict.status === 'error');
    expect(new Set(errors.map((verdict) => verdict.rule)).size).toBeGreaterThan(10);
    expect([...new Set(errors.map((verdict) => verdict.cause))]).toEqual([cause]);
    expect(verdicts.filter((verdict) => verdict.status === 'fail')).toEqual([]);
    for (const verdict of verdicts) expect(verdict.message).not.toMatch(/missing/i);
  });

  it('reads alignment behind a dead resolver as could not check, never as the rule failing', () => {
    const finding = toFinding(emailAuth, only(ofRule('dns-timeout', 'alignment')), {});
    expect(finding).toMatchObject({ status: 'error', title: 'Could not check: DMARC can pass through an aligned identifier', cause: 'dns: resolver 127.0.0.1:53 did not answer' });
    expect(finding.fix).not.toMatch(/Return-Path/);
    expect(finding).not.toHaveProperty('found');
  });

  it('names the file when a sample message cannot be read', () => {
    const artifact = { ...readArtifact('one-click-missing'), samples: [{ file: 'messages/not-there.eml', error: 'file not found' }] };
    const [verdict] = judge('one-click-missing', {}, artifact).filter((v) => v.rule === 'one-click-unsubscribe');
    expect(verdict).toMatchObject({ status: 'error', cause: 'file: messages/not-there.eml not found' });
  });
});

/** A number and the comparison `expected` asks of it: "≤ 10 DNS lookups", "RSA ≥ 1024 bits". */
const threshold = (expected: string): { op: '≤' | '≥'; limit: number } | undefined => {
  const match = /([≤≥])\s*([\d,]+)/.exec(expected);
  return match ? { op: match[1] as '≤' | '≥', limit: Number(match[2]!.replaceAll(',', '')) } : undefined;
};

describe('verdict texts match the verdict', () => {
  it('never states an expected threshold its status contradicts, in any recording', () => {
    const judged = everyVerdict().filter(({ verdict }) => ['pass', 'warn', 'fail'].includes(verdict.status));
    let compared = 0;
    for (const { name, verdict } of judged) {
      const rule = verdict.expected === undefined ? undefined : threshold(verdict.expected);
      const value = /(\d[\d,]*)/.exec(verdict.found ?? '')?.[1];
      if (!rule || value === undefined) continue;
      const count = Number(value.replaceAll(',', ''));
      const met = rule.op === '≤' ? count <= rule.limit : count >= rule.limit;
      expect(met, `${name} ${verdict.rule} ${verdict.subject}: ${verdict.status}, expected ${verdict.expected}, found ${verdict.found}`).toBe(verdict.status === 'pass');
      compared += 1;
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('never shows a warn and a fail of one rule the same threshold: each shows the one that decided it', () => {
    const byRule = new Map<string, { warn: Set<string>; fail: Set<string> }>();
    for (const { verdict } of everyVerdict()) {
      if ((verdict.status !== 'warn' && verdict.status !== 'fail') || verdict.expected === undefined || !threshold(verdict.expected)) continue;
      const seen = byRule.get(verdict.rule) ?? { warn: new Set<string>(), fail: new Set<string>() };
      seen[verdict.status].add(verdict.expected);
      byRule.set(verdict.rule, seen);
    }
    expect([...byRule.keys()]).toEqual(expect.arrayContaining(['dkim-key-size']));
    for (const [rule, { warn, fail }] of byRule) expect([...warn].filter((expected) => fail.has(expected)), rule).toEqual([]);
  });

  it.each([
    ['dkim-1023', 'fail', 'RSA ≥ 1024 bits'],
    ['dkim-1024', 'warn', 'RSA ≥ 2048 bits'],
    ['dkim-2047', 'warn', 'RSA ≥ 2048 bits'],
  ])('shows the threshold that decided the key size (%s)', (name, status, expected) => {
    expect(only(ofRule(name, 'dkim-key-size'))).toMatchObject({ status, expected: expect.stringContaining(expected) });
  });

  it('shows the size a near-limit SPF record is held to', () => {
    expect(only(ofRule('spf-record-451', 'spf-record'))).toMatchObject({ status: 'warn', expected: '≤ 450 bytes', found: '451 bytes' });
  });

  it('says pct=100 is the default under a passing title, and another pct makes the policy differ by receiver', () => {
    const full = toFinding(emailAuth, only(ofRule('dmarc-pct-100', 'dmarc-pct')), {});
    expect(full).toMatchObject({ status: 'pass', title: emailAuth.rules['dmarc-pct'].title });
    expect(full.message).toMatch(/pct=100, the default/);
    const partial = toFinding(emailAuth, only(ofRule('dmarc-pct', 'dmarc-pct')), {});
    expect(partial.status).toBe('warn');
    expect(partial.title).toMatch(/differs by receiver/);
    expect(partial.title).not.toMatch(/missing|invalid/i);
    expect(partial.message).toMatch(/RFC 7489 receivers apply .* to 25% .* RFC 9989 receivers ignore/);
    // dmarc-record no longer reads pct as a fault of the record.
    expect(toFinding(emailAuth, only(ofRule('dmarc-pct', 'dmarc-record')), {}).status).toBe('pass');
  });

  it('passes a pct under p=none, where it changes nothing at any receiver', () => {
    const artifact = readArtifact('dmarc-pct');
    const [domain] = artifact.domains;
    const policy = domain?.dmarc.rfc9989.policy;
    if (!domain || policy?.status !== 'found') throw new Error('the dmarc-pct recording has no policy');
    const none = { ...artifact, domains: [{ ...domain, dmarc: { ...domain.dmarc, rfc9989: { ...domain.dmarc.rfc9989, policy: { ...policy, policy: 'none' as const } } } }] };
    expect(only(judge('dmarc-pct', {}, none).filter((verdict) => verdict.rule === 'dmarc-pct'))).toMatchObject({ status: 'pass', found: 'pct=25 under p=none' });
  });

  it('passes a retired key under a probed selector with a note, and still fails a listed revoked one', () => {
    const retired = only(judge('dkim-retired').filter((verdict) => verdict.subject === 's2._domainkey.dkim-retired.example'));
    expect(retired).toMatchObject({ status: 'pass', found: 'retired (p= empty)' });
    expect(retired.message).toMatch(/retired key .*Note:/);
    expect(only(ofRule('dkim-revoked', 'dkim-record'))).toMatchObject({ status: 'fail', found: 'revoked (p= empty)' });
  });

  it('says there is no DMARC record at a From domain whose _dmarc is NXDOMAIN, with the unfinished walk as evidence', () => {
    const record = only(ofRule('dmarc-parent-refused', 'dmarc-record'));
    expect(record.status).toBe('fail');
    expect(record.message).toMatch(/^No DMARC record at mail\.dmarc-parent-refused\.example: .*stopped at _dmarc\.dmarc-parent-refused\.example \(REFUSED\)/);
    expect(record.evidence).toMatchObject({ unfinishedWalk: { name: '_dmarc.dmarc-parent-refused.example', outcome: 'refused' } });
    expect(only(ofRule('dmarc-parent-refused', 'dmarc-policy-strength')).message).toMatch(/^No DMARC record at mail\.dmarc-parent-refused\.example/);
    expect(only(ofRule('dmarc-parent-refused', 'bulk-sender-readiness')).found).toMatch(/missed: [^;]*DMARC/);
  });

  it("labels what bulk-sender-readiness found as met and missed", () => {
    expect(only(ofRule('misaligned', 'bulk-sender-readiness'))).toMatchObject({
      status: 'fail',
      found: 'met: SPF, DKIM, DMARC, reverse DNS; missed: alignment; not shown by DNS: one-click unsubscribe, TLS, spam rate',
    });
    expect(only(ofRule('good', 'bulk-sender-readiness')).found).toBe('met: SPF, DKIM, DMARC, alignment, reverse DNS, one-click unsubscribe; not shown by DNS: TLS, spam rate');
  });
});

describe('the SPF include tree', () => {
  it('draws the tree of a record over the limit, each branch with the lookups it costs', () => {
    const { tree } = only(ofRule('spf-13-lookups', 'spf-lookup-limit'));
    expect(tree).toMatchObject({ label: 'spf-13-lookups.example', note: '13 lookups' });
    const branches = tree?.children ?? [];
    expect(branches.map((branch) => `${branch.label}: ${branch.note}`)).toEqual([
      'include:_a.spf-13-lookups.example: 3 lookups',
      'include:_b.spf-13-lookups.example: 4 lookups',
      'include:_c.spf-13-lookups.example: 4 lookups',
      'mx: 1 lookup, 1 MX host',
      'a: 1 lookup',
    ]);
    expect(branches[0]?.children?.map((leaf) => leaf.label)).toEqual(['include:_a1.spf-13-lookups.example', 'include:_a2.spf-13-lookups.example']);
  });

  it.each([
    ['spf-11-lookups', true],
    ['spf-exp-not-counted', true],
    ['good', false],
  ])('draws it from 8 lookups on, where one more include could tip the record over (%s)', (name, drawn) => {
    expect(only(ofRule(name, 'spf-lookup-limit')).tree !== undefined).toBe(drawn);
  });
});

describe('fixes and titles that fit the cause', () => {
  it.each([
    ['spf-ip-not-authorised', /^Add 192\.0\.2\.66 \(ip4:\/ip6:\) or the sending provider's include/],
    ['spf-13-lookups', /needs 13 DNS lookups, over the limit of 10: adding an include makes it worse/],
    ['spf-two-records', /^Merge the 2 v=spf1 records at spf-two-records\.example into one/],
    ['shopify-legacy-ip', /sender-authentication records .* drop include:shops\.shopify\.com/],
  ])('spf-authorizes-ips gives the fix for why the IP is not authorised (%s)', (name, fix) => {
    const finding = toFinding(emailAuth, only(ofRule(name, 'spf-authorizes-ips')), {});
    expect(finding.status).toBe('fail');
    expect(finding.fix).toMatch(fix);
  });

  it("says a provider's short key is the provider's to rotate, and keeps the store's own short key a warning", () => {
    const provider = only(ofRule('dkim-provider-1024', 'dkim-key-size'));
    expect(provider).toMatchObject({ status: 'pass', found: 'RSA 1024 bits', evidence: { owner: 'sendgrid.net' } });
    expect(provider.message).toContain('sendgrid.net, not you, rotates it');
    expect(only(ofRule('dkim-1024', 'dkim-key-size')).status).toBe('warn');
  });

  it.each(['mta-sts', 'tls-rpt'])('reads a missing %s record as not published, never broken or invalid', (rule) => {
    const finding = toFinding(emailAuth, only(ofRule('dkim-1024', rule)), {});
    expect(finding).toMatchObject({ status: 'warn', found: 'not published' });
    expect(`${finding.title} ${finding.message} ${finding.fix}`).not.toMatch(/broken|invalid/i);
    expect(finding.title).toMatch(/not published/);
  });
});
