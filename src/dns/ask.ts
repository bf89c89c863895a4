import { randomInt } from 'node:crypto';
import { isIPv6 } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { ExchangeRequest, ExchangeResult } from './exchange.js';
import { interpret, type Step } from './interpret.js';
import type { ServerAddress } from './server-address.js';
import { exchangeOutcome, type DnsTrace } from './trace.js';
import { tcpExchange } from './transport-tcp.js';
import { udpExchange } from './transport-udp.js';
import type { UdpPool } from './udp-pool.js';
import type { DnsOutcome, QueryLogEntry, RecordType } from './types.js';
import { encodeQuery } from './wire.js';

export interface AskOptions {
  servers: ServerAddress[];
  timeoutMs: number;
  retries: number;
  /** The ports UDP questions go out from. */
  udp: UdpPool;
  signal?: AbortSignal;
  /** Told of every exchange (--debug). */
  trace?: DnsTrace;
}

/** A step and how it was obtained, for the query log. */
export interface Asked {
  step: Step;
  server: string;
  transport: QueryLogEntry['transport'];
  attempts: number;
}

type Verdict = { step: Step } | { outcome: DnsOutcome; problem: string; sameServerAgain: boolean };

/**
 * Asks each server in turn until one gives a usable answer: UDP first, TCP when the answer is truncated.
 * A silent or broken exchange is retried on the same server; SERVFAIL, REFUSED and other rcodes move on to
 * the next server at once. Rejects only when the signal aborts.
 */
export async function askServers(name: string, type: RecordType, options: AskOptions): Promise<Asked> {
  const problems: string[] = [];
  let attempts = 0;
  let outcome: DnsOutcome = 'error';
  let server = '';
  let transport: Asked['transport'] = 'udp';
  for (const target of options.servers) {
    server = serverLabel(target);
    for (let attempt = 0; attempt <= options.retries; attempt += 1) {
      const id = randomInt(0, 0x10000);
      const query = encodeQuery(id, name, type);
      const request = { server: target, id, name, type, query, timeoutMs: options.timeoutMs, signal: options.signal };
      attempts += 1;
      transport = 'udp';
      let result = await traced(options.trace, request, server, 'udp', () => udpExchange(options.udp, request));
      if (result.kind === 'message' && result.message.flag_tc) {
        attempts += 1;
        transport = 'tcp';
        result = await traced(options.trace, request, server, 'tcp', () => tcpExchange(request));
      }
      const verdict = judge(result, name, type, options.timeoutMs);
      if ('step' in verdict) return { step: verdict.step, server, transport, attempts };
      problems.push(`${server} ${verdict.problem}`);
      outcome = verdict.outcome;
      if (!verdict.sameServerAgain) break;
    }
  }
  const error = summarize(problems);
  return { step: { response: { name, type, outcome, records: [], cnames: [], error } }, server, transport, attempts };
}

async function traced(
  trace: DnsTrace | undefined,
  request: ExchangeRequest,
  server: string,
  transport: Asked['transport'],
  exchange: () => Promise<ExchangeResult>,
): Promise<ExchangeResult> {
  if (trace === undefined) return exchange();
  const started = performance.now();
  const result = await exchange();
  const { name, type } = request;
  trace({ name, type, server, transport, outcome: exchangeOutcome(result), ms: Math.round(performance.now() - started) });
  return result;
}

function judge(result: ExchangeResult, name: string, type: RecordType, timeoutMs: number): Verdict {
  switch (result.kind) {
    case 'timeout':
      return { outcome: 'timeout', problem: `did not answer within ${timeoutMs} ms`, sameServerAgain: true };
    case 'error':
      return { outcome: 'error', problem: result.error, sameServerAgain: true };
    case 'message': {
      const { rcode } = result.message;
      if (rcode === 'NOERROR' || rcode === 'NXDOMAIN') return { step: interpret(result.message, name, type) };
      if (rcode === 'SERVFAIL') return { outcome: 'servfail', problem: 'answered SERVFAIL', sameServerAgain: false };
      if (rcode === 'REFUSED') return { outcome: 'refused', problem: 'answered REFUSED', sameServerAgain: false };
      return { outcome: 'error', problem: `answered ${rcode}`, sameServerAgain: false };
    }
  }
}

export function serverLabel(server: ServerAddress): string {
  return isIPv6(server.host) ? `[${server.host}]:${server.port}` : `${server.host}:${server.port}`;
}

/** "a: x; a: x; b: y" reads better as "a: x (2 times); b: y". */
function summarize(problems: string[]): string {
  const counts = new Map<string, number>();
  for (const problem of problems) counts.set(problem, (counts.get(problem) ?? 0) + 1);
  return [...counts].map(([problem, count]) => (count > 1 ? `${problem} (${count} times)` : problem)).join('; ');
}
