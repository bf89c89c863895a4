import dnsPacket from 'dns-packet';
import { describe, expect, it } from 'vitest';
import { txtValue } from '../../../src/dns/records.js';
import { splitCharacterStrings, toAnswer } from '../../../src/simulators/dns/answers.js';
import { parseZone } from '../../../src/simulators/dns/zone-parser.js';
import { ZoneSet } from '../../../src/simulators/dns/zone-set.js';

const zones = new ZoneSet([
  parseZone(
    [
      '$TTL 300',
      '@ SOA ns1 hostmaster 1 2 3 4 60',
      '  NS ns1',
      'ns1 A 192.0.2.53',
      'www CNAME shop',
      'shop A 192.0.2.80',
      'out CNAME cdn.example.net.',
      'gone CNAME missing',
      'loop1 CNAME loop2',
      'loop2 CNAME loop1',
      'a.b.deep A 192.0.2.99',
      '*.wild TXT "wildcard"',
      'sub.example.com. A 192.0.2.1',
    ].join('\n'),
    { file: 'example.com.zone', origin: 'example.com' },
  ),
  parseZone(['$TTL 300', '@ SOA ns1.example.com. hostmaster.example.com. 1 2 3 4 60', 'host A 192.0.2.7'].join('\n'), {
    file: 'child.example.com.zone',
    origin: 'child.example.com',
  }),
]);

const names = (records: { name: string; type: string }[]) => records.map((record) => `${record.name} ${record.type}`);

describe('ZoneSet.resolve', () => {
  it('answers an exact match with the records of the asked type', () => {
    const resolution = zones.resolve('NS1.Example.com.', 'A');
    expect(resolution).toMatchObject({ rcode: 'NOERROR', authorities: [] });
    expect(resolution.rcode !== 'REFUSED' && names(resolution.answers)).toEqual(['ns1.example.com A']);
  });

  it('gives NODATA with the SOA for another type and for an empty non-terminal', () => {
    for (const name of ['ns1.example.com', 'deep.example.com', 'b.deep.example.com']) {
      const resolution = zones.resolve(name, 'AAAA');
      expect(resolution).toMatchObject({ rcode: 'NOERROR', answers: [] });
      expect(resolution.rcode !== 'REFUSED' && names(resolution.authorities)).toEqual(['example.com SOA']);
    }
  });

  it('gives NXDOMAIN with the SOA for a missing name, and REFUSED outside every zone', () => {
    const missing = zones.resolve('nope.example.com', 'A');
    expect(missing).toMatchObject({ rcode: 'NXDOMAIN', answers: [] });
    expect(missing.rcode !== 'REFUSED' && names(missing.authorities)).toEqual(['example.com SOA']);
    expect(zones.resolve('example.org', 'A')).toEqual({ rcode: 'REFUSED' });
  });

  it('answers from the most specific zone', () => {
    const resolution = zones.resolve('host.child.example.com', 'A');
    expect(resolution.rcode !== 'REFUSED' && names(resolution.answers)).toEqual(['host.child.example.com A']);
    expect(zones.resolve('nope.child.example.com', 'A')).toMatchObject({ rcode: 'NXDOMAIN', authorities: [{ name: 'child.example.com' }] });
  });

  it('follows a CNAME inside the zone, and stops at a target elsewhere', () => {
    const inside = zones.resolve('www.example.com', 'A');
    expect(inside.rcode !== 'REFUSED' && names(inside.answers)).toEqual(['www.example.com CNAME', 'shop.example.com A']);
    const outside = zones.resolve('out.example.com', 'A');
    expect(outside).toMatchObject({ rcode: 'NOERROR', authorities: [] });
    expect(outside.rcode !== 'REFUSED' && names(outside.answers)).toEqual(['out.example.com CNAME']);
    expect(zones.resolve('www.example.com', 'CNAME')).toMatchObject({ answers: [{ type: 'CNAME', data: 'shop.example.com' }] });
  });

  it('keeps the CNAME when its target does not exist (NXDOMAIN) and stops a loop', () => {
    const gone = zones.resolve('gone.example.com', 'A');
    expect(gone.rcode).toBe('NXDOMAIN');
    expect(gone.rcode !== 'REFUSED' && names(gone.answers)).toEqual(['gone.example.com CNAME']);
    const loop = zones.resolve('loop1.example.com', 'A');
    expect(loop.rcode !== 'REFUSED' && names(loop.answers)).toEqual(['loop1.example.com CNAME', 'loop2.example.com CNAME']);
  });

  it('synthesizes wildcard answers under the asked name, for names that do not exist', () => {
    const resolution = zones.resolve('x.y.wild.example.com', 'TXT');
    expect(resolution.rcode !== 'REFUSED' && names(resolution.answers)).toEqual(['x.y.wild.example.com TXT']);
    expect(zones.resolve('x.wild.example.com', 'A')).toMatchObject({ rcode: 'NOERROR', answers: [] });
    expect(zones.resolve('wild.example.com', 'TXT')).toMatchObject({ rcode: 'NOERROR', answers: [] });
  });

  it('refuses the same zone twice', () => {
    const zone = { origin: 'example.com', records: [] };
    expect(() => new ZoneSet([zone, zone])).toThrow('zone example.com is given twice');
  });
});

describe('TXT encoding', () => {
  it('splits strings over 255 bytes into 255-byte strings', () => {
    const pieces = splitCharacterStrings([Buffer.alloc(600, 'a'), Buffer.from('short'), Buffer.alloc(0)]);
    expect(pieces.map((piece) => piece.length)).toEqual([255, 255, 90, 5, 0]);
  });

  it('puts a long string on the wire intact, as several character-strings', () => {
    const text = ['$TTL 60', '@ SOA ns1 hostmaster 1 2 3 4 5', `long TXT "${'x'.repeat(300)}" "tail"`].join('\n');
    const zone = parseZone(text, { file: 't', origin: 'example.com' });
    const record = zone.records[1];
    if (record === undefined) throw new Error('no TXT record');
    const wire = dnsPacket.encode({ type: 'response', answers: [toAnswer(record)] });
    const [decoded] = dnsPacket.decode(wire).answers ?? [];
    expect(decoded?.type).toBe('TXT');
    if (decoded?.type !== 'TXT') return;
    expect((decoded.data as Buffer[]).map((string) => string.length)).toEqual([255, 45, 4]);
    expect(txtValue(decoded.data)).toBe(`${'x'.repeat(300)}tail`);
  });
});
