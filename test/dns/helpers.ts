import { createSocket } from 'node:dgram';
import { expect, vi } from 'vitest';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { Resolver, type ResolverOptions } from '../../src/dns/resolver.js';
import type { CountFilter } from '../../src/simulators/dns/counter.js';
import { DnsSimulator, type DnsSimulatorOptions } from '../../src/simulators/dns/server.js';
import { loadZoneFiles } from '../../src/simulators/dns/zone-files.js';
import type { Zone } from '../../src/simulators/dns/zone-record.js';

export const ZONES_DIR = fileURLToPath(new URL('../../fixtures/zones/', import.meta.url));
export const FIXTURE_ZONES = ['test.example.zone', 'provider.example.zone', '100.51.198.in-addr.arpa.zone'];

/**
 * How long a test waits for an answer that comes: no stall of a loaded machine lasts this long, so an
 * answer is never mistaken for silence. A test that wants silence uses SILENT_TIMEOUT_MS, or ends the
 * wait itself (`endWaits`).
 */
export const ANSWER_TIMEOUT_MS = 10_000;

/** For a resolver whose every question goes unanswered: silence stays silence however slow the machine. */
export const SILENT_TIMEOUT_MS = 100;

let fixtureZones: Promise<Zone[]> | undefined;

export function loadFixtureZones(): Promise<Zone[]> {
  fixtureZones ??= loadZoneFiles(FIXTURE_ZONES.map((file) => path.join(ZONES_DIR, file)));
  return fixtureZones;
}

/** A started simulator serving the fixture zones; the caller stops it. */
export async function startSimulator(options: Omit<DnsSimulatorOptions, 'zones'> = {}): Promise<DnsSimulator> {
  const simulator = new DnsSimulator({ zones: await loadFixtureZones(), ...options });
  await simulator.start();
  return simulator;
}

/** A resolver asking the given simulators in order, with test-sized timeouts and no retries unless asked. */
export function resolverFor(simulators: DnsSimulator[], options: ResolverOptions = {}): Resolver {
  return new Resolver({ servers: simulators.map((simulator) => simulator.address), timeoutMs: ANSWER_TIMEOUT_MS, retries: 0, ...options });
}

/**
 * Sends one datagram and gathers the replies until `count` arrive (then `extraMs` more, to catch any that
 * should not come) or `waitMs` passes. A test expecting silence passes a short `waitMs`: time cannot turn
 * silence into a reply.
 */
export function collectUdp(
  server: { host: string; port: number },
  packet: Buffer,
  count: number,
  { waitMs = ANSWER_TIMEOUT_MS, extraMs = 0 }: { waitMs?: number; extraMs?: number } = {},
): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    const replies: Buffer[] = [];
    let timer = setTimeout(() => done(), waitMs);
    const done = (): void => {
      clearTimeout(timer);
      socket.close();
      resolve(replies);
    };
    socket.on('error', (error) => {
      clearTimeout(timer);
      socket.close();
      reject(error);
    });
    socket.on('message', (reply) => {
      replies.push(reply);
      if (replies.length !== count) return;
      clearTimeout(timer);
      if (extraMs > 0) timer = setTimeout(done, extraMs);
      else done();
    });
    socket.send(packet, server.port, server.host);
  });
}

/**
 * Puts the resolver's per-attempt deadlines in the test's hands, so a silent server's wait ends when the
 * test says and an answering server is never late, however slow the machine. Undo with vi.useRealTimers().
 */
export function holdDeadlines(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
}

/**
 * Once `simulator` has received `asked` questions matching `filter`, ends the wait for their answers,
 * and for every other answer still awaited: call it when only the silent questions are left.
 */
export async function endWaits(simulator: DnsSimulator, filter: CountFilter, asked: number): Promise<void> {
  await vi.waitFor(() => expect(simulator.counter.count(filter)).toBe(asked), { timeout: ANSWER_TIMEOUT_MS });
  vi.advanceTimersByTime(ANSWER_TIMEOUT_MS);
}

/** Sockets and TCP handles this process holds open, to check a test left none behind. */
export function openSockets(): number {
  return process.getActiveResourcesInfo().filter((resource) => resource === 'UDPWrap' || resource === 'TCPWrap' || resource === 'TCPSocketWrap').length;
}
