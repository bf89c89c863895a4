import type { DnsOutcome, DnsResponse } from '../../src/dns/types.js';

/** A DNS answer as the artifact keeps it: plain text records, the outcome kept distinct. */
export interface DnsSeen {
  name: string;
  type: string;
  outcome: DnsOutcome;
  /** TXT text, addresses, names; MX as "10 mx.example". */
  records: string[];
  cnames: string[];
  error?: string;
}

export const toSeen = (response: DnsResponse): DnsSeen => {
  const seen: DnsSeen = {
    name: response.name,
    type: response.type,
    outcome: response.outcome,
    records: response.records.map((record) =>
      record.type === 'MX' ? `${record.value.preference} ${record.value.exchange}` : record.value,
    ),
    cnames: response.cnames,
  };
  if (response.error !== undefined) seen.error = response.error;
  return seen;
};

const TROUBLE: ReadonlySet<DnsOutcome> = new Set(['servfail', 'refused', 'timeout', 'error']);

/** The server could not say: "could not check", never "missing". */
export const isDnsTrouble = (seen: { outcome: DnsOutcome }): boolean => TROUBLE.has(seen.outcome);

/** NXDOMAIN and NODATA: the name or record truly does not exist. */
export const isAbsent = (seen: { outcome: DnsOutcome }): boolean => seen.outcome === 'nxdomain' || seen.outcome === 'nodata';

export const troubleText = (seen: DnsSeen): string =>
  `${seen.type} ${seen.name} could not be resolved (${seen.outcome.toUpperCase()}${seen.error ? `: ${seen.error}` : ''})`;

/** The TXT records that start with a version tag, e.g. "v=spf1", compared case-insensitively. */
export const recordsStartingWith = (seen: DnsSeen, version: string): string[] =>
  seen.records.filter((text) => text.trim().toLowerCase().startsWith(version.toLowerCase()));
