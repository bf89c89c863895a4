import type { ServerAddress } from './server-address.js';
import type { DnsResponse, Lookup, QueryLogEntry, RecordType, ResolverStats } from './types.js';

export interface RunResolver extends Lookup {
  log(): QueryLogEntry[];
  stats(): ResolverStats;
}

/**
 * The run's resolver, built on the first question: a run whose checks ask nothing (or judge saved
 * artifacts) never loads the DNS code or reads /etc/resolv.conf.
 */
export const lazyResolver = (servers: ServerAddress[] | undefined, signal: AbortSignal): RunResolver => {
  let resolver: Promise<RunResolver> | undefined;
  let built: RunResolver | undefined;
  const get = () =>
    (resolver ??= import('./resolver.js').then(({ Resolver }) => {
      built = new Resolver(servers ? { servers, signal } : { signal });
      return built;
    }));
  return {
    query: async (name: string, type: RecordType, querySignal?: AbortSignal): Promise<DnsResponse> => (await get()).query(name, type, querySignal),
    log: () => built?.log() ?? [],
    stats: () => built?.stats() ?? { sent: 0, distinct: 0 },
  };
};
