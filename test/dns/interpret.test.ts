import dnsPacket from 'dns-packet';
import type { Answer } from 'dns-packet';
import { describe, expect, it } from 'vitest';
import { interpret } from '../../src/dns/interpret.js';
import { decodeMessage, EDNS_UDP_PAYLOAD, encodeQuery, isReplyTo } from '../../src/dns/wire.js';

const SOA: Answer = {
  name: 'example.com',
  type: 'SOA',
  ttl: 3600,
  data: { mname: 'ns1.example.com', rname: 'hostmaster.example.com', serial: 1, refresh: 1, retry: 1, expire: 1, minimum: 120 },
};

/** A reply as the resolver would see it: encoded by dns-packet, then decoded. */
function reply(rcode: number, answers: Answer[], authorities: Answer[] = []) {
  return decodeMessage(
    dnsPacket.encode({ type: 'response', id: 1, flags: rcode, questions: [{ name: 'www.example.com', type: 'A' }], answers, authorities }),
  );
}

describe('interpret', () => {
  it('takes the records of the asked type, with the smallest TTL', () => {
    const step = interpret(
      reply(0, [
        { name: 'WWW.example.com', type: 'A', ttl: 50, data: '192.0.2.1' },
        { name: 'www.example.com', type: 'A', ttl: 30, data: '192.0.2.2' },
        { name: 'www.example.com', type: 'AAAA', ttl: 5, data: '2001:db8::1' },
      ]),
      'www.example.com',
      'A',
    );
    expect(step.response.outcome).toBe('answer');
    expect(step.response.records.map((record) => record.value)).toEqual(['192.0.2.1', '192.0.2.2']);
    expect(step.ttl).toBe(30);
    expect(step.next).toBeUndefined();
  });

  it('follows a CNAME chain inside the answer, in any order', () => {
    const step = interpret(
      reply(0, [
        { name: 'b.example.net', type: 'A', ttl: 300, data: '192.0.2.9' },
        { name: 'a.example.net', type: 'CNAME', ttl: 20, data: 'B.example.net.' },
        { name: 'www.example.com', type: 'CNAME', ttl: 300, data: 'a.example.net' },
      ]),
      'www.example.com',
      'A',
    );
    expect(step.response).toMatchObject({ outcome: 'answer', cnames: ['a.example.net', 'b.example.net'] });
    expect(step.response.records).toEqual([{ name: 'b.example.net', type: 'A', ttl: 300, value: '192.0.2.9' }]);
    expect(step.ttl).toBe(20);
  });

  it('asks for the target next when the chain ends without records and without an SOA', () => {
    const step = interpret(reply(0, [{ name: 'www.example.com', type: 'CNAME', ttl: 40, data: 'cdn.example.net' }]), 'www.example.com', 'A');
    expect(step).toMatchObject({ next: 'cdn.example.net', ttl: 40, response: { cnames: ['cdn.example.net'] } });
  });

  it('calls a chain ending in an SOA-signed empty answer nodata', () => {
    const step = interpret(reply(0, [{ name: 'www.example.com', type: 'CNAME', ttl: 40, data: 'x.example.com' }], [SOA]), 'www.example.com', 'A');
    expect(step).toMatchObject({ ttl: 40, response: { outcome: 'nodata', cnames: ['x.example.com'] } });
    expect(step.next).toBeUndefined();
  });

  it('caches negative answers for min(SOA TTL, SOA minimum), or 60 s without an SOA', () => {
    expect(interpret(reply(3, [], [SOA]), 'www.example.com', 'A')).toMatchObject({ ttl: 120, response: { outcome: 'nxdomain' } });
    expect(interpret(reply(0, [], [{ ...SOA, ttl: 10 }]), 'www.example.com', 'A')).toMatchObject({ ttl: 10, response: { outcome: 'nodata' } });
    expect(interpret(reply(0, []), 'www.example.com', 'A')).toMatchObject({ ttl: 60, response: { outcome: 'nodata' } });
  });

  it('calls a CNAME loop an error and does not cache it', () => {
    const step = interpret(
      reply(0, [
        { name: 'www.example.com', type: 'CNAME', data: 'a.example.com' },
        { name: 'a.example.com', type: 'CNAME', data: 'www.example.com' },
      ]),
      'www.example.com',
      'A',
    );
    expect(step.response).toMatchObject({ outcome: 'error', error: 'CNAME loop: www.example.com → a.example.com → www.example.com' });
    expect(step.ttl).toBeUndefined();
  });

  it('joins TXT strings and shapes MX and SOA values', () => {
    const txt = interpret(reply(0, [{ name: 'www.example.com', type: 'TXT', data: ['v=spf1 ', 'include:x.example -all'] }]), 'www.example.com', 'TXT');
    expect(txt.response.records[0]?.value).toBe('v=spf1 include:x.example -all');
    const mxAnswer: Answer = { name: 'www.example.com', type: 'MX', data: { preference: 5, exchange: 'MX.Example.com' } };
    const mx = interpret(reply(0, [mxAnswer]), 'www.example.com', 'MX');
    expect(mx.response.records[0]?.value).toEqual({ preference: 5, exchange: 'mx.example.com' });
    const soa = interpret(reply(0, [{ ...SOA, name: 'www.example.com' }]), 'www.example.com', 'SOA');
    expect(soa.response.records[0]?.value).toBe('ns1.example.com hostmaster.example.com 1 1 1 1 120');
  });

  it('decodes TXT bytes as UTF-8', () => {
    const step = interpret(reply(0, [{ name: 'www.example.com', type: 'TXT', data: [Buffer.from('caf\u00e9', 'utf8')] }]), 'www.example.com', 'TXT');
    expect(step.response.records[0]?.value).toBe('café');
  });
});

describe('wire', () => {
  it('asks with RD set and an EDNS0 OPT record advertising 1232 bytes', () => {
    const query = decodeMessage(encodeQuery(4242, 'example.com', 'TXT'));
    expect(query).toMatchObject({ id: 4242, type: 'query', flag_rd: true, questions: [{ name: 'example.com', type: 'TXT', class: 'IN' }] });
    expect(query.additionals).toMatchObject([{ type: 'OPT', udpPayloadSize: EDNS_UDP_PAYLOAD }]);
  });

  it('throws on a message cut short', () => {
    const whole = dnsPacket.encode({
      type: 'response',
      id: 1,
      questions: [{ name: 'a.example', type: 'A' }],
      answers: [{ name: 'a.example', type: 'A', data: '192.0.2.1' }],
    });
    expect(() => decodeMessage(whole.subarray(0, whole.length - 2))).toThrow();
    expect(() => decodeMessage(Buffer.from([1, 2, 3]))).toThrow();
  });

  it('recognises the reply to its question only', () => {
    const message = (name: string, type: 'A' | 'AAAA', id = 7, klass: 'IN' | 'CH' = 'IN') =>
      decodeMessage(dnsPacket.encode({ type: 'response', id, questions: [{ name, type, class: klass }] }));
    expect(isReplyTo(message('A.Example.', 'A'), 7, 'a.example', 'A')).toBe(true);
    expect(isReplyTo(message('a.example', 'A', 8), 7, 'a.example', 'A')).toBe(false);
    expect(isReplyTo(message('b.example', 'A'), 7, 'a.example', 'A')).toBe(false);
    expect(isReplyTo(message('a.example', 'AAAA'), 7, 'a.example', 'A')).toBe(false);
    expect(isReplyTo(message('a.example', 'A', 7, 'CH'), 7, 'a.example', 'A')).toBe(false);
  });
});
