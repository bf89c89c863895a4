import { createSocket } from 'node:dgram';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { Resolver, type ResolverOptions } from '../../src/dns/resolver.js';
import { DnsSimulator, type DnsSimulatorOptions } from '../../src/simulators/dns/server.js';
import { loadZoneFiles } from '../../src/simulators/dns/zone-files.js';
import type { Zone } from '../../src/simulators/dns/zone-record.js';

export const ZONES_DIR = fileURLToPath(new URL('../../fixtures/zones/', import.meta.url));
export const FIXTURE_ZONES = ['test.example.zone', 'provider.example.zone', '100.51.198.in-addr.arpa.zone'];

/** Short enough to keep the suite fast, long enough for loopback on a busy CI machine. */
export const TEST_TIMEOUT_MS = 200;

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
  return new Resolver({ servers: simulators.map((simulator) => simulator.address), timeoutMs: TEST_TIMEOUT_MS, retries: 0, ...options });
}

/** Sends one datagram and gathers the replies until `count` arrive or the wait ends. */
export function collectUdp(server: { host: string; port: number }, packet: Buffer, count: number, waitMs = 1000): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    const replies: Buffer[] = [];
    const done = (): void => {
      clearTimeout(timer);
      socket.close();
      resolve(replies);
    };
    const timer = setTimeout(done, waitMs);
    socket.on('error', (error) => {
      clearTimeout(timer);
      socket.close();
      reject(error);
    });
    socket.on('message', (reply) => {
      replies.push(reply);
      if (replies.length >= count) done();
    });
    socket.send(packet, server.port, server.host);
  });
}

/** Sockets and TCP handles this process holds open, to check a test left none behind. */
export function openSockets(): number {
  return process.getActiveResourcesInfo().filter((resource) => resource === 'UDPWrap' || resource === 'TCPWrap' || resource === 'TCPSocketWrap').length;
}
