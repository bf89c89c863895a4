import type { FakeRecord, FakeZone } from './memory-lookup.js';

/** A zonedata entry of the OpenSPF suite: `{TYPE: value}` or the bare string `TIMEOUT`. */
export type SuiteZoneEntry = 'TIMEOUT' | Record<string, unknown>;

/** A TXT/SPF value: one string, or a list of strings joined with nothing in between. */
const joinStrings = (value: unknown): string => (Array.isArray(value) ? value.map(String).join('') : String(value));

const ADDRESS_TYPES = new Set(['A', 'AAAA', 'PTR', 'CNAME']);

/**
 * The suite's zonedata under pyspf's driver conventions (fixtures/conformance/spf/SOURCE.md):
 * SPF records are also TXT records unless the name has any TXT entry (`TXT: NONE` included);
 * `TIMEOUT` times out every type the name has no records of.
 */
export const zoneFromSuite = (zonedata: Record<string, SuiteZoneEntry[]>): FakeZone => {
  const zone: FakeZone = {};
  for (const [name, entries] of Object.entries(zonedata)) {
    const records: FakeRecord[] = [];
    const spf: string[] = [];
    let timeout = false;
    const hasTxt = entries.some((entry) => typeof entry === 'object' && 'TXT' in entry);
    for (const entry of entries) {
      if (entry === 'TIMEOUT') {
        timeout = true;
        continue;
      }
      for (const [type, value] of Object.entries(entry)) {
        if (type === 'SPF') spf.push(joinStrings(value));
        else if (type === 'TXT') {
          if (value !== 'NONE') records.push({ type: 'TXT', value: joinStrings(value) });
        } else if (type === 'MX' && Array.isArray(value)) {
          records.push({ type: 'MX', value: { preference: Number(value[0]), exchange: String(value[1]) } });
        } else if (ADDRESS_TYPES.has(type)) {
          records.push({ type: type as 'A' | 'AAAA' | 'PTR' | 'CNAME', value: String(value) });
        } else {
          throw new Error(`zonedata ${name}: unsupported record ${type}`);
        }
      }
    }
    if (!hasTxt) records.push(...spf.map((value): FakeRecord => ({ type: 'TXT', value })));
    zone[name] = timeout ? { records, fail: 'timeout' } : { records };
  }
  return zone;
};
