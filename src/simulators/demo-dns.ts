import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { DnsSimulator, loadZoneFiles } from './dns/index.js';

/** The demo store's DNS: every zone file in the folder, served on a free loopback port. */
export const startZoneServer = async (zoneDir: string): Promise<{ address: string; stop(): Promise<void> }> => {
  const files = (await readdir(zoneDir)).filter((name) => name.endsWith('.zone')).sort();
  const simulator = new DnsSimulator({ zones: await loadZoneFiles(files.map((name) => path.join(zoneDir, name))), port: 0 });
  const { host, port } = await simulator.start();
  return { address: `${host}:${port}`, stop: () => simulator.stop() };
};
