import dnsPacket from 'dns-packet';
import type { RecordType } from '../../../src/dns/types.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tcpExchange } from '../../../src/dns/transport-tcp.js';
import { decodeMessage, encodeQuery, type DecodedMessage } from '../../../src/dns/wire.js';
import { DnsSimulator } from '../../../src/simulators/dns/server.js';
import { parseZone } from '../../../src/simulators/dns/zone-parser.js';
import { ANSWER_TIMEOUT_MS, collectUdp, startSimulator } from '../../dns/helpers.js';

let simulator: DnsSimulator;

beforeEach(async () => {
  simulator = await startSimulator();
});

afterEach(async () => {
  await simulator.stop();
});

/**
 * A test that expects silence listens this long for a reply that should not come. Time cannot turn
 * silence into a reply, so a stall cannot fail such a test; replies that should come are waited for long.
 */
const SILENCE_MS = 300;

interface UdpAsk {
  edns?: boolean;
  /** Replies to wait for. Default 1. */
  expect?: number;
  /** No reply is expected: listen SILENCE_MS only. */
  silent?: boolean;
  /** After the expected replies, listen SILENCE_MS more for one too many. */
  thenSilence?: boolean;
}

async function udp(name: string, type: RecordType, options: UdpAsk = {}): Promise<DecodedMessage[]> {
  const query = options.edns === false ? dnsPacket.encode({ type: 'query', id: 99, questions: [{ name, type }] }) : encodeQuery(99, name, type);
  const wait = options.silent ? { waitMs: SILENCE_MS } : options.thenSilence ? { extraMs: SILENCE_MS } : {};
  const replies = await collectUdp(simulator.address, query, options.expect ?? 1, wait);
  return replies.map(decodeMessage);
}

/** The first reply to a question (only wrongId sends more, and its test listens for them). */
async function one(name: string, type: RecordType, options: { edns?: boolean } = {}): Promise<DecodedMessage> {
  const [reply] = await udp(name, type, options);
  if (!reply) throw new Error(`no answer for ${name} ${type}`);
  return reply;
}

async function tcp(name: string, type: RecordType): Promise<DecodedMessage> {
  const result = await tcpExchange({ server: simulator.address, id: 7, name, type, query: encodeQuery(7, name, type), timeoutMs: ANSWER_TIMEOUT_MS });
  if (result.kind !== 'message') throw new Error(`TCP exchange failed: ${result.kind}`);
  return result.message;
}

describe('starting and stopping', () => {
  it('listens on 127.0.0.1, UDP and TCP on the same free port', async () => {
    expect(simulator.address.host).toBe('127.0.0.1');
    expect(simulator.address.port).toBeGreaterThan(0);
    expect((await one('ns1.test.example', 'A')).answers).toHaveLength(1);
    expect((await tcp('ns1.test.example', 'A')).answers).toHaveLength(1);
  });

  it('listens on a given port and stops cleanly, twice', async () => {
    await simulator.stop();
    expect(() => simulator.address).toThrow('not started');
    // The port just freed is free for every process on the machine too: when another one takes it
    // first, try with the next freed port rather than fail on what this test does not own.
    const zones = [parseZone('@ 60 SOA ns hm 1 2 3 4 5', { file: 'z', origin: 'example.com' })];
    for (let attempt = 1; ; attempt += 1) {
      const probe = new DnsSimulator({ zones });
      const { port } = await probe.start();
      await probe.stop();
      const again = new DnsSimulator({ zones, port });
      try {
        expect(await again.start()).toEqual({ host: '127.0.0.1', port });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE' && attempt < 10) continue;
        throw error;
      }
      expect((await collectUdp(again.address, encodeQuery(1, 'example.com', 'SOA'), 1)).length).toBe(1);
      await again.stop();
      await again.stop();
      expect(() => again.address).toThrow('not started');
      return;
    }
  });
});

