import type { z } from 'zod';
import type { config } from '../../../../checks/email-auth/config.js';
import type { FaultRule } from '../../../../src/simulators/dns/index.js';
import { faultsOnDomain } from '../gather/simulated.js';
import type { PolicyReply } from '../gather/sts-server.js';

type ConfigInput = z.input<typeof config>;
type DomainInput = ConfigInput['domains'][number];

/**
 * One recorded situation: the domain `<name>.example` (fixtures/zones/cases/<name>.example.zone),
 * the profile section it was audited with, and the fault switches the recording turned on.
 * The recording writes fixtures/artifacts/email-auth/<name>.json; the rule tables judge it.
 */
export interface RecordedCase {
  name: string;
  /** The profile section, without mtaSts (the recording points that at its own HTTPS server). */
  config: Omit<ConfigInput, 'mtaSts'>;
  faults?: FaultRule[];
}

/** The usual shape: one From domain signing with selector s1, sending from the given IPs. */
const domain = (name: string, extra: Partial<DomainInput> = {}): DomainInput => ({ from: `${name}.example`, dkim: [{ selector: 's1' }], ...extra });
const single = (name: string, extra: Partial<DomainInput> = {}, faults?: FaultRule[]): RecordedCase => ({
  name,
  config: { domains: [domain(name, extra)] },
  ...(faults ? { faults } : {}),
});

