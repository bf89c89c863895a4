import type { MechanismType } from './types.js';

/** RFC 7208 §4.6.4 processing limits. */
export const SPF_LIMITS = {
  /** include, a, mx, ptr, exists and redirect= together; exp= and the fan-out lookups do not count. */
  dnsTerms: 10,
  /** Terms whose lookup came back NXDOMAIN or empty. */
  voidLookups: 2,
  /** MX names one mx mechanism may look up addresses for; more is a permerror. */
  mxNames: 10,
  /** PTR names one ptr mechanism or %{p} checks; the rest are ignored, never an error. */
  ptrNames: 10,
} as const;

const COUNTED: ReadonlySet<string> = new Set<MechanismType>(['include', 'a', 'mx', 'ptr', 'exists']);

/** Whether a mechanism costs one of the 10 DNS-querying terms (redirect= costs one too). */
export const mechanismCostsLookup = (type: MechanismType): boolean => COUNTED.has(type);
