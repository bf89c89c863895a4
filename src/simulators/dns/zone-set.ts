import { normalizeName } from '../../dns/names.js';
import type { SoaData, Zone, ZoneRecord } from './zone-record.js';

/** What the served zones say about a question. */
export type Resolution =
  | { rcode: 'REFUSED' }
  | { rcode: 'NOERROR' | 'NXDOMAIN'; answers: ZoneRecord[]; authorities: ZoneRecord[] };

/** A CNAME chain inside one zone is followed at most this far; longer ones are left to the client. */
const MAX_CHASE = 16;

class IndexedZone {
  readonly nodes = new Map<string, ZoneRecord[]>();
  /** Every name that exists: owners and, as empty non-terminals, every name between an owner and the apex. */
  readonly existing = new Set<string>();
  readonly soa: ZoneRecord & { type: 'SOA' };

  constructor(readonly origin: string, records: ZoneRecord[]) {
    let soa: (ZoneRecord & { type: 'SOA' }) | undefined;
    for (const record of records) {
      if (record.type === 'SOA') soa = record;
      const node = this.nodes.get(record.name) ?? [];
      node.push(record);
      this.nodes.set(record.name, node);
      for (let name: string | undefined = record.name; name !== undefined && !this.existing.has(name); name = this.parent(name)) {
        this.existing.add(name);
      }
    }
    if (!soa) throw new Error(`zone ${origin} has no SOA record`);
    this.soa = soa;
  }

  contains(name: string): boolean {
    return this.origin === '' || name === this.origin || name.endsWith(`.${this.origin}`);
  }

  /** The records at a name: [] for an empty non-terminal, wildcard-synthesized if only a wildcard covers it, undefined if it does not exist. */
  find(name: string): ZoneRecord[] | undefined {
    const node = this.nodes.get(name);
    if (node) return node;
    if (this.existing.has(name)) return [];
    // RFC 4592: a wildcard at the closest encloser answers for names that do not exist.
    let encloser = this.parent(name);
    while (encloser !== undefined && !this.existing.has(encloser)) encloser = this.parent(encloser);
    if (encloser === undefined) return undefined;
    const wildcard = this.nodes.get(encloser === '' ? '*' : `*.${encloser}`);
    return wildcard?.map((record) => ({ ...record, name }));
  }

  /** The next name up, staying inside the zone; undefined above the apex. */
  private parent(name: string): string | undefined {
    if (name === this.origin) return undefined;
    const dot = name.indexOf('.');
    return dot === -1 ? '' : name.slice(dot + 1);
  }
}

/** The zones one simulator serves, answering as an authoritative server does (RFC 1034 §4.3.2). */
export class ZoneSet {
  readonly #zones: IndexedZone[];

  constructor(zones: Zone[]) {
    const origins = new Set<string>();
    for (const zone of zones) {
      if (origins.has(zone.origin)) throw new Error(`zone ${zone.origin} is given twice`);
      origins.add(zone.origin);
    }
    // Longest origin first, so a child zone answers for its names rather than its parent.
    this.#zones = zones.map((zone) => new IndexedZone(zone.origin, zone.records)).sort((a, b) => b.origin.length - a.origin.length);
  }

  /** The SOA of the zone holding a name, if any zone does. */
  soaFor(name: string): (ZoneRecord & { type: 'SOA'; data: SoaData }) | undefined {
    return this.#zoneFor(normalizeName(name))?.soa;
  }

  /**
   * Answers (name, type). A CNAME is followed while its target stays in the same zone, as Knot DNS does;
   * a target elsewhere ends the answer with the CNAME alone and the client asks again.
   */
  resolve(name: string, type: string): Resolution {
    const asked = normalizeName(name);
    const zone = this.#zoneFor(asked);
    if (!zone) return { rcode: 'REFUSED' };
    const answers: ZoneRecord[] = [];
    const followed = new Set<string>();
    let current = asked;
    for (;;) {
      const records = zone.find(current);
      if (records === undefined) return { rcode: 'NXDOMAIN', answers, authorities: [zone.soa] };
      const exact = records.filter((record) => record.type === type);
      if (exact.length > 0) return { rcode: 'NOERROR', answers: [...answers, ...exact], authorities: [] };
      const alias = records.find((record) => record.type === 'CNAME');
      if (alias?.type !== 'CNAME') return { rcode: 'NOERROR', answers, authorities: [zone.soa] };
      answers.push(alias);
      followed.add(current);
      if (!zone.contains(alias.data) || followed.has(alias.data) || followed.size >= MAX_CHASE) {
        return { rcode: 'NOERROR', answers, authorities: [] };
      }
      current = alias.data;
    }
  }

  #zoneFor(name: string): IndexedZone | undefined {
    return this.#zones.find((zone) => zone.contains(name));
  }
}
