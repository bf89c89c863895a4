/** The record types q4check asks for. */
export const RECORD_TYPES = ['A', 'AAAA', 'TXT', 'MX', 'PTR', 'CNAME', 'NS', 'SOA'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/**
 * How a question ended. Kept distinct everywhere: "could not check" (servfail, refused, timeout,
 * error) must never read as "missing" (nxdomain, nodata).
 */
export type DnsOutcome = 'answer' | 'nodata' | 'nxdomain' | 'servfail' | 'refused' | 'timeout' | 'error';

export interface MxValue {
  preference: number;
  exchange: string;
}

/** One answer record of the type asked for. TXT values are the record's strings joined with nothing between them. */
export type DnsRecord =
  | { name: string; type: 'MX'; ttl: number; value: MxValue }
  | { name: string; type: Exclude<RecordType, 'MX'>; ttl: number; value: string };

export interface DnsResponse {
  /** Lower-case, without the trailing dot. */
  name: string;
  type: RecordType;
  outcome: DnsOutcome;
  /** Records of the asked type, at the end of any CNAME chain. Empty unless outcome is 'answer'. */
  records: DnsRecord[];
  /** CNAME targets followed, in order (a DKIM key served by a provider through a CNAME). */
  cnames: string[];
  /** For servfail/refused/timeout/error: what happened, for a person to read. */
  error?: string;
}

export interface QueryLogEntry {
  name: string;
  type: RecordType;
  outcome: DnsOutcome;
  /** Which server answered (host:port), or the last one tried. */
  server: string;
  transport: 'udp' | 'tcp';
  /** How many packets were sent for this question (retries and the TCP retry count). */
  attempts: number;
  elapsedMs: number;
  /** For servfail/refused/timeout/error: what each server did, for a person to read. */
  error?: string;
}

export interface Lookup {
  /** Never rejects for DNS trouble: every failure is an outcome. Rejects only when `signal` aborts. */
  query(name: string, type: RecordType, signal?: AbortSignal): Promise<DnsResponse>;
}

export interface ResolverStats {
  /** Questions that went to the network (cache misses not joined to one in flight). */
  sent: number;
  /** Distinct (name, type) questions asked. */
  distinct: number;
}
