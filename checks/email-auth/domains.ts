import { domainToASCII } from 'node:url';
import { getDomain } from 'tldts';
import { normalizeName } from '../../src/dns/names.js';

/**
 * Domain-name helpers shared by DMARC discovery, report authorisation and alignment, so every part
 * of the email-auth check compares names the same way.
 */

/**
 * Lower-case A-label form without the trailing dot, or '' when the input is not a usable host name.
 * Comparing U-labels with A-labels would make `bücher.example` and `xn--bcher-kva.example` differ.
 */
export const normalizeDomain = (raw: string): string => {
  const trimmed = normalizeName(raw);
  if (trimmed === '' || /\s/.test(trimmed)) return '';
  // domainToASCII rejects underscores in some Node versions; DMARC and DKIM names are full of them.
  if (/^[a-z0-9._-]+$/.test(trimmed)) return trimmed;
  return domainToASCII(trimmed);
};

export const labelsOf = (domain: string): string[] => (domain === '' ? [] : domain.split('.'));

/** RFC 1035 §2.3.4 limits: a name longer than these cannot exist, so it is never worth a query. */
export const isQueryableName = (name: string): boolean =>
  name.length > 0 && name.length <= 253 && labelsOf(name).every((label) => label.length > 0 && label.length <= 63);

/**
 * The whole Public Suffix List, private section included, as OpenDMARC loads it: an RFC 7489
 * receiver has no rule for which half to use, and the private entries (blogspot.com…) are exactly
 * the shared-hosting suffixes DMARC must not treat as one organisation.
 */
const PSL_OPTIONS = { allowPrivateDomains: true, extractHostname: false } as const;

/**
 * The RFC 7489 organizational domain: the registrable domain per the Public Suffix List. A name that
 * is itself a public suffix (co.uk) or has no known suffix is its own organizational domain.
 */
export const pslOrganizationalDomain = (domain: string): string => {
  const name = normalizeDomain(domain);
  return getDomain(name, PSL_OPTIONS) ?? name;
};

/**
 * Maps a domain to its organizational domain, or undefined when it could not be determined
 * (an RFC 9989 tree walk that met a DNS failure): "unknown" must never read as "different".
 */
export type OrgDomainOf = (domain: string) => string | undefined;

export const pslOrgDomainOf: OrgDomainOf = pslOrganizationalDomain;

/** Builds an OrgDomainOf from RFC 9989 tree-walk results gathered beforehand, keeping alignment pure. */
export const orgDomainOfFrom =
  (known: Iterable<{ domain: string; organizationalDomain: string | undefined }>): OrgDomainOf =>
  (domain) => {
    const wanted = normalizeDomain(domain);
    for (const entry of known) if (normalizeDomain(entry.domain) === wanted) return entry.organizationalDomain;
    return undefined;
  };
