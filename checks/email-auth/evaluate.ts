import type { EvaluateContext } from '../../src/engine/define-check.js';
import type { EmailAuthArtifact } from './artifact.js';
import type { EmailAuthConfig } from './config.js';
import { alignment } from './evaluate/alignment.js';
import { bimi } from './evaluate/bimi.js';
import { bulkSenderReadiness } from './evaluate/bulk-sender-readiness.js';
import { dkimKeySize } from './evaluate/dkim-key-size.js';
import { dkimRecord } from './evaluate/dkim-record.js';
import { dmarcPct } from './evaluate/dmarc-pct.js';
import { dmarcPolicyStrength } from './evaluate/dmarc-policy-strength.js';
import { dmarcRecord } from './evaluate/dmarc-record.js';
import { dmarcReportDestination } from './evaluate/dmarc-report-destination.js';
import { mtaSts } from './evaluate/mta-sts.js';
import { mxRecord } from './evaluate/mx-record.js';
import { oneClickUnsubscribeRule } from './evaluate/one-click-unsubscribe.js';
import { reverseDns } from './evaluate/reverse-dns.js';
import { spfAllQualifier } from './evaluate/spf-all-qualifier.js';
import { spfAuthorizesIps } from './evaluate/spf-authorizes-ips.js';
import { spfLookupLimit, spfVoidLookups } from './evaluate/spf-limits.js';
import { spfRecord } from './evaluate/spf-record.js';
import { tlsRpt as tlsRptRule } from './evaluate/tls-rpt.js';
import type { EmailAuthVerdict } from './evaluate/verdict.js';
import { dnsCauses } from './evaluate/causes.js';

/**
 * Streams of one From domain share its DMARC, MX and transport records (and often an envelope domain
 * and keys): the same rule over the same records gives the same verdict, which is reported once.
 */
const oncePerSubject = (verdicts: EmailAuthVerdict[]): EmailAuthVerdict[] => {
  const seen = new Set<string>();
  return verdicts.filter((verdict) => {
    const key = `${verdict.rule}\n${verdict.subject}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/** Pure: one function per rule over the gathered DNS answers, composed here. */
export const evaluate = (artifact: EmailAuthArtifact, config: EmailAuthConfig, _ctx: EvaluateContext): EmailAuthVerdict[] => {
  const { domains } = artifact;
  const causeOf = dnsCauses(artifact.queries.log);
  return oncePerSubject([
    ...spfRecord(domains, causeOf),
    ...spfLookupLimit(domains, causeOf),
    ...spfVoidLookups(domains, causeOf),
    ...spfAllQualifier(domains),
    ...spfAuthorizesIps(domains, causeOf),
    ...dkimRecord(domains, causeOf),
    ...dkimKeySize(domains),
    ...dmarcRecord(domains, causeOf),
    ...dmarcPct(domains),
    ...dmarcPolicyStrength(domains, config.requirePolicy, causeOf),
    ...dmarcReportDestination(domains, causeOf),
    ...alignment(artifact, causeOf),
    ...mxRecord(domains, causeOf),
    ...reverseDns(domains, causeOf),
    ...mtaSts(domains, causeOf),
    ...tlsRptRule(domains, causeOf),
    ...bimi(domains, causeOf),
    ...bulkSenderReadiness(artifact, config.domains.map((domain) => domain.dailyVolume), causeOf),
    ...oneClickUnsubscribeRule(artifact),
  ]);
};
