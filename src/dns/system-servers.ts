import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import type { ServerAddress } from './server-address.js';


export const DNS_PORT = 53;
/** Where a stub resolver turns when the system names no server: a local caching resolver, if any. */
export const FALLBACK_SERVER: ServerAddress = { host: '127.0.0.1', port: DNS_PORT };

/** The `nameserver` lines of a resolv.conf(5), in order; anything else (search, options, junk) is ignored. */
export function parseResolvConf(text: string): ServerAddress[] {
  const servers: ServerAddress[] = [];
  for (const line of text.split(/\r?\n/)) {
    const [keyword, address] = line.replace(/[#;].*$/, '').trim().split(/\s+/);
    if (keyword === 'nameserver' && address !== undefined && isIP(address) !== 0) {
      servers.push({ host: address, port: DNS_PORT });
    }
  }
  return servers;
}

/** The system's resolvers; an unreadable or empty resolv.conf means the fallback, as the C library does. */
export async function readSystemServers(path = '/etc/resolv.conf'): Promise<ServerAddress[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return [FALLBACK_SERVER];
  }
  const servers = parseResolvConf(text);
  return servers.length > 0 ? servers : [FALLBACK_SERVER];
}
