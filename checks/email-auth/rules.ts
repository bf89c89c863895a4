import type { RuleMeta } from '../../src/engine/define-check.js';

export const rules = {
  'spf-record': {
    title: 'The envelope domain publishes exactly one valid SPF record',
    failureTitle: 'The SPF record is missing, duplicated or invalid',
    severity: 'high',
    description:
      'Receivers look up one `v=spf1` TXT record at the envelope (Return-Path) domain. None means SPF cannot pass; two or more, or a syntax error, is a permanent error that fails SPF for every message. A record near the 512-byte UDP limit risks truncation.',
    fix: 'Publish a single TXT record starting with `v=spf1` at the envelope domain, merging any duplicates, and fix the syntax errors listed.',
    ref: 'RFC 7208 §3.2, §4.5, §3.4',
  },
  'spf-lookup-limit': {
    title: 'SPF stays within 10 DNS lookups',
    failureTitle: 'SPF needs more than 10 DNS lookups',
    severity: 'high',
    description:
      'Evaluating include, a, mx, ptr, exists and redirect terms may cost at most 10 DNS lookups; the 11th is a permanent error, so SPF fails for all mail. Each MX or PTR term may also resolve at most 10 host names, and an include or redirect loop never ends (it fails too). exp= does not count.',
    fix: 'Remove includes of services you no longer use, replace a and mx terms with ip4/ip6 ranges, or split senders onto subdomains with their own records.',
    ref: 'RFC 7208 §4.6.4',
  },
  'spf-void-lookups': {
    title: 'SPF has at most 2 void lookups',
    failureTitle: 'SPF has more than 2 void lookups',
    severity: 'high',
    description:
      'A lookup that answers NXDOMAIN or no records is void. More than two in one evaluation is a permanent error; they usually come from includes of services that were shut down.',
    fix: 'Remove the terms whose names no longer exist (listed in the evidence).',
    ref: 'RFC 7208 §4.6.4',
  },
  'spf-all-qualifier': {
    title: 'SPF ends with a failing all',
    failureTitle: 'SPF lets unlisted senders pass or stay neutral',
    severity: 'high',
    description:
      '`+all` authorises every host on the internet; `?all` or a record with no `all` leaves unlisted senders neutral, which protects nothing. `~all` (softfail) with DMARC enforcement, or `-all`, are what receivers expect.',
    fix: 'End the record with `-all` (or `~all` while DMARC enforces), never `+all` or `?all`.',
    ref: 'RFC 7208 §5.1, §8',
  },
  'spf-authorizes-ips': {
    title: 'SPF authorises every sending IP',
    failureTitle: 'SPF does not authorise a sending IP',
    severity: 'critical',
    description: 'check_host() is run for each listed sending IP against the envelope domain; anything but pass means mail from that IP fails SPF.',
    fix: "Add the IP (ip4:/ip6:) or the sending provider's include to the envelope domain's SPF record.",
    ref: 'RFC 7208 §4',
  },
  'dkim-record': {
    title: 'DKIM keys are published for the signing selectors',
    failureTitle: 'A DKIM key is missing, revoked or invalid',
    severity: 'high',
    description:
      'Receivers fetch the public key at `<selector>._domainkey.<domain>` (often a CNAME to the sending provider). A missing key, an empty `p=` (revoked) or a broken record fails DKIM; `t=y` marks the domain as testing.',
    fix: 'Publish the key your sending provider gives for the selector (or the CNAME it asks for), and remove t=y once signing works.',
    ref: 'RFC 6376 §3.6.1, §3.6.2; RFC 8463',
  },
  'dkim-key-size': {
    title: 'DKIM keys are strong enough',
    failureTitle: 'A DKIM key is too short',
    severity: 'high',
    description: 'RSA keys under 1024 bits are rejected by Gmail and others; 1024 is the minimum and 2048 is recommended. Ed25519 keys are accepted.',
    fix: 'Rotate to a 2048-bit RSA key (or add an Ed25519 selector beside an RSA one).',
    ref: 'RFC 8301 §3.2; Gmail sender guidelines',
  },
  'dmarc-record': {
    title: 'The From domain has one valid DMARC record',
    failureTitle: 'The DMARC record is missing or invalid',
    severity: 'high',
    description:
      'DMARC is found by the RFC 9989 DNS tree walk from `_dmarc.<From domain>`. More than one record, a record not starting with `v=DMARC1` or invalid tag values make receivers ignore it. `rf` and `ri` were removed by RFC 9989 (`pct` has its own rule, email-auth/dmarc-pct).',
    fix: 'Publish exactly one TXT record at `_dmarc.<domain>` starting with `v=DMARC1; p=…`, and drop rf/ri.',
    ref: 'RFC 9989 §4.7, §4.10; RFC 7489',
  },
  'dmarc-pct': {
    title: 'The DMARC policy applies to all mail at every receiver',
    failureTitle: 'The DMARC policy differs by receiver (pct= below 100)',
    severity: 'medium',
    description:
      'RFC 7489 receivers apply the policy to the `pct` percentage of failing mail only; RFC 9989 removed `pct`, so its receivers apply the policy to all of it. A `pct` under 100 makes the same spoofed message quarantined at one mailbox provider and delivered at another: RFC 7489 receivers enforce the policy on that share and give the rest the next weaker policy (reject → quarantine, quarantine → none). `pct=100` is the default and changes nothing.',
    fix: 'Drop pct= (or set it to 100) once aggregate reports show your legitimate mail passes; use t=y, not pct=, to test a policy.',
    ref: 'RFC 7489 §6.3; RFC 9989 §4.7',
  },
  'dmarc-policy-strength': {
    title: 'The DMARC policy is strong enough for the peak',
    failureTitle: 'The DMARC policy is weaker than required',
    severity: 'high',
    description:
      'Gmail, Yahoo and Microsoft require a DMARC policy for bulk senders; `p=none` only monitors. The policy that applies to the From domain (p, sp or np, with t=y counting one level weaker) is compared with `requirePolicy`, the store\'s own minimum: anything weaker fails.',
    fix: 'Move to p=quarantine (then reject) once aggregate reports show your legitimate mail passes.',
    ref: 'RFC 9989 §4.7; Gmail, Yahoo and Microsoft sender requirements',
  },
  'dmarc-report-destination': {
    title: 'DMARC report destinations accept the reports',
    failureTitle: 'DMARC reports go nowhere',
    severity: 'medium',
    description:
      'Reports sent to another domain are dropped unless that domain publishes `<policy domain>._report._dmarc.<destination>` with v=DMARC1. A rua=/ruf= value that is not a `mailto:` URI (an address pasted without the prefix) is discarded by receivers: no reports, though the policy stays in force.',
    fix: 'Write each destination as mailto:<address>, and ask an external report processor to publish the authorisation record (or send reports to an address on your own domain).',
    ref: 'RFC 9990 §3.2.3 (formerly RFC 7489 §7.1)',
  },
  alignment: {
    title: 'DMARC can pass through an aligned identifier',
    failureTitle: 'No identifier aligns with the From domain',
    severity: 'critical',
    description:
      'DMARC passes only when SPF passes for an envelope domain, or DKIM for a d= domain, that aligns with From (same organisational domain in relaxed mode, the same name in strict). Without alignment, authenticated mail still fails DMARC. Each stream is judged from evidence: only identifiers the profile declares or a sample message shows can pass; an assumed Return-Path, SPF without sending IPs or a probed key is at best a warning.',
    fix: 'Use a Return-Path on your own domain (a custom bounce domain at the provider) and sign with d= your domain.',
    ref: 'RFC 9989 §4.4',
  },
  'mx-record': {
    title: 'The From domain receives mail',
    failureTitle: 'The From domain has no working MX',
    severity: 'medium',
    description:
      'Replies and feedback to the From domain need somewhere to go; some receivers reject mail from domains that cannot receive any. A null MX (`0 .`) says the domain takes no mail; no MX but an address is implicit MX (RFC 5321 §5.1). The envelope domain is the sending provider\'s, so it is not judged.',
    fix: 'Publish MX records for the From domain (or send from a domain that has them).',
    ref: 'RFC 5321 §5, §5.1; RFC 7505',
  },
  'reverse-dns': {
    title: 'Sending IPs have forward-confirmed reverse DNS',
    failureTitle: 'A sending IP lacks forward-confirmed reverse DNS',
    severity: 'high',
    description: 'Gmail and Yahoo require a PTR name for each sending IP that resolves back to the same IP (FCrDNS). Generic or missing names are throttled or rejected.',
    fix: 'Ask the IP owner (your provider) to set a PTR record to a name of yours that resolves back to the IP.',
    ref: 'Gmail sender guidelines; Yahoo sender requirements; RFC 8601 §2.7.3',
  },
  'mta-sts': {
    title: 'MTA-STS is published and consistent',
    failureTitle: 'MTA-STS is not published or not in force',
    severity: 'low',
    description:
      'MTA-STS tells senders to require TLS when delivering to the domain. A `_mta-sts` TXT record without a reachable, valid policy at `https://mta-sts.<domain>/.well-known/mta-sts.txt`, or a policy that does not cover the MX hosts, breaks inbound mail for senders that honour it.',
    fix: 'Serve a valid policy file over HTTPS whose mx: lines match the MX hosts, and bump the id in the TXT record on each change.',
    ref: 'RFC 8461',
  },
  'tls-rpt': {
    title: 'TLS reporting is published',
    failureTitle: 'TLS reports are not published or go nowhere',
    severity: 'low',
    description: 'A `_smtp._tls` TXT record (v=TLSRPTv1; rua=…) brings reports of TLS delivery failures; without one, MTA-STS problems go unseen.',
    fix: 'Publish `v=TLSRPTv1; rua=mailto:tls-reports@<domain>` at `_smtp._tls.<domain>`.',
    ref: 'RFC 8460 §3',
  },
  bimi: {
    title: 'BIMI is valid where published',
    failureTitle: 'The BIMI record is invalid',
    severity: 'low',
    description: 'BIMI shows the brand logo in supporting inboxes; it requires DMARC enforcement (quarantine or reject) and an HTTPS SVG logo (l=) and, for Gmail, a mark certificate (a=).',
    fix: 'Publish `v=BIMI1; l=https://…/logo.svg; a=https://…/vmc.pem` at `default._bimi.<domain>` once DMARC enforces.',
    ref: 'draft-brand-indicators-for-message-identification',
  },
  'bulk-sender-readiness': {
    title: 'The domain meets the bulk-sender rules DNS can show',
    failureTitle: 'The domain misses bulk-sender rules',
    severity: 'critical',
    description:
      'Gmail and Yahoo (from 5,000 messages a day to their users) and Microsoft (above 5,000 a day) require SPF and DKIM, a DMARC policy of at least none, From aligned with SPF or DKIM, forward-confirmed reverse DNS, TLS, one-click unsubscribe and a spam rate under 0.3%. DNS shows some of these; the rest need a sample message or the providers’ dashboards.',
    fix: 'Fix the failing points listed; give `sampleMessages` to check one-click unsubscribe and the DKIM signature of real mail.',
    ref: 'Gmail sender guidelines; Yahoo sender requirements; Microsoft Outlook high-volume sender requirements (May 2025)',
  },
  'one-click-unsubscribe': {
    title: 'Sample messages offer one-click unsubscribe',
    failureTitle: 'A sample message lacks one-click unsubscribe',
    severity: 'high',
    description: 'Gmail and Yahoo require marketing mail to carry `List-Unsubscribe` with an https URL and `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058), covered by the DKIM signature.',
    fix: 'Add both headers to every marketing message (your ESP has a setting for it) and sign them with DKIM.',
    ref: 'RFC 8058; Gmail sender guidelines',
  },
} satisfies Record<string, RuleMeta>;

export type EmailAuthRule = keyof typeof rules;
