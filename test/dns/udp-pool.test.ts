import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import dnsPacket from 'dns-packet';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExchangeRequest, ExchangeResult } from '../../src/dns/exchange.js';
import { udpExchange } from '../../src/dns/transport-udp.js';
import { UdpPool } from '../../src/dns/udp-pool.js';
import { decodeMessage, encodeQuery, type DecodedMessage } from '../../src/dns/wire.js';
import { openSockets } from './helpers.js';

/** Generous: nothing here waits for a timeout, every question is answered. */
const WAIT_MS = 10_000;

/** A UDP server that holds every query until the test releases them, and notes the port each came from. */
interface Holding {
  port: number;
  held: { query: DecodedMessage; from: RemoteInfo }[];
  answer(query: DecodedMessage, from: RemoteInfo, value?: string): void;
}

const servers: Socket[] = [];

afterEach(() => {
  for (const socket of servers.splice(0)) socket.close();
});

async function holding(): Promise<Holding> {
  const socket = createSocket('udp4');
  servers.push(socket);
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const held: Holding['held'] = [];
  socket.on('message', (packet, from) => held.push({ query: decodeMessage(packet), from }));
  return {
    port: socket.address().port,
    held,
    answer(query, from, value = '192.0.2.1') {
      const question = query.questions?.[0];
      const reply = dnsPacket.encode({
        type: 'response',
        id: query.id,
        questions: query.questions,
        answers: question ? [{ name: question.name, type: 'A', ttl: 60, data: value }] : [],
      });
      socket.send(reply, from.port, from.address);
    },
  };
}

function request(server: Holding, name: string, id: number): ExchangeRequest {
  return { server: { host: '127.0.0.1', port: server.port }, id, name, type: 'A', query: encodeQuery(id, name, 'A'), timeoutMs: WAIT_MS };
}

const answered = (result: ExchangeResult): string | undefined =>
  result.kind === 'message' && result.message.answers?.[0]?.type === 'A' ? (result.message.answers[0].data as string) : undefined;

describe('UDP port pool', () => {
  it('sends concurrent questions from a few ports, not one socket per question', async () => {
    const server = await holding();
    const pool = new UdpPool({ ports: 4 });
    const names = Array.from({ length: 40 }, (_, index) => `q${index}.test.example`);
    const pending = names.map((name, index) => udpExchange(pool, request(server, name, index)));
    await vi.waitFor(() => expect(server.held).toHaveLength(40), { timeout: WAIT_MS });
    const ports = new Set(server.held.map(({ from }) => from.port));
    expect(ports.size).toBeLessThanOrEqual(4);
    // 40 questions spread at random over 4 ports all landing on one would be a broken pick.
    expect(ports.size).toBeGreaterThan(1);
    for (const { query, from } of server.held) server.answer(query, from);
    expect((await Promise.all(pending)).map(answered)).toEqual(names.map(() => '192.0.2.1'));
  });

  it('replaces a port once it has carried its share of questions', async () => {
    const server = await holding();
    const pool = new UdpPool({ ports: 1, questionsPerPort: 4 });
    const pending = Array.from({ length: 10 }, (_, index) => udpExchange(pool, request(server, `q${index}.test.example`, index)));
    await vi.waitFor(() => expect(server.held).toHaveLength(10), { timeout: WAIT_MS });
    const perPort = new Map<number, number>();
    for (const { from } of server.held) perPort.set(from.port, (perPort.get(from.port) ?? 0) + 1);
    expect([...perPort.values()]).toEqual([4, 4, 2]);
    for (const { query, from } of server.held) server.answer(query, from);
    expect((await Promise.all(pending)).every((result) => result.kind === 'message')).toBe(true);
  });

  it('gives each question on a shared port its own answer, even under the same id', async () => {
    const server = await holding();
    const pool = new UdpPool({ ports: 1 });
    const first = udpExchange(pool, request(server, 'first.test.example', 7));
    const second = udpExchange(pool, request(server, 'second.test.example', 7));
    await vi.waitFor(() => expect(server.held).toHaveLength(2), { timeout: WAIT_MS });
    // Answered in reverse order, each with a value of its own.
    const [a, b] = server.held;
    server.answer(b!.query, b!.from, '192.0.2.2');
    server.answer(a!.query, a!.from, '192.0.2.1');
    expect(answered(await first)).toBe('192.0.2.1');
    expect(answered(await second)).toBe('192.0.2.2');
  });

  it('closes its ports once no question waits on them', async () => {
    await vi.waitFor(() => expect(openSockets()).toBe(0), { timeout: WAIT_MS });
    const server = await holding();
    const before = openSockets();
    const pool = new UdpPool({ ports: 4 });
    const pending = Array.from({ length: 12 }, (_, index) => udpExchange(pool, request(server, `q${index}.test.example`, index)));
    await vi.waitFor(() => expect(server.held).toHaveLength(12), { timeout: WAIT_MS });
    expect(openSockets() - before).toBeGreaterThan(0);
    expect(openSockets() - before).toBeLessThanOrEqual(4);
    for (const { query, from } of server.held) server.answer(query, from);
    await Promise.all(pending);
    await vi.waitFor(() => expect(openSockets()).toBe(before), { timeout: WAIT_MS });
  });

  it('refuses a pool without ports or without questions per port', () => {
    expect(() => new UdpPool({ ports: 0 })).toThrow(RangeError);
    expect(() => new UdpPool({ questionsPerPort: 0 })).toThrow(RangeError);
  });
});
