import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { DnsSimulator, loadZoneFiles } from './dns/index.js';
import { freeLoopbackPort } from './loopback.js';
import { SmsSimulator, type SmsFaults } from './sms/index.js';
import { StoreSimulator, type StoreFaults } from './store/index.js';

/** Every zone file in the folder, served on a free loopback port. */
export const startZoneServer = async (zoneDir: string): Promise<{ address: string; stop(): Promise<void> }> => {
  const files = (await readdir(zoneDir)).filter((name) => name.endsWith('.zone')).sort();
  const simulator = new DnsSimulator({ zones: await loadZoneFiles(files.map((name) => path.join(zoneDir, name))), port: 0 });
  const { host, port } = await simulator.start();
  return { address: `${host}:${port}`, stop: () => simulator.stop() };
};

export interface DemoWorld {
  /** --resolver and --set flags that point the demo profile at these servers. */
  flags: string[];
  /** The --set overrides alone: `checks.sms-routing.webhook=<url>`, `checks.checkout-load.target=<url>`. */
  overrides: string[];
  /** What the demo profile interpolates: its tokens, fresh each time. */
  env: Record<'Q4CHECK_DEMO_AUTH_TOKEN' | 'Q4CHECK_DEMO_STORE' | 'Q4CHECK_DEMO_ADMIN_TOKEN' | 'Q4CHECK_DEMO_COLLECTOR' | 'Q4CHECK_DEMO_WEBHOOK_SECRET', string>;
  dnsAddress: string;
  stop(): Promise<void>;
}

export interface DemoFaults {
  webhook?: SmsFaults;
  store?: StoreFaults;
}

/**
 * The demo store's outside world on loopback: its DNS zones, its SMS webhook and its storefront (each
 * without defects unless `faults` says otherwise). `q4check demo` and the tests start the same one.
 */
export const startDemoWorld = async (root: string, faults: DemoFaults = {}): Promise<DemoWorld> => {
  const dns = await startZoneServer(path.join(root, 'fixtures/zones/demo'));
  const authToken = randomBytes(16).toString('hex');
  const sms = new SmsSimulator({ brand: 'Acme Outdoor', contact: 'help@acme.example', optOutHandledBy: 'app', ...faults.webhook, authToken });
  const adminToken = randomBytes(16).toString('hex');
  const webhookSecret = randomBytes(16).toString('hex');
  // The collector q4check binds for the run: a port free now, which the storefront posts its purchase events to.
  const collector = `127.0.0.1:${await freeLoopbackPort()}`;
  const store = new StoreSimulator({ faults: faults.store ?? {}, adminToken, events: { url: `http://${collector}/events`, webhookSecret } });
  const [{ url }, storefront] = await Promise.all([sms.start(), store.start()]);
  const overrides = [`checks.sms-routing.webhook=${url}`, `checks.checkout-load.target=${storefront.url}`];
  return {
    flags: ['--resolver', dns.address, ...overrides.flatMap((override) => ['--set', override])],
    overrides,
    // Only a profile that asks for the store's records and events uses these: an override would add them to every profile.
    env: { Q4CHECK_DEMO_AUTH_TOKEN: authToken, Q4CHECK_DEMO_STORE: storefront.url, Q4CHECK_DEMO_ADMIN_TOKEN: adminToken, Q4CHECK_DEMO_COLLECTOR: collector, Q4CHECK_DEMO_WEBHOOK_SECRET: webhookSecret },
    dnsAddress: dns.address,
    stop: async () => {
      await Promise.all([dns.stop(), sms.stop(), store.stop()]);
    },
  };
};
