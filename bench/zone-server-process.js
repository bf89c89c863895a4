// Serves one zone file on loopback in a process of its own, so a benchmark's client does not share
// its event loop with the server. Arguments: zone file, origin, latency in ms. Prints the port.
import { readFile } from 'node:fs/promises';
import { DnsSimulator, parseZone } from '../dist/src/simulators/dns/index.js';

const [file, origin, latencyMs] = process.argv.slice(2);
const zone = parseZone(await readFile(file, 'utf8'), { file, origin });
const simulator = new DnsSimulator({ zones: [zone], port: 0, latencyMs: Number(latencyMs) });
const { port } = await simulator.start();
process.stdout.write(`${port}\n`);
process.on('SIGTERM', () => void simulator.stop().then(() => process.exit(0)));
