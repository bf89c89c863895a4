import { createSocket, type RemoteInfo, type Socket as UdpSocket } from 'node:dgram';
import { createServer, type Server, type Socket } from 'node:net';
import dnsPacket from 'dns-packet';
import type { Packet } from 'dns-packet';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FrameReader, frame } from '../../src/dns/framing.js';
import { Resolver } from '../../src/dns/resolver.js';
import { decodeMessage, type DecodedMessage } from '../../src/dns/wire.js';
import { ANSWER_TIMEOUT_MS, openSockets, SILENT_TIMEOUT_MS } from './helpers.js';

/** A server that misbehaves on purpose: each test decides what goes back, over UDP and TCP on one port. */
interface Hostile {
  port: number;
  udp: UdpSocket;
  tcp: Server;
}

type UdpHandler = (query: DecodedMessage, from: RemoteInfo, server: UdpSocket) => void;
type TcpHandler = (query: DecodedMessage, socket: Socket) => void;

const opened: Hostile[] = [];
const extraSockets: UdpSocket[] = [];

afterEach(async () => {
  for (const socket of extraSockets.splice(0)) socket.close();
  await Promise.all(
    opened.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.udp.close();
          server.tcp.close(() => resolve());
        }),
    ),
  );
});

async function hostile(onUdp: UdpHandler, onTcp: TcpHandler = () => undefined): Promise<Hostile> {
  for (let attempt = 0; ; attempt += 1) {
    const udp = createSocket('udp4');
    await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));
    const { port } = udp.address();
    const tcp = createServer((socket) => {
      const reader = new FrameReader();
      socket.on('error', () => undefined);
      socket.on('data', (chunk) => reader.push(chunk).forEach((message) => onTcp(decodeMessage(message), socket)));
    });
    try {
      await new Promise<void>((resolve, reject) => {
        tcp.once('error', reject);
        tcp.listen(port, '127.0.0.1', resolve);
      });
    } catch (error) {
      udp.close();
      // Another process took the port between the two binds: try another.
      if (attempt < 20) continue;
      throw error;
    }
    udp.on('message', (packet, from) => onUdp(decodeMessage(packet), from, udp));
    const server = { port, udp, tcp };
    opened.push(server);
    return server;
  }
}

function answer(query: DecodedMessage, changes: Partial<Packet> = {}): Buffer {
  const question = query.questions?.[0];
  return dnsPacket.encode({
    type: 'response',
    id: query.id,
    flags: dnsPacket.AUTHORITATIVE_ANSWER,
    questions: query.questions,
    answers: question ? [{ name: question.name, type: 'A', ttl: 60, data: '192.0.2.1' }] : [],
    ...changes,
  });
}

/** Waits long for an answer that comes; `silent` when the server never answers what is asked. */
function resolverAt(server: Hostile, { retries = 0, silent = false } = {}): Resolver {
  const timeoutMs = silent ? SILENT_TIMEOUT_MS : ANSWER_TIMEOUT_MS;
  return new Resolver({ servers: [{ host: '127.0.0.1', port: server.port }], timeoutMs, retries });
}

describe('anti-spoofing over UDP', () => {
  it('ignores a correct answer sent from another port', async () => {
    const spoofer = createSocket('udp4');
    extraSockets.push(spoofer);
    const server = await hostile((query, from) => spoofer.send(answer(query), from.port, from.address));
    expect((await resolverAt(server, { silent: true }).query('shop.test.example', 'A')).outcome).toBe('timeout');
  });

  it('ignores an answer to another question and takes the right one that follows', async () => {
    const server = await hostile((query, from, socket) => {
      socket.send(answer(query, { questions: [{ name: 'other.test.example', type: 'A', class: 'IN' }] }), from.port, from.address);
      socket.send(answer(query, { questions: [{ name: 'shop.test.example', type: 'AAAA', class: 'IN' }] }), from.port, from.address);
      socket.send(answer(query), from.port, from.address);
    });
    const response = await resolverAt(server).query('shop.test.example', 'A');
    expect(response.records.map((record) => record.value)).toEqual(['192.0.2.1']);
  });

  it('matches the question name case-insensitively', async () => {
    const server = await hostile((query, from, socket) => {
      socket.send(answer(query, { questions: [{ name: 'SHOP.Test.Example', type: 'A', class: 'IN' }] }), from.port, from.address);
    });
    expect((await resolverAt(server).query('shop.test.example', 'A')).outcome).toBe('answer');
  });

  it('ignores its own query echoed back (no QR bit)', async () => {
    const server = await hostile((query, from, socket) => socket.send(answer(query, { type: 'query' }), from.port, from.address));
    expect((await resolverAt(server, { silent: true }).query('shop.test.example', 'A')).outcome).toBe('timeout');
  });
});

