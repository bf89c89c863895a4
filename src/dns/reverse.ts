import { isIPv4, isIPv6 } from 'node:net';
import { ipv6Nibbles } from './addresses.js';

/** The PTR owner name of an address: 198.51.100.10 → 10.100.51.198.in-addr.arpa (RFC 1035 §3.5, RFC 3596 §2.5). */
export function reverseName(ip: string): string {
  if (isIPv4(ip)) return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
  if (isIPv6(ip)) return `${[...ipv6Nibbles(ip)].reverse().join('.')}.ip6.arpa`;
  throw new RangeError(`not an IP address: ${ip}`);
}