export const CASES: readonly RecordedCase[] = [
  {
    name: 'good',
    config: {
      requirePolicy: 'reject',
      domains: [domain('good', { returnPath: 'bounce.good.example', sendingIps: ['192.0.2.10'], dailyVolume: 250_000 })],
      sampleMessages: ['messages/good-campaign.eml'],
    },
  },

  // SPF
  single('spf-13-lookups', { sendingIps: ['192.0.2.60'] }),
  single('spf-mx-fanout'),
  single('spf-mx-ten-hosts'),
  single('spf-void-include'),
  single('spf-void-redirect'),
  single('spf-void-two'),
  single('spf-11-lookups'),
  single('spf-record-450'),
  single('spf-record-451'),
  single('spf-exp-not-counted', { sendingIps: ['192.0.2.77'] }),
  single('spf-include-loop', { sendingIps: ['192.0.2.10'] }),
  single('spf-plus-all', { sendingIps: ['192.0.2.99'] }),
  single('spf-qmark-all'),
  single('spf-two-records', { sendingIps: ['192.0.2.10'] }),
  single('spf-syntax-error'),
  single('spf-ip-not-authorised', { sendingIps: ['192.0.2.66'] }),
  // Shopify's legacy include with the IP listed: the fix is Shopify's sender-authentication records, not an include.
  single('shopify-legacy-ip', { dkim: undefined, sendingIps: ['192.0.2.180'] }),
  single('spf-servfail-include', { sendingIps: ['192.0.2.50'] }, [{ name: '_spf.spf-servfail-include.example', type: 'TXT', fault: 'servfail' }]),
  single('spf-nxdomain-include', { sendingIps: ['192.0.2.51'] }),

  // DKIM
  single('dkim-revoked'),
  single('dkim-512'),
  single('dkim-1023'),
  single('dkim-1024'),
  single('dkim-2047'),
  single('dkim-ed25519'),
  single('dkim-provider-1024'),
  single('dkim-testing'),
  single('dkim-selector-missing'),
  { name: 'dkim-unknown-selector', config: { domains: [{ from: 'dkim-unknown-selector.example' }] } },
  { name: 'dkim-probed', config: { domains: [{ from: 'dkim-probed.example' }] } },
  { name: 'dkim-retired', config: { domains: [{ from: 'dkim-retired.example' }] } },

  // DMARC
  single('dmarc-none'),
  single('dmarc-missing'),
  single('dmarc-two-records'),
  single('dmarc-pct'),
  single('dmarc-pct-100'),
  // The From domain's own _dmarc is NXDOMAIN (certain); the level above answers REFUSED.
  {
    name: 'dmarc-parent-refused',
    config: { domains: [{ from: 'mail.dmarc-parent-refused.example', dkim: [{ selector: 's1' }] }] },
    faults: [{ name: '_dmarc.dmarc-parent-refused.example', type: 'TXT', fault: 'refused' }],
  },
  single('dmarc-unauthorised-rua'),
  single('dmarc-rua-servfail', {}, [{ name: 'dmarc-rua-servfail.example._report._dmarc.reports.example', type: 'TXT', fault: 'servfail' }]),
  single('dmarc-t-y'),
  { name: 'dmarc-rua-no-mailto', config: { requirePolicy: 'reject', domains: [domain('dmarc-rua-no-mailto')] } },

  // alignment, MX, reverse DNS
  {
    name: 'misaligned',
    config: { domains: [{ from: 'misaligned.example', returnPath: 'bounces.esp.example', dkim: [{ selector: 's1', domain: 'esp.example' }], sendingIps: ['192.0.2.140'] }] },
  },
  // Sample campaign through SendGrid without domain authentication: Return-Path and d= are SendGrid's.
  { name: 'esp-signed', config: { domains: [{ from: 'esp-signed.example' }], sampleMessages: ['messages/esp-signed.eml'] } },
  // Only Shopify's legacy SPF include, which authorises nobody; no sending IPs, no selectors.
  { name: 'shopify-spf-only', config: { domains: [{ from: 'shopify-spf-only.example' }] } },
  // Three streams of one From domain: two named, one told apart by its Return-Path and selector.
  {
    name: 'multi-stream',
    config: {
      domains: [
        { name: 'staff', from: 'multi-stream.example', dkim: [{ selector: 'google' }], sendingIps: ['209.85.220.41'] },
        { name: 'marketing', from: 'multi-stream.example', returnPath: 'send.multi-stream.example', dkim: [{ selector: 'kl' }], sendingIps: ['192.0.2.161'] },
        { from: 'multi-stream.example', returnPath: 'notify.multi-stream.example', dkim: [{ selector: 's1' }] },
      ],
      sampleMessages: ['messages/multi-notify.eml'],
    },
  },
  single('no-mx'),
  single('implicit-mx'),
  single('null-mx'),
  single('ptr-not-confirmed', { sendingIps: ['192.0.2.20', '192.0.2.22'] }),
  single('ptr-generic', { sendingIps: ['192.0.2.30'] }),

  // TLS-RPT, BIMI, MTA-STS
  single('tls-rpt-invalid'),
  single('bimi-http-logo'),
  single('mta-sts-testing'),
  single('mta-sts-mx-uncovered'),
  single('mta-sts-policy-404'),
  single('mta-sts-invalid-policy'),
  single('mta-sts-bad-cert'),
  single('mta-sts-no-host'),

  // sample messages
  { name: 'one-click-missing', config: { domains: [domain('one-click-missing')], sampleMessages: ['messages/one-click-missing.eml'] } },

  // DNS trouble: every name the audit asks about fails, so every DNS rule must say "could not check"
  single('dns-servfail', { sendingIps: ['192.0.2.40'] }, [...faultsOnDomain('dns-servfail.example', 'servfail'), { name: '40.2.0.192.in-addr.arpa', fault: 'servfail' }]),
  single('dns-timeout', { sendingIps: ['192.0.2.41'] }, [...faultsOnDomain('dns-timeout.example', 'drop'), { name: '41.2.0.192.in-addr.arpa', fault: 'drop' }]),
];

const policy = (mode: string, mx: string[]): PolicyReply => ({
  status: 200,
  body: ['version: STSv1', `mode: ${mode}`, ...mx.map((host) => `mx: ${host}`), 'max_age: 604800', ''].join('\r\n'),
});

/** What the recording's HTTPS server answers at each mta-sts host; any other host gets a 404. */
export const STS_POLICIES: Readonly<Record<string, PolicyReply>> = {
  'mta-sts.good.example': policy('enforce', ['mx1.good.example', 'mx2.good.example']),
  'mta-sts.mta-sts-testing.example': policy('testing', ['mx1.mta-sts-testing.example']),
  'mta-sts.mta-sts-mx-uncovered.example': policy('enforce', ['mail.old-provider.example']),
  'mta-sts.mta-sts-invalid-policy.example': { status: 200, body: 'version: STSv2\r\nmode: enforce\r\nmx: mx1.mta-sts-invalid-policy.example\r\n' },
  // A valid policy behind a certificate that does not name the host: the TLS error is the only problem.
  'mta-sts.mta-sts-bad-cert.example': policy('enforce', ['mx1.mta-sts-bad-cert.example']),
};
