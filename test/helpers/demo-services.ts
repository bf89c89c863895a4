import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startZoneServer } from '../../src/simulators/demo-dns.js';
import { SmsSimulator } from '../../src/simulators/sms/index.js';
import { ROOT } from './cli.js';

export const DEMO_ZONES = path.join(ROOT, 'fixtures/zones/demo');

export interface DemoServices {
  /** --resolver and --set flags pointing the demo profile at the loopback servers. */
  flags(): string[];
  /** The environment the demo profile interpolates (its auth token). */
  env(): Record<string, string>;
  dnsAddress(): string;
}

/**
 * The demo store's outside world on loopback for a suite: its DNS zones and a compliant SMS webhook,
 * so no question or request leaves the machine.
 */
export const useDemoServices = (): DemoServices => {
  const authToken = randomBytes(16).toString('hex');
  let dns: Awaited<ReturnType<typeof startZoneServer>> | undefined;
  const sms = new SmsSimulator({ authToken, brand: 'Acme Outdoor', contact: 'help@acme.example' });
  let webhook = '';
  beforeAll(async () => {
    dns = await startZoneServer(DEMO_ZONES);
    webhook = (await sms.start()).url;
  });
  afterAll(async () => {
    await Promise.all([dns?.stop(), sms.stop()]);
  });
  const dnsAddress = () => {
    if (!dns) throw new Error('the demo DNS server is not running');
    return dns.address;
  };
  return {
    flags: () => ['--resolver', dnsAddress(), '--set', `checks.sms-routing.webhook=${webhook}`],
    env: () => ({ Q4CHECK_DEMO_AUTH_TOKEN: authToken }),
    dnsAddress,
  };
};
