/**
 * IP addresses as SPF sees them: strict text forms (RFC 7208 §5.6 forbids leading zeros in
 * ip4-network), CIDR matching, and the macro spellings of an address (§7.3).
 */

export interface IpAddress {
  family: 4 | 6;
  /** 4 or 16 bytes, network order. */
  bytes: number[];
}

const QNUM = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

export const parseIp4 = (text: string): number[] | undefined => {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((part) => QNUM.test(part))) return undefined;
  return parts.map(Number);
};

const HEX_GROUP = /^[0-9a-f]{1,4}$/i;

/** Groups of one side of "::"; an embedded IPv4 address is allowed only as the very last group. */
const parseGroups = (text: string, mayEndInIp4: boolean): number[] | undefined => {
  if (text === '') return [];
  const groups = text.split(':');
  const bytes: number[] = [];
  for (const [index, group] of groups.entries()) {
    if (mayEndInIp4 && index === groups.length - 1 && group.includes('.')) {
      const ip4 = parseIp4(group);
      if (!ip4) return undefined;
      bytes.push(...ip4);
    } else if (HEX_GROUP.test(group)) {
      const value = parseInt(group, 16);
      bytes.push(value >> 8, value & 0xff);
    } else {
      return undefined;
    }
  }
  return bytes;
};

export const parseIp6 = (text: string): number[] | undefined => {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const [head = '', tail] = halves;
  if (tail === undefined) {
    const bytes = parseGroups(head, true);
    return bytes?.length === 16 ? bytes : undefined;
  }
  const left = parseGroups(head, false);
  const right = parseGroups(tail, true);
  // "::" stands for at least one zero group.
  if (!left || !right || left.length + right.length > 14) return undefined;
  return [...left, ...new Array<number>(16 - left.length - right.length).fill(0), ...right];
};

const isIp4Mapped = (bytes: number[]): boolean =>
  bytes.slice(0, 10).every((byte) => byte === 0) && bytes[10] === 0xff && bytes[11] === 0xff;

/**
 * The connecting client's address. An IPv4-mapped IPv6 address is an IPv4 client
 * (RFC 7208 §5: such a connection matches ip4 mechanisms and A records only).
 */
export const parseClientIp = (text: string): IpAddress | undefined => {
  const ip4 = parseIp4(text);
  if (ip4) return { family: 4, bytes: ip4 };
  const ip6 = parseIp6(text);
  if (!ip6) return undefined;
  return isIp4Mapped(ip6) ? { family: 4, bytes: ip6.slice(12) } : { family: 6, bytes: ip6 };
};

/** Parses an address record's value (A or AAAA) in the given family. */
export const parseAddressOf = (family: 4 | 6, text: string): number[] | undefined =>
  family === 4 ? parseIp4(text) : parseIp6(text);

export const inCidr = (address: number[], network: number[], prefix: number): boolean => {
  if (address.length !== network.length) return false;
  for (let bit = 0; bit < prefix; bit += 8) {
    const a = address[bit >> 3] ?? 0;
    const n = network[bit >> 3] ?? 0;
    const width = Math.min(8, prefix - bit);
    const mask = (0xff << (8 - width)) & 0xff;
    if ((a & mask) !== (n & mask)) return false;
  }
  return true;
};

const nibbles = (bytes: number[]): string[] =>
  bytes.flatMap((byte) => [(byte >> 4).toString(16), (byte & 0xf).toString(16)]).map((n) => n.toUpperCase());

/**
 * %{i}: dotted quad, or 32 dot-separated nibbles for IPv6. Upper-case hex, as in RFC 7208 §7.4's
 * own example; the OpenSPF suite's explanation texts depend on it.
 */
export const dottedIp = (ip: IpAddress): string => (ip.family === 4 ? ip.bytes.join('.') : nibbles(ip.bytes).join('.'));

/** %{c}: the conventional spelling — RFC 5952 for IPv6 (lower case, longest zero run compressed). */
export const formatIp = (ip: IpAddress): string => {
  if (ip.family === 4) return ip.bytes.join('.');
  const groups = Array.from({ length: 8 }, (_, i) => ((ip.bytes[2 * i] ?? 0) << 8) | (ip.bytes[2 * i + 1] ?? 0));
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j += 1;
    if (j - i > best.length) best = { start: i, length: j - i };
    i = j;
  }
  const hex = groups.map((group) => group.toString(16));
  if (best.length < 2) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
};

/** The name whose PTR records name the client (in-addr.arpa / ip6.arpa). */
export const reverseName = (ip: IpAddress): string =>
  ip.family === 4
    ? `${[...ip.bytes].reverse().join('.')}.in-addr.arpa`
    : `${nibbles(ip.bytes).reverse().join('.').toLowerCase()}.ip6.arpa`;