describe('authoritative answers', () => {
  it('sets AA and echoes the question as asked', async () => {
    const reply = await one('NS1.Test.Example', 'A');
    expect(reply).toMatchObject({ id: 99, type: 'response', flag_aa: true, flag_tc: false, rcode: 'NOERROR' });
    expect(reply.questions).toEqual([{ name: 'NS1.Test.Example', type: 'A', class: 'IN' }]);
    expect(reply.answers).toMatchObject([{ name: 'ns1.test.example', type: 'A', ttl: 300, data: '198.51.100.53' }]);
  });

  it('answers NODATA and NXDOMAIN with the SOA in the authority section', async () => {
    const nodata = await one('deep.test.example', 'A');
    expect(nodata).toMatchObject({ rcode: 'NOERROR', flag_aa: true, answers: [], authorities: [{ type: 'SOA', name: 'test.example' }] });
    const nxdomain = await one('nope.test.example', 'A');
    expect(nxdomain).toMatchObject({ rcode: 'NXDOMAIN', flag_aa: true, answers: [], authorities: [{ type: 'SOA', data: { minimum: 60 } }] });
  });

  it('refuses names outside its zones, without AA', async () => {
    expect(await one('www.example.org', 'A')).toMatchObject({ rcode: 'REFUSED', flag_aa: false, answers: [] });
  });

  it('includes the target records of a CNAME inside the zone', async () => {
    const reply = await one('alias1.test.example', 'A');
    expect(reply.answers?.map((answer) => `${answer.name} ${answer.type}`)).toEqual([
      'alias1.test.example CNAME',
      'alias2.test.example CNAME',
      'www.test.example CNAME',
      'shop.test.example A',
    ]);
  });

  it('answers a CNAME to another zone with the CNAME alone', async () => {
    const reply = await one('sel1._domainkey.test.example', 'TXT');
    expect(reply).toMatchObject({ rcode: 'NOERROR', authorities: [], answers: [{ type: 'CNAME', data: 'sel1._domainkey.provider.example' }] });
  });

  it('serves several zones: reverse and provider', async () => {
    expect((await one('25.100.51.198.in-addr.arpa', 'PTR')).answers).toMatchObject([{ data: 'mx1.test.example' }]);
    expect((await one('_spf.provider.example', 'TXT')).answers).toHaveLength(1);
  });
});

describe('size limits', () => {
  // About 730 bytes of answer: over the classic 512-byte limit, within the 1232 bytes EDNS0 advertises.
  const text = ['$TTL 60', '@ SOA ns hm 1 2 3 4 5', `mid TXT "${'m'.repeat(250)}" "${'m'.repeat(250)}" "${'m'.repeat(200)}"`].join('\n');
  const mid = new DnsSimulator({ zones: [parseZone(text, { file: 'z', origin: 'example.com' })] });
  afterEach(async () => {
    await mid.stop();
  });

  it('truncates over 512 bytes without EDNS, but not within the EDNS size', async () => {
    await mid.start();
    const ask = async (edns: boolean) => {
      const plain = dnsPacket.encode({ type: 'query', id: 1, questions: [{ name: 'mid.example.com', type: 'TXT' }] });
      const [reply] = await collectUdp(mid.address, edns ? encodeQuery(1, 'mid.example.com', 'TXT') : plain, 1);
      return decodeMessage(reply as Buffer);
    };
    expect(await ask(false)).toMatchObject({ flag_tc: true, answers: [], authorities: [] });
    expect(await ask(true)).toMatchObject({ flag_tc: false, answers: [{ type: 'TXT' }] });
  });

  it('sends the 62 KB TXT set truncated over UDP and whole over TCP', async () => {
    expect(await one('big.test.example', 'TXT')).toMatchObject({ flag_tc: true, answers: [] });
    const whole = await tcp('big.test.example', 'TXT');
    expect(whole.flag_tc).toBe(false);
    expect(whole.answers).toHaveLength(240);
  });
});

