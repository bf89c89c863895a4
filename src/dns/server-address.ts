import { isIP } from 'node:net';

export interface ServerAddress {
  host: string;
  port: number;
}

/**
 * "192.0.2.53", "127.0.0.1:5353", "[::1]:5353" or "::1": how resolvers are written in profiles and
 * flags. Addresses only: answers are accepted from the exact address asked, so a host name would
 * need a resolver to find the resolver.
 */
export const parseServerAddress = (text: string): ServerAddress | undefined => {
  const trimmed = text.trim();
  const match = /^\[([0-9a-fA-F:.]+)\](?::(\d{1,5}))?$/.exec(trimmed) ?? /^([0-9.]+)(?::(\d{1,5}))?$/.exec(trimmed) ?? (isIP(trimmed) === 6 ? [trimmed, trimmed] : null);
  const host = match?.[1];
  if (host === undefined || isIP(host) === 0) return undefined;
  const port = match?.[2] === undefined ? 53 : Number(match[2]);
  return port >= 1 && port <= 65_535 ? { host, port } : undefined;
};
