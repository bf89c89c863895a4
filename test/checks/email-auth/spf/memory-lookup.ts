import type { DnsOutcome, DnsRecord, DnsResponse, Lookup, RecordType } from '../../../../src/dns/types.js';

export type FakeRecord = { type: 'MX'; value: { preference: number; exchange: string } } | { type: Exclude<RecordType, 'MX'>; value: string };

export interface FakeName {
  records: FakeRecord[];
  /** Questions for a type this name has no records of end with this outcome (e.g. 'timeout'). */
  fail?: DnsOutcome;
}

export type FakeZone = Record<string, FakeName>;

export interface MemoryLookup extends Lookup {
  /** Every question asked, in order. */
  readonly asked: { name: string; type: RecordType }[];
}

const normalise = (name: string): string => name.toLowerCase().replace(/\.$/, '');

const MAX_CNAME_HOPS = 8;

/** An in-memory resolver: NXDOMAIN for unknown names, CNAMEs followed, CNAME loops end in servfail. */
export const memoryLookup = (zone: FakeZone): MemoryLookup => {
  const names = new Map(Object.entries(zone).map(([name, entry]) => [normalise(name), entry]));
  const asked: { name: string; type: RecordType }[] = [];
  const respond = (name: string, type: RecordType, outcome: DnsOutcome, records: DnsRecord[] = [], cnames: string[] = []): DnsResponse => ({
    name,
    type,
    outcome,
    records,
    cnames,
  });
  return {
    asked,
    query: async (rawName, type) => {
      const name = normalise(rawName);
      asked.push({ name, type });
      const cnames: string[] = [];
      let current = name;
      for (let hop = 0; hop <= MAX_CNAME_HOPS; hop += 1) {
        const entry = names.get(current);
        if (!entry) return respond(name, type, 'nxdomain', [], cnames);
        const ofType = entry.records.filter((record) => record.type === type);
        if (ofType.length > 0) {
          const records = ofType.map((record) => ({ ...record, name: current, ttl: 300 }) as DnsRecord);
          return respond(name, type, 'answer', records, cnames);
        }
        const cname = entry.records.find((record) => record.type === 'CNAME');
        if (cname && typeof cname.value === 'string') {
          const target = normalise(cname.value);
          if (target === current || cnames.includes(target)) return respond(name, type, 'servfail', [], cnames);
          cnames.push(target);
          current = target;
          continue;
        }
        return respond(name, type, entry.fail ?? 'nodata', [], cnames);
      }
      return respond(name, type, 'servfail', [], cnames);
    },
  };
};

/**
 * A zone from one-line records, for table-driven tests:
 * `{ 'example.com': ['TXT v=spf1 mx -all', 'MX 10 mx1.example.com', 'A 192.0.2.1'], 'down.example': 'servfail' }`.
 */
export const zoneFromLines = (spec: Record<string, string[] | DnsOutcome>): FakeZone =>
  Object.fromEntries(
    Object.entries(spec).map(([name, lines]) => {
      if (typeof lines === 'string') return [name, { records: [], fail: lines }];
      const records = lines.map((line): FakeRecord => {
        const space = line.indexOf(' ');
        const type = line.slice(0, space) as RecordType;
        const value = line.slice(space + 1);
        if (type !== 'MX') return { type, value };
        const [preference = '0', exchange = ''] = value.split(' ');
        return { type, value: { preference: Number(preference), exchange } };
      });
      return [name, { records }];
    }),
  );
