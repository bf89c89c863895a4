import type { ExchangeResult } from './exchange.js';
import type { RecordType } from './types.js';

/** One packet's worth of asking: what `--debug` prints, a line per exchange. */
export interface DnsTraceEntry {
  name: string;
  type: RecordType;
  /** host:port asked. */
  server: string;
  transport: 'udp' | 'tcp';
  /** The rcode answered (NOERROR, NXDOMAIN, SERVFAIL…), "truncated", "no answer" or what broke. */
  outcome: string;
  ms: number;
}

export type DnsTrace = (entry: DnsTraceEntry) => void;

export function exchangeOutcome(result: ExchangeResult): string {
  switch (result.kind) {
    case 'message':
      return result.message.flag_tc ? `${result.message.rcode} truncated` : result.message.rcode;
    case 'timeout':
      return 'no answer';
    case 'error':
      return result.error;
  }
}

/** "DNS TXT _dmarc.shop.example @127.0.0.1:5400 udp: NOERROR, 3 ms" */
export function formatTrace(entry: DnsTraceEntry): string {
  return `DNS ${entry.type} ${entry.name} @${entry.server} ${entry.transport}: ${entry.outcome}, ${entry.ms} ms`;
}
