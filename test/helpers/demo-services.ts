import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startDemoWorld, type DemoFaults, type DemoWorld } from '../../src/simulators/demo-world.js';
import { CLI_TEST_TIMEOUT_MS, ROOT } from './cli.js';

export const DEMO_ZONES = path.join(ROOT, 'fixtures/zones/demo');

export interface DemoServices {
  /** --resolver and --set flags pointing the demo profile at the loopback servers. */
  flags(): string[];
  /** The environment the demo profile interpolates (its auth token). */
  env(): Record<string, string>;
  dnsAddress(): string;
}

/** The demo store's world (DNS zones, a compliant SMS webhook) on loopback for a suite: nothing leaves the machine. */
export const useDemoServices = (faults: DemoFaults = {}): DemoServices => {
  let world: DemoWorld | undefined;
  beforeAll(async () => {
    world = await startDemoWorld(ROOT, faults);
  }, CLI_TEST_TIMEOUT_MS);
  afterAll(async () => {
    await world?.stop();
  }, CLI_TEST_TIMEOUT_MS);
  const running = (): DemoWorld => {
    if (!world) throw new Error('the demo services are not running');
    return world;
  };
  return { flags: () => running().flags, env: () => running().env, dnsAddress: () => running().dnsAddress };
};
