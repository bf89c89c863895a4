import type { DnsOutcome, Lookup } from '../../../src/dns/types.js';
import { isDnsTrouble } from '../dns-seen.js';
import { normalizeDomain, pslOrgDomainOf, type OrgDomainOf } from '../domains.js';
import { isDmarcRecord, type DmarcRecord } from './parse.js';

/**
 * External report destinations (RFC 9990 §3.2.3; formerly RFC 7489 §7.1): a receiver sends reports
 * to an address in another organization only if that organization publishes
 * `<policy-domain>._report._dmarc.<destination-domain>` TXT "v=DMARC1". A wildcard
 * `*._report._dmarc.<destination-domain>` answers the same query through DNS, so it needs no extra
 * query here.
 */

export type ReportAuthorisationStatus =
  /** same organizational domain as the policy domain: no authorisation needed */
  | 'internal'
  | 'authorised'
  | 'not-authorised'
  /** the DNS query failed: reports may or may not be sent */
  | 'could-not-check';

export interface ReportDestination {
  tag: 'rua' | 'ruf';
  uri: string;
  address: string;
  domain: string;
  status: ReportAuthorisationStatus;
  /** The name asked about, for external destinations. */
  queried?: string;
  outcome?: DnsOutcome;
  error?: string;
  /** The v=DMARC1 records found there. */
  records?: string[];
}

type Verdict = Pick<ReportDestination, 'status' | 'queried' | 'outcome' | 'error' | 'records'>;

const askDestination = async (lookup: Lookup, policyDomain: string, destination: string, signal?: AbortSignal): Promise<Verdict> => {
  const queried = `${policyDomain}._report._dmarc.${destination}`;
  const response = await lookup.query(queried, 'TXT', signal);
  const base = { queried, outcome: response.outcome };
  if (isDnsTrouble(response)) return { ...base, status: 'could-not-check', ...(response.error !== undefined && { error: response.error }) };
  const records = response.records.flatMap((record) => (record.type === 'TXT' && isDmarcRecord(record.value) ? [record.value] : []));
  return { ...base, status: records.length > 0 ? 'authorised' : 'not-authorised', records };
};

/**
 * Checks every mailto: destination of rua= and ruf=. `orgDomainOf` decides "external" (the PSL by
 * default, as checkdmarc does; pass RFC 9989 tree-walk results to follow psd= boundaries instead);
 * an unknown organizational domain counts as external, since asking is cheap and harmless.
 * Each destination domain is asked about once. Rejects only when `signal` aborts.
 */
export const checkReportDestinations = async (
  lookup: Lookup,
  policyDomain: string,
  record: Pick<DmarcRecord, 'rua' | 'ruf'>,
  options: { orgDomainOf?: OrgDomainOf; signal?: AbortSignal } = {},
): Promise<ReportDestination[]> => {
  const orgDomainOf = options.orgDomainOf ?? pslOrgDomainOf;
  const policy = normalizeDomain(policyDomain);
  const policyOrg = orgDomainOf(policy);
  const verdicts = new Map<string, Promise<Verdict>>();
  const verdictFor = (destination: string): Promise<Verdict> => {
    const destinationOrg = orgDomainOf(destination);
    if (policyOrg !== undefined && destinationOrg === policyOrg) return Promise.resolve({ status: 'internal' });
    let verdict = verdicts.get(destination);
    if (verdict === undefined) {
      verdict = askDestination(lookup, policy, destination, options.signal);
      verdicts.set(destination, verdict);
    }
    return verdict;
  };
  const destinations = (['rua', 'ruf'] as const).flatMap((tag) =>
    record[tag].flatMap((uri) => (uri.scheme === 'mailto' && uri.address && uri.domain ? [{ tag, uri: uri.uri, address: uri.address, domain: uri.domain }] : [])),
  );
  return Promise.all(destinations.map(async (destination) => ({ ...destination, ...(await verdictFor(destination.domain)) })));
};
