import type { DnsOutcome, Lookup } from '../../../src/dns/types.js';
import { isDnsTrouble } from '../dns-seen.js';
import { labelsOf, normalizeDomain } from '../domains.js';
import { hasSingleRecord, queryDmarc, type DmarcQuery } from './query.js';

/**
 * The RFC 9989 §4.10 DNS Tree Walk, which replaces the Public Suffix List: ask `_dmarc.<name>` for
 * the starting name, then for each parent up to and including the single-label one (so a TLD's
 * `psd=y` record is found), stopping at the first record carrying psd=y or psd=n.
 */

/** RFC 9989 §4.10: at most eight queries per walk. */
export const WALK_QUERY_BUDGET = 8;
/** A name longer than the budget jumps straight to this many labels after its own query. */
const JUMP_TO_LABELS = WALK_QUERY_BUDGET - 1;

/** The names a walk asks about, in order (pure): the start, then its parents within the budget. */
export const treeWalkDomains = (domain: string): string[] => {
  const labels = labelsOf(normalizeDomain(domain));
  if (labels.length === 0) return [];
  const names = [labels.join('.')];
  for (let count = Math.min(labels.length - 1, JUMP_TO_LABELS); count >= 1; count -= 1) names.push(labels.slice(-count).join('.'));
  return names;
};

export interface TreeWalk {
  start: string;
  /** The queries made, longest name first. */
  steps: DmarcQuery[];
  /** The query that failed (servfail, timeout…), which ended the walk; its result is unknown above it. */
  failure?: DmarcQuery;
}

/**
 * Walks from `domain` upward. A DNS failure stops the walk: the unasked names above it could hold
 * the psd= record that decides everything, so guessing past it would report a wrong answer.
 */
export const walkTree = async (lookup: Lookup, domain: string, signal?: AbortSignal): Promise<TreeWalk> => {
  const names = treeWalkDomains(domain);
  const steps: DmarcQuery[] = [];
  for (const name of names) {
    const step = await queryDmarc(lookup, name, signal);
    steps.push(step);
    if (isDnsTrouble(step)) return { start: names[0] ?? '', steps, failure: step };
    if (step.psd === 'y' || step.psd === 'n') break;
  }
  return { start: names[0] ?? '', steps };
};

/** How the organizational domain was chosen (RFC 9989 §4.10.2). */
export type OrgDomainRule =
  /** a record with psd=n: that domain is the organizational domain */
  | 'psd=n'
  /** a record with psd=y above the start: the domain one label below it */
  | 'below-psd=y'
  /** no psd tag: the record with the fewest labels */
  | 'fewest-labels'
  /** the walk found no record: the domain is its own organizational domain */
  | 'no-record';

export type OrgDomainDecision =
  | { status: 'found'; domain: string; rule: OrgDomainRule; /** for below-psd=y: the public suffix domain */ psdDomain?: string }
  | { status: 'dns-error'; name: string; outcome: DnsOutcome; error?: string };

const oneLabelBelow = (start: string, ancestor: string): string => {
  const labels = labelsOf(start);
  return labels.slice(-(labelsOf(ancestor).length + 1)).join('.');
};

/** RFC 9989 §4.10.2 applied to a finished walk (pure). */
export const organizationalDomainFrom = (walk: TreeWalk): OrgDomainDecision => {
  if (walk.failure !== undefined) {
    const { name, outcome, error } = walk.failure;
    return { status: 'dns-error', name, outcome, ...(error !== undefined && { error }) };
  }
  const found = walk.steps.filter(hasSingleRecord);
  for (const step of found) {
    if (step.psd === 'n') return { status: 'found', domain: step.domain, rule: 'psd=n' };
    // psd=y on the starting name itself is skipped: there is no name below it to be the organization.
    if (step.psd === 'y' && step.domain !== walk.start) {
      return { status: 'found', domain: oneLabelBelow(walk.start, step.domain), rule: 'below-psd=y', psdDomain: step.domain };
    }
  }
  const highest = found.at(-1);
  return highest === undefined
    ? { status: 'found', domain: walk.start, rule: 'no-record' }
    : { status: 'found', domain: highest.domain, rule: 'fewest-labels' };
};

/** The decided domain, or undefined after a DNS failure: the shape `orgDomainOfFrom` takes. */
export const decidedDomain = (decision: OrgDomainDecision): string | undefined => (decision.status === 'found' ? decision.domain : undefined);

/** The RFC 9989 organizational domain of any name (a From domain, a DKIM d=, a MAIL FROM domain). */
export const findOrganizationalDomain = async (
  lookup: Lookup,
  domain: string,
  signal?: AbortSignal,
): Promise<{ walk: TreeWalk; organizationalDomain: OrgDomainDecision }> => {
  const walk = await walkTree(lookup, domain, signal);
  return { walk, organizationalDomain: organizationalDomainFrom(walk) };
};