describe('broken answers', () => {
  it('calls a malformed answer with the right id an error', async () => {
    const server = await hostile((query, from, socket) => {
      const garbage = Buffer.from([0, 0, 0x84, 0, 0, 1, 0, 1, 0, 0, 0, 0, 7, 0x74]);
      garbage.writeUInt16BE(query.id ?? 0, 0);
      socket.send(garbage, from.port, from.address);
    });
    const response = await resolverAt(server).query('shop.test.example', 'A');
    expect(response).toMatchObject({ outcome: 'error', error: expect.stringContaining('malformed answer') });
  });

  it('tries again after a malformed answer', async () => {
    let calls = 0;
    const server = await hostile((query, from, socket) => {
      calls += 1;
      const reply = answer(query);
      socket.send(calls === 1 ? reply.subarray(0, reply.length - 3) : reply, from.port, from.address);
    });
    const resolver = resolverAt(server, { retries: 1 });
    expect((await resolver.query('shop.test.example', 'A')).outcome).toBe('answer');
    expect(resolver.log()[0]?.attempts).toBe(2);
  });

  it('calls an unexpected rcode an error', async () => {
    const server = await hostile((query, from, socket) => socket.send(answer(query, { flags: 4, answers: [] }), from.port, from.address));
    expect(await resolverAt(server).query('shop.test.example', 'A')).toMatchObject({ outcome: 'error', error: expect.stringContaining('NOTIMP') });
  });
});

describe('TCP after truncation', () => {
  const truncated: UdpHandler = (query, from, socket) =>
    socket.send(answer(query, { flags: dnsPacket.TRUNCATED_RESPONSE, answers: [] }), from.port, from.address);

  it('reassembles an answer that arrives one byte at a time', async () => {
    const server = await hostile(truncated, (query, socket) => {
      const bytes = frame(answer(query));
      let sent = 0;
      const drip = (): void => {
        if (socket.destroyed || sent >= bytes.length) return;
        socket.write(bytes.subarray(sent, sent + 1));
        sent += 1;
        setImmediate(drip);
      };
      drip();
    });
    const resolver = resolverAt(server);
    expect((await resolver.query('shop.test.example', 'A')).outcome).toBe('answer');
    expect(resolver.log()[0]).toMatchObject({ transport: 'tcp', attempts: 2 });
  });

  it('calls a connection closed without an answer an error', async () => {
    const server = await hostile(truncated, (_query, socket) => socket.end());
    expect(await resolverAt(server).query('shop.test.example', 'A')).toMatchObject({ outcome: 'error', error: expect.stringContaining('closed') });
  });

  it('closes the TCP connection when the signal aborts', async () => {
    let connected = false;
    const server = await hostile(truncated, () => {
      connected = true;
    });
    await vi.waitFor(() => expect(openSockets()).toBe(1), { timeout: ANSWER_TIMEOUT_MS });
    const controller = new AbortController();
    const resolver = new Resolver({ servers: [{ host: '127.0.0.1', port: server.port }], timeoutMs: 60_000 });
    const pending = resolver.query('shop.test.example', 'A', controller.signal);
    await vi.waitFor(() => expect(connected).toBe(true), { timeout: ANSWER_TIMEOUT_MS });
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
    await vi.waitFor(() => expect(openSockets()).toBe(1), { timeout: ANSWER_TIMEOUT_MS });
  });
});
