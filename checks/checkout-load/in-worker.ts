import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { HammerResult, RaceResult, RunResult } from '../../src/load/types.js';
import { cutOffBy } from '../../src/lib/cut-off.js';
import type { Observed, WorkerReply, WorkerRequest } from './worker-messages.js';

/** After a stop, how long the generator has to return its partial result before its thread is ended. */
const STOP_GRACE_MS = 2_000;

/**
 * The compiled worker beside this module; when this module runs from source (the test suite), the
 * build's copy, which `npm test` makes first.
 */
const workerFile = (): string => {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts')) return here.replace(/in-worker\.js$/, 'load-worker.js');
  const built = here.replace(/\/checks\/checkout-load\/in-worker\.ts$/, '/dist/checks/checkout-load/load-worker.js');
  if (!existsSync(built)) throw new Error(`the load generator's worker is not built (${built}): run npm run build`);
  return built;
};

interface Sinks {
  progress(text: string): void;
  log(line: string): void;
}

type ResultOf<R extends WorkerRequest> = R['kind'] extends 'run' ? RunResult<Observed> : R['kind'] extends 'race' ? RaceResult<Observed> : HammerResult;

/**
 * Runs the load generator in a thread of its own and returns its result; the signal stops it (the
 * partial result comes back within the grace) and a thread that dies is an error, never a hang.
 */
export const inWorker = <R extends WorkerRequest>(request: R, signal: AbortSignal, sinks: Sinks): Promise<ResultOf<R>> =>
  new Promise((resolve, reject) => {
    const worker = new Worker(workerFile(), { workerData: request });
    let settled = false;
    let grace: NodeJS.Timeout | undefined;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(grace);
      signal.removeEventListener('abort', onAbort);
      outcome();
      void worker.terminate();
    };
    const onAbort = (): void => {
      worker.postMessage({ type: 'abort', cutOff: cutOffBy(signal) });
      grace = setTimeout(() => finish(() => reject(signal.reason)), STOP_GRACE_MS);
    };
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'progress') sinks.progress(reply.text);
      else if (reply.type === 'log') sinks.log(reply.line);
      else finish(() => resolve(reply.result as ResultOf<R>));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`the load generator's thread ended (exit code ${code}) before its result`))));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
