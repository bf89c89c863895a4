/** The record types a zone file may hold here: what q4check's checks ask for. */
export const ZONE_RECORD_TYPES = ['SOA', 'NS', 'A', 'AAAA', 'TXT', 'MX', 'CNAME', 'PTR'] as const;
export type ZoneRecordType = (typeof ZONE_RECORD_TYPES)[number];

export interface SoaData {
  mname: string;
  rname: string;
  serial: number;
  refresh: number;
  retry: number;
  expire: number;
  minimum: number;
}

/** One resource record as served. Names are lower-case, absolute, without the trailing dot. */
export type ZoneRecord =
  | { name: string; ttl: number; type: 'A' | 'AAAA' | 'NS' | 'CNAME' | 'PTR'; data: string }
  | { name: string; ttl: number; type: 'MX'; data: { preference: number; exchange: string } }
  /** The character-strings as written; strings over 255 bytes are split only when encoded. */
  | { name: string; ttl: number; type: 'TXT'; data: Buffer[] }
  | { name: string; ttl: number; type: 'SOA'; data: SoaData };

/** A zone: its apex (the SOA owner) and every record in it. */
export interface Zone {
  origin: string;
  records: ZoneRecord[];
}
