import type { DomainArtifact } from '../artifact.js';
import type { SpfTreeNode } from '../spf/index.js';
import type { DnsCauseOf } from './causes.js';
import { costTreeJson, costTreeNode } from './spf-cost-tree.js';
import { hasSpfRecord } from './spf-record.js';
import type { EmailAuthVerdict } from './verdict.js';

const LOOKUP_LIMIT = 10;
const VOID_LIMIT = 2;
const MX_HOST_LIMIT = 10;
/** From this many lookups the include tree is drawn: one more include could tip the record over. */
export const TREE_FROM_LOOKUPS = LOOKUP_LIMIT - 2;

const wideMxTerms = (node: SpfTreeNode): string[] =>
  node.terms.flatMap((term) => [...((term.mxHosts ?? 0) > MX_HOST_LIMIT ? [`${term.term} in ${node.domain} (${term.mxHosts} hosts)`] : []), ...(term.child ? wideMxTerms(term.child) : [])]);

const noRecord = (rule: 'spf-lookup-limit' | 'spf-void-lookups', domain: DomainArtifact): EmailAuthVerdict => ({
  rule,
  status: 'skip',
  subject: domain.returnPath,
  message: `${domain.returnPath} has no usable SPF record to count (see email-auth/spf-record).`,
});

const dnsTroubleNote = (domain: DomainArtifact): string =>
  domain.spf.totals.dnsErrors.map((error) => `${error.type} ${error.name} ${error.outcome.toUpperCase()}`).join(', ');

/** Why a count is unfinished: the first question DNS did not answer, or the walk's size guard. */
const unfinishedCause = (domain: DomainArtifact, causeOf: DnsCauseOf): string => {
  const [first] = domain.spf.totals.dnsErrors;
  return first ? causeOf(first) : `check: the SPF tree of ${domain.returnPath} is too large to walk`;
};

const judgeLookups = (domain: DomainArtifact, causeOf: DnsCauseOf): EmailAuthVerdict => {
  if (!hasSpfRecord(domain)) return noRecord('spf-lookup-limit', domain);
  const { totals, tree } = domain.spf;
  const subject = domain.returnPath;
  const wide = wideMxTerms(tree);
  const evidence = { lookups: totals.lookups, macroTerms: totals.macroTerms, tree: costTreeJson(tree) };
  const drawn = totals.lookups >= TREE_FROM_LOOKUPS || totals.loops.length > 0 || wide.length > 0 ? { tree: costTreeNode(tree) } : {};
  const base = { rule: 'spf-lookup-limit', subject, expected: `≤ ${LOOKUP_LIMIT} DNS lookups; ≤ ${MX_HOST_LIMIT} hosts per mx`, ...drawn } as const;
  const macros = totals.macroTerms.length > 0 ? ` ${totals.macroTerms.length} term(s) with macros (${totals.macroTerms.join(', ')}) each cost a lookup but cannot be expanded without a real message.` : '';
  if (totals.lookups > LOOKUP_LIMIT) {
    return { ...base, status: 'fail', message: `Evaluating the SPF record of ${subject} takes ${totals.lookups} DNS lookups; the 11th is a permanent error, so SPF fails for every sender not matched before it.${macros}`, found: `${totals.lookups} lookups`, evidence };
  }
  // The tree counts a loop's terms once; check_host() goes round them until the limit.
  if (totals.loops.length > 0) {
    return { ...base, status: 'fail', message: `The SPF record of ${subject} leads back to itself (${totals.loops.join('; ')}): evaluation goes round until the ${LOOKUP_LIMIT}-lookup limit, a permanent error.`, found: `include loop: ${totals.loops.join('; ')}`, evidence };
  }
  if (wide.length > 0) {
    return { ...base, status: 'fail', message: `An mx term of ${subject}'s SPF resolves more than ${MX_HOST_LIMIT} hosts: ${wide.join('; ')}.`, found: wide.join('; '), evidence };
  }
  if (totals.dnsErrors.length > 0 || totals.truncated) {
    return { ...base, status: 'error', message: `Could not count every lookup of ${subject}'s SPF (${dnsTroubleNote(domain) || 'the tree is too large to walk'}); ${totals.lookups} counted so far.`, cause: unfinishedCause(domain, causeOf), evidence };
  }
  return { ...base, status: 'pass', message: `Evaluating the SPF record of ${subject} takes ${totals.lookups} of the ${LOOKUP_LIMIT} DNS lookups allowed.${macros}`, found: `${totals.lookups} lookups`, evidence };
};

const judgeVoids = (domain: DomainArtifact, causeOf: DnsCauseOf): EmailAuthVerdict => {
  if (!hasSpfRecord(domain)) return noRecord('spf-void-lookups', domain);
  const { totals, tree } = domain.spf;
  const subject = domain.returnPath;
  const base = { rule: 'spf-void-lookups', subject, expected: `≤ ${VOID_LIMIT} void lookups` } as const;
  const evidence = { voidLookups: totals.voidLookups, tree: costTreeJson(tree) };
  if (totals.voidLookups > VOID_LIMIT) {
    return { ...base, status: 'fail', message: `The SPF record of ${subject} has ${totals.voidLookups} lookups that find nothing (NXDOMAIN or no records); more than ${VOID_LIMIT} is a permanent error.`, found: `${totals.voidLookups} void lookups`, evidence };
  }
  if (totals.dnsErrors.length > 0) {
    return { ...base, status: 'error', message: `Could not check every lookup of ${subject}'s SPF (${dnsTroubleNote(domain)}); ${totals.voidLookups} void so far.`, cause: unfinishedCause(domain, causeOf), evidence };
  }
  return { ...base, status: 'pass', message: `The SPF record of ${subject} has ${totals.voidLookups} void lookup${totals.voidLookups === 1 ? '' : 's'}.`, found: `${totals.voidLookups} void`, evidence };
};

export const spfLookupLimit = (domains: DomainArtifact[], causeOf: DnsCauseOf): EmailAuthVerdict[] => domains.map((domain) => judgeLookups(domain, causeOf));
export const spfVoidLookups = (domains: DomainArtifact[], causeOf: DnsCauseOf): EmailAuthVerdict[] => domains.map((domain) => judgeVoids(domain, causeOf));
