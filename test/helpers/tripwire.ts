import { createSocket, type Socket } from 'node:dgram';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { CLI_TEST_TIMEOUT_MS } from './cli.js';

export interface Tripwire {
  /** --resolver and --set flags that point the demo profile's DNS and webhook here. */
  flags(): string[];
  /** What the demo profile interpolates. */
  env(): Record<string, string>;
  /** DNS datagrams and HTTP requests received since the suite started. */
  hits(): Promise<{ dns: number; http: number }>;
}

/**
 * A DNS resolver and a webhook on loopback that never answer and count what reaches them: a run
 * that must stop before auditing proves it did by leaving both at zero, and sends nothing off
 * the machine meanwhile.
 */
export const useTripwire = (): Tripwire => {
  let dns: Socket | undefined;
  let http: Server | undefined;
  const counts = { dns: 0, http: 0 };
  beforeAll(async () => {
    dns = createSocket('udp4').on('message', () => counts.dns++);
    await new Promise<void>((resolve) => dns!.bind(0, '127.0.0.1', resolve));
    http = createServer((_request, response) => {
      counts.http++;
      response.statusCode = 503;
      response.end();
    });
    await new Promise<void>((resolve) => http!.listen(0, '127.0.0.1', resolve));
  }, CLI_TEST_TIMEOUT_MS);
  afterAll(async () => {
    dns?.close();
    http?.closeAllConnections();
    await new Promise((resolve) => http?.close(resolve));
  }, CLI_TEST_TIMEOUT_MS);
  const port = (address: AddressInfo | string | null | undefined): number => {
    if (typeof address !== 'object' || address === null) throw new Error('the tripwire is not listening');
    return address.port;
  };
  return {
    flags: () => [
      '--resolver',
      `127.0.0.1:${port(dns?.address())}`,
      '--set',
      `checks.sms-routing.webhook=http://127.0.0.1:${port(http?.address())}/sms`,
    ],
    env: () => ({ Q4CHECK_DEMO_AUTH_TOKEN: 'tripwire-token' }),
    // A datagram already sent by a child that has exited is read on the next turns of the event loop.
    hits: async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { ...counts };
    },
  };
};
