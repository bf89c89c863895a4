import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZoneSyntaxError } from '../../../src/simulators/dns/zone-error.js';
import { loadZoneFile } from '../../../src/simulators/dns/zone-files.js';
import { parseZone } from '../../../src/simulators/dns/zone-parser.js';
import type { ZoneRecord } from '../../../src/simulators/dns/zone-record.js';
import { ZONES_DIR } from '../../dns/helpers.js';

const SOA_LINE = '@ IN SOA ns1 hostmaster ( 7 1h 10m 1w 60 )';

/** TXT data as text, for readable expectations. */
function readable(record: ZoneRecord): unknown {
  return record.type === 'TXT' ? { ...record, data: record.data.map((string) => string.toString('latin1')) } : record;
}

function parse(lines: string[], origin?: string) {
  return parseZone(lines.join('\n'), origin === undefined ? { file: 'test.zone' } : { file: 'test.zone', origin });
}

describe('parseZone: what it accepts', () => {
  it('reads directives, owners, optional TTL and class in either order, and every supported type', () => {
    const zone = parse([
      '$ORIGIN Example.COM.',
      '$TTL 300',
      SOA_LINE,
      '        NS   ns1              ; owner omitted: the apex again',
      '        NS   ns2.example.net.',
      '        MX   10 mail',
      'ns1     3600 IN A 192.0.2.1',
      'mail    IN 60 AAAA 2001:DB8::25',
      'www     CNAME @',
      'ptr.Example.com. PTR mail  ; absolute owner',
      'sub     A 192.0.2.2',
      '$ORIGIN sub',
      'deep    A 192.0.2.3',
    ]);
    expect(zone.origin).toBe('example.com');
    expect(zone.records).toEqual([
      {
        name: 'example.com',
        ttl: 300,
        type: 'SOA',
        data: { mname: 'ns1.example.com', rname: 'hostmaster.example.com', serial: 7, refresh: 3600, retry: 600, expire: 604800, minimum: 60 },
      },
      { name: 'example.com', ttl: 300, type: 'NS', data: 'ns1.example.com' },
      { name: 'example.com', ttl: 300, type: 'NS', data: 'ns2.example.net' },
      { name: 'example.com', ttl: 300, type: 'MX', data: { preference: 10, exchange: 'mail.example.com' } },
      { name: 'ns1.example.com', ttl: 3600, type: 'A', data: '192.0.2.1' },
      { name: 'mail.example.com', ttl: 60, type: 'AAAA', data: '2001:db8::25' },
      { name: 'www.example.com', ttl: 300, type: 'CNAME', data: 'example.com' },
      { name: 'ptr.example.com', ttl: 300, type: 'PTR', data: 'mail.example.com' },
      { name: 'sub.example.com', ttl: 300, type: 'A', data: '192.0.2.2' },
      { name: 'deep.sub.example.com', ttl: 300, type: 'A', data: '192.0.2.3' },
    ]);
  });

  it('keeps TXT strings apart, decodes escapes and joins parenthesised lines', () => {
    const zone = parse([
      '$TTL 1d',
      SOA_LINE,
      'multi TXT "v=spf1 " "-all"',
      'escaped TXT "a \\"quote\\" \\\\ and \\059 semicolon; not a comment" unquoted\\032word',
      'long TXT ( "first part" ; a comment inside',
      '           "second part" )',
      'bytes TXT "\\255\\000"',
      'empty TXT ""',
    ], 'example.com');
    expect(zone.records.slice(1).map(readable)).toEqual([
      { name: 'multi.example.com', ttl: 86400, type: 'TXT', data: ['v=spf1 ', '-all'] },
      { name: 'escaped.example.com', ttl: 86400, type: 'TXT', data: ['a "quote" \\ and ; semicolon; not a comment', 'unquoted word'] },
      { name: 'long.example.com', ttl: 86400, type: 'TXT', data: ['first part', 'second part'] },
      { name: 'bytes.example.com', ttl: 86400, type: 'TXT', data: ['\u00ff\u0000'] },
      { name: 'empty.example.com', ttl: 86400, type: 'TXT', data: [''] },
    ]);
  });

  it('uses the previous TTL when there is no $TTL (RFC 1035)', () => {
    const zone = parse(['@ 120 IN SOA ns1 hostmaster 1 2 3 4 5', 'www A 192.0.2.1'], 'example.com');
    expect(zone.records[1]?.ttl).toBe(120);
  });

  it('takes the zone name from the option when the file has no $ORIGIN', () => {
    expect(parse(['$TTL 60', SOA_LINE, 'www A 192.0.2.1'], 'example.org.').records[1]?.name).toBe('www.example.org');
  });

  it('loads the fixture zones, naming each after its file', async () => {
    const zone = await loadZoneFile(path.join(ZONES_DIR, 'test.example.zone'));
    expect(zone.origin).toBe('test.example');
    expect(zone.records.filter((record) => record.name === 'big.test.example')).toHaveLength(240);
    const reverse = await loadZoneFile(path.join(ZONES_DIR, '100.51.198.in-addr.arpa.zone'));
    const ptr = reverse.records.find((record) => record.type === 'PTR');
    expect(ptr).toEqual({ name: '25.100.51.198.in-addr.arpa', ttl: 300, type: 'PTR', data: 'mx1.test.example' });
  });
});

