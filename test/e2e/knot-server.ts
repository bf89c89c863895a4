import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Resolver } from '../../src/dns/resolver.js';

const KNOTD = '/usr/sbin/knotd';

/** A free loopback port: bound by the kernel, then released for knotd to take. */
const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const config = (dir: string, port: number, zones: string[]): string =>
  [
    'server:',
    `    rundir: "${dir}"`,
    `    listen: 127.0.0.1@${port}`,
    'log:',
    '  - target: stderr',
    '    any: warning',
    'database:',
    `    storage: "${dir}/db"`,
    'template:',
    '  - id: default',
    `    storage: "${dir}/zones"`,
    '    file: "%s.zone"',
    '    journal-content: none',
    'zone:',
    ...zones.map((zone) => `  - domain: ${zone}`),
    '',
  ].join('\n');

export const knotInstalled = (): boolean => spawnSync(KNOTD, ['--version']).status === 0;

export interface KnotServer {
  address: string;
  stop(): Promise<void>;
}

/** Knot DNS (Debian's `knot`) serving the zone files of a folder on a loopback port, until stop(). */
export const startKnot = async (zoneDir: string): Promise<KnotServer> => {
  const dir = await mkdtemp(path.join(tmpdir(), 'q4check-knot-'));
  await cp(zoneDir, path.join(dir, 'zones'), { recursive: true });
  const zones = (await readdir(zoneDir)).filter((name) => name.endsWith('.zone')).map((name) => name.slice(0, -'.zone'.length));
  const port = await freePort();
  await writeFile(path.join(dir, 'knot.conf'), config(dir, port, zones));
  const child: ChildProcess = spawn(KNOTD, ['-c', path.join(dir, 'knot.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    await rm(dir, { recursive: true, force: true });
  };
  // Ready when it answers authoritatively for the first zone; knotd loads zones after it binds.
  for (let attempt = 0; attempt < 50; attempt++) {
    if (child.exitCode !== null) break;
    const answer = await new Resolver({ servers: [{ host: '127.0.0.1', port }], timeoutMs: 200, retries: 0 }).query(zones[0]!, 'SOA');
    if (answer.outcome === 'answer') return { address: `127.0.0.1:${port}`, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`knotd did not start: ${stderr.trim() || `exit ${child.exitCode}`}`);
};
