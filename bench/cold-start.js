import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/q4check.js', import.meta.url));
const RUNS = 15;

const time = (args) => {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}`);
  return performance.now() - started;
};

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** `q4check --version` against a bare `node -e 0`, interleaved so both see the same machine load. */
export const coldStart = () => {
  const bare = [];
  const cli = [];
  time(['-e', '0']);
  time([BIN, '--version']);
  for (let run = 0; run < RUNS; run++) {
    bare.push(time(['-e', '0']));
    cli.push(time([BIN, '--version']));
  }
  const ratio = median(cli) / median(bare);
  return {
    name: 'cold start: q4check --version vs node -e 0',
    detail: `median ${median(cli).toFixed(1)} ms vs ${median(bare).toFixed(1)} ms over ${RUNS} runs each`,
    ratio,
    target: 3,
  };
};
