import type { DnsOutcome, DnsResponse, Lookup, RecordType } from '../../../../src/dns/types.js';

/**
 * An in-memory zone for discovery tests. A name maps to its TXT values, or to a failure outcome.
 * Names not listed are NXDOMAIN; `[]` is NODATA. Wildcards (`*.x`) answer any name below x that is
 * not listed, as DNS would. Every question is recorded, so tests can pin the exact query sequence.
 */
export type Zone = Record<string, readonly string[] | Exclude<DnsOutcome, 'answer' | 'nodata' | 'nxdomain'>>;

export interface FakeLookup extends Lookup {
  calls: string[];
}

const lookupZone = (zone: Zone, name: string): Zone[string] | undefined => {
  if (name in zone) return zone[name];
  const labels = name.split('.');
  for (let at = 1; at < labels.length; at += 1) {
    const wildcard = `*.${labels.slice(at).join('.')}`;
    if (wildcard in zone) return zone[wildcard];
  }
  return undefined;
};

export const fakeLookup = (zone: Zone): FakeLookup => {
  const calls: string[] = [];
  return {
    calls,
    query: async (name: string, type: RecordType): Promise<DnsResponse> => {
      calls.push(name);
      const base = { name, type, records: [], cnames: [] };
      const entry = type === 'TXT' ? lookupZone(zone, name) : undefined;
      if (entry === undefined) return { ...base, outcome: 'nxdomain' };
      if (typeof entry === 'string') return { ...base, outcome: entry, error: `${entry} for ${name}` };
      if (entry.length === 0) return { ...base, outcome: 'nodata' };
      return { ...base, outcome: 'answer', records: entry.map((value) => ({ name, type: 'TXT' as const, ttl: 300, value })) };
    },
  };
};
