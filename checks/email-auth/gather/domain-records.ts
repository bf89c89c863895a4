import type { Lookup } from '../../../src/dns/types.js';
import type { DomainArtifact } from '../artifact.js';
import { recordsStartingWith, toSeen } from '../dns-seen.js';
import { fetchStsPolicy, type StsFetchOptions } from './sts-policy.js';

type TransportRecords = Pick<DomainArtifact, 'mx' | 'mtaSts' | 'tlsRpt' | 'bimi'>;

/** MX, MTA-STS (record and policy), TLS-RPT and BIMI of one From domain. */
export const gatherTransportRecords = async (
  from: string,
  returnPath: string,
  dns: Lookup,
  sts: StsFetchOptions,
): Promise<TransportRecords> => {
  const { signal } = sts;
  const mxDomains = from === returnPath ? [from] : [from, returnPath];
  const [mx, stsTxt, tlsRpt, bimi] = await Promise.all([
    Promise.all(mxDomains.map(async (domain) => ({ domain, answer: toSeen(await dns.query(domain, 'MX', signal)) }))),
    dns.query(`_mta-sts.${from}`, 'TXT', signal).then(toSeen),
    dns.query(`_smtp._tls.${from}`, 'TXT', signal).then(toSeen),
    dns.query(`default._bimi.${from}`, 'TXT', signal).then(toSeen),
  ]);
  // The policy file is fetched only where the domain announces one: no HTTPS to hosts that never asked.
  const policy = recordsStartingWith(stsTxt, 'v=STSv1').length > 0 ? await fetchStsPolicy(from, dns, sts) : undefined;
  return { mx, mtaSts: policy ? { txt: stsTxt, policy } : { txt: stsTxt }, tlsRpt, bimi };
};
