import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The DNS simulator serving one zone in a child process, every answer after `latencyMs`: a server
 * sharing the measured client's event loop (or CPU budget) would measure itself.
 */
export const startZoneServer = async (zoneText, origin, latencyMs) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'q4check-bench-'));
  const file = path.join(dir, `${origin}.zone`);
  await writeFile(file, zoneText);
  const script = fileURLToPath(new URL('./zone-server-process.js', import.meta.url));
  const child = spawn(process.execPath, [script, file, origin, String(latencyMs)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    child.stdout.once('data', (chunk) => resolve(Number(String(chunk).trim())));
    child.once('exit', (code) => reject(new Error(`zone server exited ${code}`)));
  });
  return {
    port,
    stop: async () => {
      child.kill('SIGTERM');
      await rm(dir, { recursive: true, force: true });
    },
  };
};
