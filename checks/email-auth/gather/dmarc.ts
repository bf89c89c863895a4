import type { Lookup } from '../../../src/dns/types.js';
import type { DomainArtifact } from '../artifact.js';
import { discoverDmarc } from '../dmarc/discover.js';
import { checkReportDestinations } from '../dmarc/report-auth.js';

/** The policy both ways (RFC 9989 tree walk, RFC 7489 PSL) and the authorisation of its report addresses. */
export const gatherDmarc = async (from: string, dns: Lookup, signal: AbortSignal): Promise<Pick<DomainArtifact, 'dmarc' | 'reportDestinations'>> => {
  const dmarc = await discoverDmarc(dns, from, { signal });
  const policy = dmarc.rfc9989.policy;
  const record = policy.status === 'found' ? policy.parsed.record : undefined;
  const reportDestinations = record && policy.status === 'found' ? await checkReportDestinations(dns, policy.domain, record, { signal }) : [];
  return { dmarc, reportDestinations };
};
