import { describe, expect, it } from 'vitest';
import { ipv6Nibbles, sameAddress } from '../../src/dns/addresses.js';
import { normalizeName } from '../../src/dns/names.js';
import { reverseName } from '../../src/dns/reverse.js';

describe('normalizeName', () => {
  it.each([
    ['Example.COM.', 'example.com'],
    ['example.com', 'example.com'],
    [' _DMARC.Example.com ', '_dmarc.example.com'],
    ['.', ''],
  ])('%j → %j', (input, output) => expect(normalizeName(input)).toBe(output));
});

describe('reverseName', () => {
  it('reverses IPv4 octets under in-addr.arpa', () => {
    expect(reverseName('198.51.100.10')).toBe('10.100.51.198.in-addr.arpa');
  });

  it('reverses IPv6 nibbles under ip6.arpa (RFC 3596 example)', () => {
    expect(reverseName('4321:0:1:2:3:4:567:89ab')).toBe('b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.0.0.0.0.1.2.3.4.ip6.arpa');
  });

  it('expands :: and embedded IPv4', () => {
    expect(reverseName('2001:db8::1')).toBe(`1.${'0.'.repeat(23)}8.b.d.0.1.0.0.2.ip6.arpa`);
    expect(reverseName('::ffff:192.0.2.1')).toBe(`1.0.2.0.0.0.0.c.f.f.f.f.${'0.'.repeat(20)}ip6.arpa`);
  });

  it('rejects what is not an address', () => {
    expect(() => reverseName('mail.example.com')).toThrow(RangeError);
  });
});

describe('addresses', () => {
  it('writes every IPv6 address as 32 nibbles', () => {
    expect(ipv6Nibbles('::')).toBe('0'.repeat(32));
    expect(ipv6Nibbles('::1')).toBe(`${'0'.repeat(31)}1`);
    expect(ipv6Nibbles('fe80::1%eth0')).toBe(`fe80${'0'.repeat(27)}1`);
  });

  it('compares addresses however they are written', () => {
    expect(sameAddress('::1', '0:0:0:0:0:0:0:1')).toBe(true);
    expect(sameAddress('2001:DB8::1', '2001:db8:0::1')).toBe(true);
    expect(sameAddress('::ffff:c000:201', '::ffff:192.0.2.1')).toBe(true);
    expect(sameAddress('127.0.0.1', '127.0.0.2')).toBe(false);
    expect(sameAddress('127.0.0.1', '::ffff:127.0.0.1')).toBe(false);
  });
});
