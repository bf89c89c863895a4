import type { ServerAddress } from './server-address.js';
import type { DnsTraceEntry } from './trace.js';
import type { DnsResponse, Lookup, QueryLogEntry, RecordType, ResolverStats } from './types.js';

export interface RunResolver extends Lookup {
  log(): QueryLogEntry[];
  stats(): ResolverStats;
}

/**
 * The run's resolver, built on the first question: a run whose checks ask nothing (or judge saved
 * artifacts) never loads the DNS code or reads /etc/resolv.conf. `debug`, when given, gets a line per
 * exchange with a server (--debug).
 */
export const lazyResolver = (servers: ServerAddress[] | undefined, signal: AbortSignal, debug?: (line: string) => void): RunResolver => {
  let resolver: Promise<RunResolver> | undefined;
  let built: RunResolver | undefined;
  const get = () =>
    (resolver ??= Promise.all([import('./resolver.js'), import('./trace.js')]).then(([{ Resolver }, { formatTrace }]) => {
      const trace = debug && ((entry: DnsTraceEntry) => debug(formatTrace(entry)));
      built = new Resolver({ signal, ...(servers ? { servers } : {}), ...(trace ? { trace } : {}) });
      return built;
    }));
  return {
    query: async (name: string, type: RecordType, querySignal?: AbortSignal): Promise<DnsResponse> => (await get()).query(name, type, querySignal),
    log: () => built?.log() ?? [],
    stats: () => built?.stats() ?? { sent: 0, distinct: 0 },
  };
};
