import type { DomainArtifact } from '../artifact.js';
import { isDnsTrouble, recordsStartingWith } from '../dns-seen.js';
import { parseTlsRpt } from '../records/tls-rpt.js';
import type { DnsCauseOf } from './causes.js';
import { couldNotCheck, type EmailAuthVerdict } from './verdict.js';

const judgeDomain = (domain: DomainArtifact, causeOf: DnsCauseOf): EmailAuthVerdict => {
  const seen = domain.tlsRpt;
  const base = { rule: 'tls-rpt', subject: domain.from, expected: 'v=TLSRPTv1; rua=… at _smtp._tls' } as const;
  if (isDnsTrouble(seen)) return couldNotCheck('tls-rpt', domain.from, seen, causeOf);
  const records = recordsStartingWith(seen, 'v=TLSRPTv1');
  if (records.length === 0) {
    return { ...base, status: 'warn', message: `${domain.from} has not published TLS-RPT, so TLS delivery failures to it go unreported.`, found: 'not published' };
  }
  const problems = records.length > 1 ? ['more than one v=TLSRPTv1 record'] : parseTlsRpt(records[0]!).problems;
  if (problems.length > 0) {
    return { ...base, status: 'fail', message: `The TLS-RPT record of ${domain.from} is invalid: ${problems.join('; ')}.`, found: problems.join('; '), evidence: { records } };
  }
  return { ...base, status: 'pass', message: `${domain.from} receives TLS reports at ${parseTlsRpt(records[0]!).rua.join(', ')}.`, found: records[0], evidence: { records } };
};

export const tlsRpt = (domains: DomainArtifact[], causeOf: DnsCauseOf): EmailAuthVerdict[] => domains.map((domain) => judgeDomain(domain, causeOf));
