import { isIPv4, isIPv6 } from 'node:net';

/** The 32 hex nibbles of an IPv6 address, so differently written forms of one address compare equal. */
export function ipv6Nibbles(address: string): string {
  const bare = address.replace(/%.*$/, '');
  if (!isIPv6(bare)) throw new RangeError(`not an IPv6 address: ${address}`);
  let text = bare;
  // An embedded IPv4 tail (::ffff:192.0.2.1) is two more 16-bit groups.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...tailGroups];
  return groups.map((group) => group.padStart(4, '0')).join('').toLowerCase();
}

/** Whether two IP literals name the same address (an answer's source is checked against the server asked). */
export function sameAddress(a: string, b: string): boolean {
  if (isIPv4(a) || isIPv4(b)) return a === b;
  if (isIPv6(a) && isIPv6(b)) return ipv6Nibbles(a) === ipv6Nibbles(b);
  return a === b;
}
