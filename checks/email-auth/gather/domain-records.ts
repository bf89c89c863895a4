import type { Lookup } from '../../../src/dns/types.js';
import type { DomainArtifact } from '../artifact.js';
import { recordsStartingWith, toSeen, type DnsSeen } from '../dns-seen.js';
import { fetchStsPolicy, type StsFetchOptions } from './sts-policy.js';

type TransportRecords = Pick<DomainArtifact, 'mx' | 'implicitMx' | 'mtaSts' | 'tlsRpt' | 'bimi'>;

/** With no MX, mail goes to the domain's own address (RFC 5321 §5.1): asked only when the MX answer is NODATA. */
const implicitMx = async (from: string, mx: DnsSeen, dns: Lookup, signal: AbortSignal): Promise<Pick<DomainArtifact, 'implicitMx'>> =>
  mx.outcome === 'nodata' ? { implicitMx: await Promise.all((['A', 'AAAA'] as const).map(async (type) => toSeen(await dns.query(from, type, signal)))) } : {};

/**
 * MX, MTA-STS (record and policy), TLS-RPT and BIMI of one From domain. The envelope domain's MX is not
 * asked: bounces come back to the provider's servers, not through the domain's MX, and an ESP's bounce
 * domain is not the store's to fix.
 */
export const gatherTransportRecords = async (from: string, dns: Lookup, sts: StsFetchOptions): Promise<TransportRecords> => {
  const { signal } = sts;
  const [mxAnswer, stsTxt, tlsRpt, bimi] = await Promise.all([
    dns.query(from, 'MX', signal).then(toSeen),
    dns.query(`_mta-sts.${from}`, 'TXT', signal).then(toSeen),
    dns.query(`_smtp._tls.${from}`, 'TXT', signal).then(toSeen),
    dns.query(`default._bimi.${from}`, 'TXT', signal).then(toSeen),
  ]);
  // The policy file is fetched only where the domain announces one: no HTTPS to hosts that never asked.
  const policy = recordsStartingWith(stsTxt, 'v=STSv1').length > 0 ? await fetchStsPolicy(from, dns, sts) : undefined;
  return { mx: [{ domain: from, answer: mxAnswer }], ...(await implicitMx(from, mxAnswer, dns, signal)), mtaSts: policy ? { txt: stsTxt, policy } : { txt: stsTxt }, tlsRpt, bimi };
};
