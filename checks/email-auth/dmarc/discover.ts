import type { DnsOutcome, Lookup } from '../../../src/dns/types.js';
import { isAbsent, isDnsTrouble } from '../dns-seen.js';
import { normalizeDomain, pslOrganizationalDomain } from '../domains.js';
import type { DmarcParse, Policy } from './parse.js';
import { hasSingleRecord, queryDmarc, type DmarcQuery } from './query.js';
import { organizationalDomainFrom, walkTree, type OrgDomainDecision, type TreeWalk } from './tree-walk.js';

/**
 * DMARC policy discovery for a From domain, two ways: RFC 9989 (the DNS tree walk, what current
 * receivers do) and RFC 7489 (the Public Suffix List, what older receivers still do). Receivers are
 * mixed, so the report shows both when they differ. All DNS goes through the given Lookup.
 */

export type PolicySource =
  /** the From domain's own record: p= applies */
  | 'author'
  /** the organizational domain's record: sp= applies (np= when the From domain does not exist) */
  | 'organizational'
  /** RFC 9989 only: no organizational record, so the public suffix domain's psd=y record applies */
  | 'psd';

export type PolicyDecision =
  | {
      status: 'found';
      source: PolicySource;
      /** Where the record is published (without `_dmarc.`). */
      domain: string;
      record: string;
      parsed: DmarcParse;
      tagApplied: 'p' | 'sp';
      /** The policy that tag asks for (its default when absent or invalid). */
      policy: Policy;
      /** For sp: what np= asks for From domains that do not exist. */
      nonExistentDomainPolicy?: Policy;
    }
  | {
      status: 'none';
      /**
       * The From domain's own `_dmarc` answer is certain (NXDOMAIN or NODATA), but a name above it could
       * not be asked: the walk is unfinished, yet no record applies that q4check can see.
       */
      unfinishedWalk?: { name: string; outcome: DnsOutcome; error?: string };
    }
  /** RFC 7489 §6.6.3 step 5: more than one record ends discovery, so no DMARC applies. */
  | { status: 'multiple-records'; domain: string }
  | { status: 'dns-error'; name: string; outcome: DnsOutcome; error?: string };

export interface DiscoveryProblem {
  code: 'multiple-records' | 'near-miss';
  /** The `_dmarc.` name concerned. */
  name: string;
  message: string;
}

export interface DmarcDiscovery {
  domain: string;
  rfc9989: { walk: TreeWalk; organizationalDomain: OrgDomainDecision; policy: PolicyDecision };
  rfc7489: { organizationalDomain: string; queries: DmarcQuery[]; policy: PolicyDecision };
  /** Misconfigurations seen at any name asked about, each once. */
  problems: DiscoveryProblem[];
}

const dnsError = (query: DmarcQuery): PolicyDecision => ({
  status: 'dns-error',
  name: query.name,
  outcome: query.outcome,
  ...(query.error !== undefined && { error: query.error }),
});

const decision = (query: DmarcQuery & { record: string; parsed: DmarcParse }, source: PolicySource): PolicyDecision => {
  const record = query.parsed.record;
  // Unreachable for a value that passed isDmarcRecord; keeps the type honest without a cast.
  if (record === undefined) return { status: 'none' };
  const base = { status: 'found' as const, source, domain: query.domain, record: query.record, parsed: query.parsed };
  return source === 'author'
    ? { ...base, tagApplied: 'p', policy: record.p }
    : { ...base, tagApplied: 'sp', policy: record.sp, nonExistentDomainPolicy: record.np };
};

/**
 * RFC 9989 §4.10.1: the From domain's own record; else the organizational domain's; else, when the
 * walk stopped at a public suffix (psd=y) and the organization publishes nothing, the PSD's.
 */
const policyFromWalk = (walk: TreeWalk, org: OrgDomainDecision): PolicyDecision => {
  const author = walk.steps[0];
  if (author !== undefined && hasSingleRecord(author)) return decision(author, 'author');
  if (walk.failure !== undefined) {
    const { name, outcome, error } = walk.failure;
    // The From domain's own answer is certain (NXDOMAIN or NODATA): it has no record, whatever the trouble above.
    const certain = author !== undefined && author !== walk.failure && isAbsent(author);
    return certain ? { status: 'none', unfinishedWalk: { name, outcome, ...(error !== undefined && { error }) } } : dnsError(walk.failure);
  }
  if (org.status !== 'found' || org.rule === 'no-record') return { status: 'none' };
  const orgStep = walk.steps.find((step) => step.domain === org.domain);
  if (orgStep !== undefined && hasSingleRecord(orgStep)) return decision(orgStep, 'organizational');
  const psdStep = walk.steps.find((step) => step.domain === org.psdDomain);
  return psdStep !== undefined && hasSingleRecord(psdStep) ? decision(psdStep, 'psd') : { status: 'none' };
};

/** RFC 7489 §6.6.3: the From domain's record set; if empty, the PSL organizational domain's. */
const policyByPsl = (from: DmarcQuery, org: DmarcQuery | undefined): PolicyDecision => {
  for (const [query, source] of [[from, 'author'], [org, 'organizational']] as const) {
    if (query === undefined) break;
    if (isDnsTrouble(query)) return dnsError(query);
    if (query.records.length > 1) return { status: 'multiple-records', domain: query.domain };
    if (hasSingleRecord(query)) return decision(query, source);
  }
  return { status: 'none' };
};

const problemsIn = (queries: DmarcQuery[]): DiscoveryProblem[] => {
  const problems = new Map<string, DiscoveryProblem>();
  for (const query of queries) {
    if (query.records.length > 1) {
      problems.set(`m:${query.name}`, {
        code: 'multiple-records',
        name: query.name,
        message: `multiple records: ${query.name} has ${query.records.length} v=DMARC1 records, so receivers discard all of them`,
      });
    }
    for (const miss of query.nearMisses) {
      problems.set(`n:${query.name}:${miss.text}`, {
        code: 'near-miss',
        name: query.name,
        message: `${query.name} has a TXT record that is not a valid DMARC record (${miss.reason}): ${miss.text}`,
      });
    }
  }
  return [...problems.values()];
};

/** Both views of the DMARC policy for mail From `fromDomain`. Rejects only when `signal` aborts. */
export const discoverDmarc = async (lookup: Lookup, fromDomain: string, options: { signal?: AbortSignal } = {}): Promise<DmarcDiscovery> => {
  const domain = normalizeDomain(fromDomain);
  const walk = await walkTree(lookup, domain, options.signal);
  const organizationalDomain = organizationalDomainFrom(walk);

  // The RFC 7489 view asks two of the same names; reuse the walk's answers rather than ask again.
  const asked = new Map(walk.steps.map((step) => [step.domain, step]));
  const ask = async (name: string): Promise<DmarcQuery> => asked.get(name) ?? (await queryDmarc(lookup, name, options.signal));
  const pslOrg = pslOrganizationalDomain(domain);
  const fromQuery = await ask(domain);
  const needsOrg = fromQuery.records.length === 0 && !isDnsTrouble(fromQuery) && pslOrg !== domain;
  const orgQuery = needsOrg ? await ask(pslOrg) : undefined;
  const pslQueries = orgQuery === undefined ? [fromQuery] : [fromQuery, orgQuery];

  return {
    domain,
    rfc9989: { walk, organizationalDomain, policy: policyFromWalk(walk, organizationalDomain) },
    rfc7489: { organizationalDomain: pslOrg, queries: pslQueries, policy: policyByPsl(fromQuery, orgQuery) },
    problems: problemsIn([...walk.steps, ...pslQueries]),
  };
};
