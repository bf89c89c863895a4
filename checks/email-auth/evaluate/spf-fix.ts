import type { DomainArtifact } from '../artifact.js';
import type { SpfTreeNode } from '../spf/index.js';
import { authorisesAnyone } from './identifiers.js';

const LOOKUP_LIMIT = 10;

/** Providers whose include authorises nobody because they authenticate through records of their own. */
const OWN_RECORDS: Readonly<Record<string, string>> = {
  'shops.shopify.com':
    "Shopify authenticates a store's mail through the sender-authentication records its admin gives (Settings → Domains: CNAMEs at your domain), not through this include: publish those, and drop include:shops.shopify.com.",
};

/** The first include whose record can pass for nobody (`v=spf1 ~all`): listing it authorises no sender. */
const deadInclude = (node: SpfTreeNode): string | undefined => {
  for (const term of node.terms) {
    const target = term.child;
    if (target?.outcome !== 'found') continue;
    if (term.kind === 'include' && !authorisesAnyone(target)) return target.domain;
    const deeper = deadInclude(target);
    if (deeper !== undefined) return deeper;
  }
  return undefined;
};

/**
 * What to do about an IP SPF does not pass, from why it does not: adding an include is the wrong
 * advice past the lookup limit (it makes it worse), with two records (merge them), and for a provider
 * that authenticates through records of its own.
 */
export const spfFixFor = (domain: DomainArtifact, ip: string): string => {
  const { totals } = domain.spf;
  const where = domain.returnPath;
  if (totals.recordCount !== null && totals.recordCount > 1) {
    return `Merge the ${totals.recordCount} v=spf1 records at ${where} into one: while there are several, SPF is a permanent error for every IP, so adding ${ip} to either changes nothing.`;
  }
  if (totals.recordCount === 0) return `Publish one SPF record at ${where} that authorises ${ip} (ip4:/ip6:, or your sending provider's include).`;
  if (totals.syntaxErrors.length > 0) return `Fix the syntax errors in the SPF record of ${where} (${totals.syntaxErrors.map((error) => error.message).join('; ')}): until then SPF fails for every IP.`;
  if (totals.loops.length > 0) return `Remove the include loop (${totals.loops.join('; ')}) from the SPF record of ${where}: it is a permanent error for every IP.`;
  if (totals.lookups > LOOKUP_LIMIT) {
    return `The SPF record of ${where} needs ${totals.lookups} DNS lookups, over the limit of ${LOOKUP_LIMIT}: adding an include makes it worse. Remove includes of services you no longer use or replace them with ip4:/ip6: ranges, so ${ip} is reached within the limit.`;
  }
  const dead = deadInclude(domain.spf.tree);
  if (dead !== undefined) {
    return OWN_RECORDS[dead] ?? `include:${dead} authorises no sender: that provider authenticates through records of its own (usually CNAMEs it gives you); publish those, or add ${ip} itself with ip4:/ip6:.`;
  }
  // At the limit, another include would be the 11th lookup: an address costs none.
  if (totals.lookups >= LOOKUP_LIMIT) return `Add ${ip} with ip4:/ip6: to the SPF record of ${where}: it already uses all ${LOOKUP_LIMIT} lookups, so another include would break it.`;
  return `Add ${ip} (ip4:/ip6:) or the sending provider's include to the SPF record of ${where}.`;
};
