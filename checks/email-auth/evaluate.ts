import type { EvaluateContext } from '../../src/engine/define-check.js';
import type { EmailAuthArtifact } from './artifact.js';
import type { EmailAuthConfig } from './config.js';
import { alignment } from './evaluate/alignment.js';
import { bimi } from './evaluate/bimi.js';
import { bulkSenderReadiness } from './evaluate/bulk-sender-readiness.js';
import { dkimKeySize } from './evaluate/dkim-key-size.js';
import { dkimRecord } from './evaluate/dkim-record.js';
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

/** Pure: one function per rule over the gathered DNS answers, composed here. */
export const evaluate = (artifact: EmailAuthArtifact, config: EmailAuthConfig, _ctx: EvaluateContext): EmailAuthVerdict[] => {
  const { domains } = artifact;
  return [
    ...spfRecord(domains),
    ...spfLookupLimit(domains),
    ...spfVoidLookups(domains),
    ...spfAllQualifier(domains),
    ...spfAuthorizesIps(domains),
    ...dkimRecord(domains),
    ...dkimKeySize(domains),
    ...dmarcRecord(domains),
    ...dmarcPolicyStrength(domains, config.requirePolicy),
    ...dmarcReportDestination(domains),
    ...alignment(artifact),
    ...mxRecord(domains),
    ...reverseDns(domains),
    ...mtaSts(domains),
    ...tlsRptRule(domains),
    ...bimi(domains),
    ...bulkSenderReadiness(artifact, config.domains.map((domain) => domain.dailyVolume)),
    ...oneClickUnsubscribeRule(artifact),
  ];
};