describe('fault switches', () => {
  it.each([
    ['servfail', 'SERVFAIL'],
    ['refused', 'REFUSED'],
    ['nxdomain', 'NXDOMAIN'],
  ] as const)('%s answers %s for that name only', async (fault, rcode) => {
    simulator.addFault({ name: 'SHOP.test.example.', fault });
    expect((await one('shop.test.example', 'A')).rcode).toBe(rcode);
    expect((await one('www.test.example', 'A')).rcode).toBe('NOERROR');
  });

  it('limits a rule to its type', async () => {
    simulator.addFault({ name: 'mx2.test.example', type: 'AAAA', fault: 'servfail' });
    expect((await one('mx2.test.example', 'AAAA')).rcode).toBe('SERVFAIL');
    expect((await one('mx2.test.example', 'A')).rcode).toBe('NOERROR');
  });

  it('drop never answers, but counts the query', async () => {
    simulator.addFault({ name: 'shop.test.example', fault: 'drop' });
    expect(await udp('shop.test.example', 'A', { silent: true })).toEqual([]);
    expect(simulator.counter.count({ name: 'shop.test.example' })).toBe(1);
  });

  it('truncate sets TC over UDP and answers whole over TCP', async () => {
    simulator.addFault({ name: 'shop.test.example', fault: 'truncate' });
    expect(await one('shop.test.example', 'A')).toMatchObject({ flag_tc: true, answers: [] });
    expect((await tcp('shop.test.example', 'A')).answers).toHaveLength(1);
  });

  it('wrongId sends a forged-id answer first, then the real one unless told not to', async () => {
    simulator.addFault({ name: 'shop.test.example', fault: 'wrongId' });
    const [forged, real] = await udp('shop.test.example', 'A', { expect: 2 });
    expect(forged?.id).not.toBe(99);
    expect(forged?.answers).toHaveLength(1);
    expect(real?.id).toBe(99);
    simulator.setFaults({ rules: [{ name: 'shop.test.example', fault: 'wrongId', alsoAnswer: false }] });
    const only = await udp('shop.test.example', 'A', { thenSilence: true });
    expect(only.map((reply) => reply.id === 99)).toEqual([false]);
  });

  it('latency delays answers without losing them', async () => {
    simulator.setFaults({ latencyMs: 30 });
    expect((await one('shop.test.example', 'A')).answers).toHaveLength(1);
    expect((await tcp('shop.test.example', 'A')).answers).toHaveLength(1);
  });

  it('can be switched at runtime and cleared', async () => {
    const withFaults = await startSimulator({ rules: [{ name: 'shop.test.example', fault: 'refused' }] });
    try {
      const ask = async () => decodeMessage((await collectUdp(withFaults.address, encodeQuery(5, 'shop.test.example', 'A'), 1))[0] as Buffer).rcode;
      expect(await ask()).toBe('REFUSED');
      withFaults.setFaults({ rules: [{ name: 'shop.test.example', fault: 'servfail' }] });
      expect(await ask()).toBe('SERVFAIL');
      withFaults.clearFaults();
      expect(await ask()).toBe('NOERROR');
    } finally {
      await withFaults.stop();
    }
  });
});

describe('query counter', () => {
  it('counts by name, type and transport, and in total', async () => {
    await one('shop.test.example', 'A');
    await one('Shop.Test.Example.', 'A');
    await one('shop.test.example', 'AAAA');
    await tcp('shop.test.example', 'A');
    const { counter } = simulator;
    expect(counter.count({ name: 'shop.test.example' })).toBe(4);
    expect(counter.count({ name: 'SHOP.test.example.', type: 'a' })).toBe(3);
    expect(counter.count({ type: 'A', transport: 'udp' })).toBe(2);
    expect(counter.count({ transport: 'tcp' })).toBe(1);
    expect(counter.total).toBe(4);
    counter.reset();
    expect(counter.total).toBe(0);
  });

  it('ignores what is not a query', async () => {
    expect(await collectUdp(simulator.address, Buffer.from('not dns'), 1, { waitMs: SILENCE_MS })).toEqual([]);
    const response = dnsPacket.encode({ type: 'response', id: 3, questions: [{ name: 'shop.test.example', type: 'A' }] });
    expect(await collectUdp(simulator.address, response, 1, { waitMs: SILENCE_MS })).toEqual([]);
    expect(simulator.counter.total).toBe(0);
  });
});
