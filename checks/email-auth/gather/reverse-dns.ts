import { isIPv6 } from 'node:net';
import { reverseName } from '../../../src/dns/reverse.js';
import type { Lookup } from '../../../src/dns/types.js';
import type { ReverseDnsSeen } from '../artifact.js';
import { toSeen } from '../dns-seen.js';

/** PTR of the IP, then each PTR name forward again (FCrDNS): the A or AAAA that must contain the IP. */
export const gatherReverseDns = async (ip: string, dns: Lookup, signal: AbortSignal): Promise<ReverseDnsSeen> => {
  const ptr = toSeen(await dns.query(reverseName(ip), 'PTR', signal));
  const family = isIPv6(ip) ? 'AAAA' : 'A';
  const forward = await Promise.all(
    ptr.records.slice(0, 10).map(async (name) => ({ name, answer: toSeen(await dns.query(name, family, signal)) })),
  );
  return { ip, ptr, forward };
};