describe('parseZone: what it rejects, and where', () => {
  it.each<[string, string[], number | undefined, string]>([
    ['an unclosed parenthesis', ['$TTL 60', '@ SOA ns1 hostmaster (', '  1 2 3 4 5'], 2, "'(' is never closed"],
    ['a stray closing parenthesis', ['$TTL 60', SOA_LINE, 'www A 192.0.2.1 )'], 3, "')' without a matching '('"],
    ['an unterminated string', ['$TTL 60', SOA_LINE, 'www TXT "open'], 3, 'quoted string not closed'],
    ['an unsupported type', ['$TTL 60', SOA_LINE, '_sip._tcp SRV 0 5 5060 sip'], 3, 'record type SRV is not supported'],
    ['a bad IPv4 address', ['$TTL 60', SOA_LINE, 'www A 192.0.2.300'], 3, 'not an IPv4 address: 192.0.2.300'],
    ['a bad IPv6 address', ['$TTL 60', SOA_LINE, 'www AAAA 2001:db8::g'], 3, 'not an IPv6 address'],
    ['a missing MX field', ['$TTL 60', SOA_LINE, '@ MX mail'], 3, 'MX takes 2 fields (preference exchange), found 1'],
    ['an MX preference out of range', ['$TTL 60', SOA_LINE, '@ MX 70000 mail'], 3, 'MX preference must be a whole number from 0 to 65535'],
    ['a short SOA', ['$TTL 60', '@ SOA ns1 hostmaster ( 1 2 3', '  4 )'], 2, 'SOA takes 7 fields'],
    ['a first line without owner', ['  A 192.0.2.1'], 1, 'no owner name'],
    ['a record without any TTL', [SOA_LINE], 1, 'no TTL on this record and no $TTL before it'],
    ['a class other than IN', ['$TTL 60', SOA_LINE, 'www CH A 192.0.2.1'], 3, 'class CH is not supported'],
    ['$INCLUDE', ['$INCLUDE other.zone'], 1, '$INCLUDE is not supported'],
    ['a directive with two arguments', ['$TTL 60 120'], 1, '$TTL takes exactly one argument'],
    ['a bad TTL', ['$TTL forever'], 1, 'not a TTL: forever'],
    ['a decimal escape over 255', ['$TTL 60', SOA_LINE, 'www TXT "\\300"'], 3, '\\300 is not a byte value'],
    ['a label over 63 bytes', ['$TTL 60', SOA_LINE, `${'a'.repeat(64)} A 192.0.2.1`], 3, 'label longer than 63 bytes'],
    ['an empty label', ['$TTL 60', SOA_LINE, 'a..b A 192.0.2.1'], 3, 'empty label'],
    ['a second SOA', ['$TTL 60', SOA_LINE, '', SOA_LINE], 4, 'second SOA record (the first is on line 2)'],
    ['a name outside the zone', ['$TTL 60', SOA_LINE, 'www.example.net. A 192.0.2.1'], 3, 'www.example.net is outside the zone example.com'],
    ['a CNAME beside other data', ['$TTL 60', SOA_LINE, 'www A 192.0.2.1', 'www CNAME @'], 4, 'a CNAME must be alone at its name'],
    ['no SOA at all', ['$TTL 60', 'www A 192.0.2.1'], undefined, 'no SOA record'],
  ])('%s', (_, lines, line, problem) => {
    let caught: unknown;
    try {
      parse(lines, 'example.com');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ZoneSyntaxError);
    const error = caught as ZoneSyntaxError;
    expect(error.line).toBe(line);
    expect(error.problem).toContain(problem);
    expect(error.message).toBe(line === undefined ? `test.zone: ${error.problem}` : `test.zone:${line}: ${error.problem}`);
  });

  it('rejects a relative name before any origin is known', () => {
    expect(() => parse(['$TTL 60', 'www A 192.0.2.1'])).toThrow('test.zone:2: relative name www and no $ORIGIN to complete it');
  });

  it('rejects an SOA for another zone than the one configured', () => {
    expect(() => parse(['$ORIGIN example.net.', '$TTL 60', SOA_LINE], 'example.com')).toThrow(
      'test.zone:3: the SOA is for example.net but the zone is example.com',
    );
  });
});
