import { normalizeDomain } from '../domains.js';

/**
 * DKIM selectors cannot be discovered from DNS: a receiver learns one from the s= tag of a signed
 * message. When the profile names no selector, q4check probes these common ones, so a miss means
 * "not found among the probed selectors", never "this domain has no DKIM".
 *
 * Not guessable, so not probed (ask for the selector, or read s= from a sample message):
 * - Amazon SES Easy DKIM: three random 32-character tokens per identity (`<token>._domainkey`).
 * - Postmark today: a per-domain timestamped selector such as `20240101123456pm`; only very old
 *   setups used a bare `pm` (probed below).
 * - Mailgun, SparkPost, HubSpot and most others let the customer choose, or generate one per
 *   domain; the common choices are covered by the generic entries.
 * - Microsoft 365 keys may live at `<tenant>.onmicrosoft.com` (d= the tenant, not the store). Klaviyo's
 *   `kl`/`kl2` sit at the root domain, while its Return-Path is the sending subdomain (`send.example.com`).
 */

export interface SelectorGuess {
  selector: string;
  /** Who publishes keys under this selector (one provider per entry; shared names say so). */
  provider: string;
  /** Where the fact comes from, or why the guess is weak. */
  note: string;
}

/** The fixed part of the probe list, in probing order. */
export const COMMON_SELECTORS: readonly SelectorGuess[] = [
  { selector: 'google', provider: 'Google Workspace', note: 'default selector of the Admin console DKIM key' },
  { selector: 'selector1', provider: 'Microsoft 365', note: 'CNAME at the custom domain to the tenant key; active selector' },
  { selector: 'selector2', provider: 'Microsoft 365', note: 'CNAME at the custom domain; the rotation partner of selector1' },
  { selector: 'k1', provider: 'Mailchimp', note: 'k1._domainkey CNAME dkim.mcsv.net (classic single-record setup)' },
  // Secondary sources disagree on the current two-record pair (k1+k2 or k2+k3); all three are probed.
  { selector: 'k2', provider: 'Mailchimp', note: 'k2._domainkey CNAME dkim2.mcsv.net (two-record setup)' },
  { selector: 'k3', provider: 'Mailchimp', note: 'k3._domainkey CNAME dkim3.mcsv.net (two-record setup)' },
  // help.klaviyo.com article 4417768780827 (static routing): kl._domainkey.<root domain> CNAME kl.domainkey.u<id>.wl<n>.sendgrid.net.
  { selector: 'kl', provider: 'Klaviyo', note: 'branded sending domain, static routing: at the root domain, a CNAME to the key Klaviyo hosts at SendGrid (help.klaviyo.com article 4417768780827)' },
  { selector: 'kl2', provider: 'Klaviyo', note: 'second Klaviyo key, at the root domain like kl (same article)' },
  { selector: 's1', provider: 'SendGrid (Twilio)', note: 'automated security: s1._domainkey CNAME s1.domainkey.uNNN.wlNNN.sendgrid.net' },
  { selector: 's2', provider: 'SendGrid (Twilio)', note: 'rotation partner of s1' },
  { selector: 'smtpapi', provider: 'SendGrid (legacy)', note: 'manual (pre-automated-security) SendGrid setups' },
  { selector: 'mandrill', provider: 'Mandrill (Mailchimp Transactional)', note: 'mandrill._domainkey holds the Mandrill key' },
  { selector: 'mxvault', provider: 'MXVault (hosted mail)', note: 'seen in many public probe lists; no provider document found' },
  { selector: 'pm', provider: 'Postmark (old setups)', note: 'newer Postmark selectors are timestamped and not guessable' },
  { selector: 'dkim', provider: 'generic', note: 'common hand-picked name (cPanel, self-hosted MTAs)' },
  { selector: 'default', provider: 'generic', note: 'cPanel/OpenDKIM default' },
];

/**
 * Microsoft 365 signs with `s=selector1-<domain-with-dashes>` and `d=<tenant>.onmicrosoft.com` when
 * custom-domain DKIM is not enabled, and names the CNAME targets the same way; probing the derived
 * names at the domain itself finds keys published under them directly.
 */
const microsoftDerived = (domain: string): SelectorGuess[] => {
  const dashed = domain.replace(/\./g, '-');
  return ['selector1', 'selector2'].map((base) => ({
    selector: `${base}-${dashed}`,
    provider: 'Microsoft 365',
    note: `the tenant-side name of ${base} for ${domain} (dots replaced by dashes)`,
  }));
};

/** Selectors to probe for `domain` when the profile names none: the fixed list plus the Microsoft 365 derived pair. */
export const probeSelectors = (domain: string): SelectorGuess[] => {
  const name = normalizeDomain(domain);
  return name === '' ? [...COMMON_SELECTORS] : [...COMMON_SELECTORS, ...microsoftDerived(name)];
};

/** The DNS name of a selector's key record. */
export const keyRecordName = (selector: string, domain: string): string => `${selector}._domainkey.${normalizeDomain(domain)}`;
