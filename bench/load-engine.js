import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { percentile } from '../dist/src/lib/percentile.js';
import { runLoad } from '../dist/src/load/index.js';

const THROUGHPUT_ROUNDS = 6;
const THROUGHPUT_ROUND_MS = 1000;
const THROUGHPUT_IN_FLIGHT = 64;
// Far above what either can answer, so the in-flight limit, not the arrival rate, bounds the engine.
const THROUGHPUT_ARRIVALS = 60_000;
const DELAY_MS = 50;
const PACED_PER_SECOND = 200;
const PACED_SECONDS = 5;
const MEMORY_SHORT_MS = 2000;
const MEMORY_RATE = 1000;

const script = (name) => fileURLToPath(new URL(name, import.meta.url));

/** Starts a child process and waits for its first line of output. */
const child = async (file, args, nodeFlags = []) => {
  const process_ = spawn(process.execPath, [...nodeFlags, script(file), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise((resolve, reject) => {
    process_.stdout.once('data', (chunk) => resolve(String(chunk).trim()));
    process_.once('exit', (code) => reject(new Error(`${file} exited ${code}`)));
  });
  return { line, process: process_ };
};

const startServer = async (delayMs, record = false) => {
  const { line, process: server } = await child('./http-server-process.js', [String(delayMs), ...(record ? ['record'] : [])]);
  return {
    url: `http://127.0.0.1:${line}`,
    stop: () => new Promise((resolve) => (server.once('exit', resolve), server.kill('SIGTERM'))),
  };
};

const oneStep = (path) => ({ name: 'one', checkoutFrom: 1, steps: [{ name: 'get', method: 'GET', path }] });

const options = (target, overrides) => ({
  target,
  journeys: [{ journey: oneStep('/'), weight: 1 }],
  conversion: 0,
  allowPayment: false,
  requestTimeoutMs: 5000,
  signal: new AbortController().signal,
  ...overrides,
});

/**
 * Requests a second through runLoad against what autocannon gets from the same server, in alternating
 * rounds so both share whatever else the machine is doing.
 */
export const throughput = async () => {
  const server = await startServer(0);
  const engineRun = () =>
    runLoad(options(server.url, { stages: [{ durationMs: THROUGHPUT_ROUND_MS, sessionsPerSecond: THROUGHPUT_ARRIVALS }], maxSessionsInFlight: THROUGHPUT_IN_FLIGHT }));
  const cannonRun = () => autocannon({ url: `${server.url}/`, connections: THROUGHPUT_IN_FLIGHT, duration: THROUGHPUT_ROUND_MS / 1000 });
  try {
    // Both warm up first, so neither pays for the JIT in its measured rounds.
    await engineRun();
    await cannonRun();
    const engine = { requests: 0, ms: 0, dropped: 0 };
    const cannon = { requests: 0, ms: 0 };
    for (let round = 0; round < THROUGHPUT_ROUNDS; round++) {
      const run = await engineRun();
      engine.requests += run.steps[0].requests;
      engine.ms += run.durationMs;
      engine.dropped += run.journeys[0].dropped;
      const result = await cannonRun();
      cannon.requests += result.requests.total;
      cannon.ms += result.duration * 1000;
    }
    const engineRate = engine.requests / (engine.ms / 1000);
    const cannonRate = cannon.requests / (cannon.ms / 1000);
    return {
      name: `runLoad throughput vs autocannon, ${THROUGHPUT_IN_FLIGHT} in flight (aim: engine ≥ 0.8 of autocannon)`,
      detail: `runLoad ${Math.round(engineRate)} req/s (arrivals ${THROUGHPUT_ARRIVALS}/s, ${engine.dropped} dropped at the in-flight limit), autocannon ${Math.round(cannonRate)} req/s, ${THROUGHPUT_ROUNDS} rounds of ${THROUGHPUT_ROUND_MS / 1000} s each`,
      ratio: cannonRate / engineRate,
      target: 1.25,
    };
  } finally {
    await server.stop();
  }
};

/** Peak RSS of a run ten times longer against the short one, each in a process of its own. */
export const memory = async () => {
  const server = await startServer(0);
  try {
    const peak = async (durationMs) => {
      const { line } = await child('./load-memory-process.js', [server.url, String(durationMs), String(MEMORY_RATE)], ['--expose-gc']);
      const [heap, rss] = line.split(' ').map(Number);
      return { heap, rss };
    };
    const short = await peak(MEMORY_SHORT_MS);
    const long = await peak(MEMORY_SHORT_MS * 10);
    const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    return {
      name: `runLoad peak live heap, ${(MEMORY_SHORT_MS * 10) / 1000} s vs ${MEMORY_SHORT_MS / 1000} s at ${MEMORY_RATE} sessions/s`,
      detail: `live heap ${mb(long.heap)} vs ${mb(short.heap)}; peak RSS ${mb(long.rss)} vs ${mb(short.rss)}`,
      ratio: long.heap / short.heap,
      target: 1.2,
    };
  } finally {
    await server.stop();
  }
};

/** Against a server that answers after exactly 50 ms: the p50 reported, and the arrivals the server saw each second. */
export const paced = async () => {
  const server = await startServer(DELAY_MS, true);
  try {
    const result = await runLoad(options(server.url, { stages: [{ durationMs: PACED_SECONDS * 1000, sessionsPerSecond: PACED_PER_SECOND }], maxSessionsInFlight: 200 }));
    const { arrivals, holds } = JSON.parse(await (await fetch(`${server.url}/__arrivals`)).text());
    const heldP50 = percentile(holds, 50);
    const first = arrivals[0];
    const perSecond = Array.from({ length: PACED_SECONDS }, () => 0);
    for (const at of arrivals) {
      const second = Math.floor((at - first) / 1000);
      if (second < PACED_SECONDS) perSecond[second]++;
    }
    const worst = perSecond.reduce((most, count) => Math.max(most, Math.abs(count - PACED_PER_SECOND) / PACED_PER_SECOND), 0);
    const p50 = result.steps[0].latency.p50;
    return [
      {
        name: `runLoad arrivals the server saw, ${PACED_PER_SECOND}/s for ${PACED_SECONDS} s: worst second vs requested`,
        detail: `per second: ${perSecond.join(', ')}; generator late starts ${result.generator.lateStarts}, loop p99 ${result.generator.eventLoopDelayP99Ms} ms`,
        ratio: 1 + worst,
        target: 1.03,
      },
      {
        name: `runLoad latency on a ${DELAY_MS} ms server: reported p50 vs ${DELAY_MS} ms`,
        detail: `p50 ${p50} ms, p99 ${result.steps[0].latency.p99} ms over ${result.steps[0].latency.count} requests; the server's own timer held each for a median ${heldP50.toFixed(2)} ms`,
        ratio: Math.max(p50 / DELAY_MS, DELAY_MS / p50),
        target: 1.03,
      },
    ];
  } finally {
    await server.stop();
  }
};

export const loadEngine = async () => [await throughput(), await memory(), ...(await paced())];
