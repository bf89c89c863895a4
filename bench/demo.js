import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/q4check.js', import.meta.url));
/** Issue 7's aim for `q4check demo` on a two-core machine. */
const TARGET_MS = 8000;

/** `q4check demo` from the built binary, spawned as a user runs it: its wall time against the aim. */
export const demo = () => {
  const started = performance.now();
  const result = spawnSync(process.execPath, [BIN, 'demo', '--quiet'], { stdio: 'ignore' });
  const wallMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`q4check demo exited ${result.status}`);
  return {
    name: 'q4check demo: wall time vs 8 s',
    detail: `${(wallMs / 1000).toFixed(1)} s`,
    ratio: wallMs / TARGET_MS,
    target: 1,
  };
};
