import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer, type Server, type Socket } from 'node:net';
import { FrameReader, frame } from '../../dns/framing.js';
import type { ServerAddress } from '../../dns/server-address.js';
import { decodeMessage, type DecodedMessage } from '../../dns/wire.js';
import { QueryCounter, type Transport } from './counter.js';
import type { FaultOptions, FaultRule } from './faults.js';
import { respond } from './responder.js';
import type { Zone } from './zone-record.js';
import { ZoneSet } from './zone-set.js';

export const LOOPBACK = '127.0.0.1';

export interface DnsSimulatorOptions extends FaultOptions {
  zones: Zone[];
  /** UDP and TCP both listen here; 0 (the default) picks a free port. */
  port?: number;
}

/** Where the simulator listens, in the shape the resolver takes its servers. */
export type SimulatorAddress = ServerAddress;

/** Binding UDP to a free port and then TCP to the same number can race another process; try a few ports. */
const BIND_ATTEMPTS = 10;

/**
 * An authoritative DNS server on loopback, UDP and TCP on one port, serving master-file zones, with
 * switchable faults and a query counter. For the demo, the tests and the benchmarks.
 */
export class DnsSimulator {
  /** Every decodable query received, by name, type and transport. */
  readonly counter = new QueryCounter();
  readonly #zones: ZoneSet;
  readonly #requestedPort: number;
  #latencyMs: number;
  #rules: FaultRule[];
  #udp: UdpSocket | undefined;
  #tcp: Server | undefined;
  #address: SimulatorAddress | undefined;
  readonly #connections = new Set<Socket>();
  readonly #timers = new Set<NodeJS.Timeout>();

  constructor(options: DnsSimulatorOptions) {
    this.#zones = new ZoneSet(options.zones);
    this.#requestedPort = options.port ?? 0;
    this.#latencyMs = options.latencyMs ?? 0;
    this.#rules = [...(options.rules ?? [])];
  }

  /** Where it listens; throws before start(). */
  get address(): SimulatorAddress {
    if (!this.#address) throw new Error('the DNS simulator is not started');
    return this.#address;
  }

  async start(): Promise<SimulatorAddress> {
    if (this.#address) return this.#address;
    for (let attempt = 1; ; attempt += 1) {
      // A burst of questions must not overflow the default receive buffer (the kernel caps the size asked).
      const udp = createSocket({ type: 'udp4', recvBufferSize: 4 * 1024 * 1024 });
      await bindUdp(udp, this.#requestedPort);
      const { port } = udp.address();
      const tcp = createServer((socket) => this.#accept(socket));
      try {
        await listen(tcp, port);
      } catch (error) {
        await closeUdp(udp);
        if (this.#requestedPort === 0 && attempt < BIND_ATTEMPTS && (error as NodeJS.ErrnoException).code === 'EADDRINUSE') continue;
        throw error;
      }
      udp.on('message', (packet, from) => this.#handle(packet, 'udp', (reply) => udp.send(reply, from.port, from.address)));
      // A client that went away (ICMP unreachable) must not bring the simulator down.
      udp.on('error', () => undefined);
      this.#udp = udp;
      this.#tcp = tcp;
      this.#address = { host: LOOPBACK, port };
      return this.#address;
    }
  }

  /** Closes the sockets, every open connection and every delayed answer. Safe to call twice. */
  async stop(): Promise<void> {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    for (const socket of this.#connections) socket.destroy();
    this.#connections.clear();
    const udp = this.#udp;
    const tcp = this.#tcp;
    this.#udp = undefined;
    this.#tcp = undefined;
    this.#address = undefined;
    await Promise.all([udp && closeUdp(udp), tcp && new Promise<void>((resolve) => tcp.close(() => resolve()))]);
  }

  /** Changes the given switches (latency, rules) while running; what is not given stays as it was. */
  setFaults(faults: FaultOptions): void {
    if (faults.latencyMs !== undefined) this.#latencyMs = faults.latencyMs;
    if (faults.rules !== undefined) this.#rules = [...faults.rules];
  }

  addFault(rule: FaultRule): void {
    this.#rules.push(rule);
  }

  /** No latency, no rules: plain authoritative answers again. */
  clearFaults(): void {
    this.#latencyMs = 0;
    this.#rules = [];
  }

  #accept(socket: Socket): void {
    this.#connections.add(socket);
    const reader = new FrameReader();
    socket.on('data', (chunk) => {
      for (const message of reader.push(chunk)) {
        this.#handle(message, 'tcp', (reply) => {
          if (!socket.destroyed) socket.write(frame(reply));
        });
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => this.#connections.delete(socket));
  }

  #handle(packet: Buffer, transport: Transport, send: (reply: Buffer) => void): void {
    let query: DecodedMessage;
    try {
      query = decodeMessage(packet);
    } catch {
      return; // Malformed queries go unanswered; the client's timeout is the honest signal.
    }
    if (query.type !== 'query') return; // Stray responses (or reflections) are not questions.
    const question = query.questions?.[0];
    if (question) this.counter.record(question.name, question.type, transport);
    const replies = respond(query, { zones: this.#zones, rules: this.#rules, transport });
    if (replies.length === 0) return;
    const sendAll = (): void => {
      if (this.#address) for (const reply of replies) send(reply);
    };
    if (this.#latencyMs <= 0) {
      sendAll();
      return;
    }
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      sendAll();
    }, this.#latencyMs);
    this.#timers.add(timer);
  }
}

function bindUdp(socket: UdpSocket, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: Error): void => {
      socket.close();
      reject(error);
    };
    socket.once('error', fail);
    socket.bind(port, LOOPBACK, () => {
      socket.off('error', fail);
      resolve();
    });
  });
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeUdp(socket: UdpSocket): Promise<void> {
  return new Promise((resolve) => socket.close(() => resolve()));
}
