import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startZoneServer } from '../../src/simulators/demo-dns.js';
import { ROOT } from './cli.js';

export const DEMO_ZONES = path.join(ROOT, 'fixtures/zones/demo');

/** Serves the demo store's zones on loopback for the suite; `address()` is what --resolver takes. */
export const useDemoDns = (): { address(): string } => {
  let server: Awaited<ReturnType<typeof startZoneServer>> | undefined;
  beforeAll(async () => {
    server = await startZoneServer(DEMO_ZONES);
  });
  afterAll(async () => {
    await server?.stop();
  });
  return {
    address: () => {
      if (!server) throw new Error('the demo DNS server is not running');
      return server.address;
    },
  };
};
