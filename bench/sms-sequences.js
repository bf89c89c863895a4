import { performance } from 'node:perf_hooks';
import { config as configSchema } from '../dist/checks/sms-routing/config.js';
import { gather } from '../dist/checks/sms-routing/gather.js';
import { SmsSimulator } from '../dist/src/simulators/sms/index.js';

const TOKEN = 'bench-token';

const context = () => ({
  signal: new AbortController().signal,
  profileDir: '.',
  today: '2026-11-20',
  logger: { info: () => undefined, debug: () => undefined },
  dns: { query: () => Promise.reject(new Error('no DNS')), log: () => [], stats: () => ({ sent: 0, distinct: 0 }) },
  progress: () => undefined,
  addSecret: () => undefined,
});

/** The whole sms-routing gather against a compliant webhook answering every message after `latencyMs`. */
const auditWebhook = async (latencyMs) => {
  const simulator = new SmsSimulator({ authToken: TOKEN, brand: 'Acme Outdoor', latencyMs });
  const { url } = await simulator.start();
  try {
    const config = configSchema.parse({
      webhook: url,
      authToken: TOKEN,
      storeNumber: '+15005550006',
      testNumber: '+15005550001',
      brand: 'Acme Outdoor',
      burst: { messages: 100, perSecond: 100, p95Ms: 5_000 },
    });
    const started = performance.now();
    const cpu = process.cpuUsage();
    const artifact = await gather(context(), config);
    const { user, system } = process.cpuUsage(cpu);
    const requests = artifact.sequences.reduce((sum, sequence) => sum + sequence.exchanges.length, 0) + artifact.burst.arrivals.length;
    // The CPU time (client and simulator share the process) tells a busy machine from a slow check.
    return { ms: performance.now() - started, cpuMs: (user + system) / 1000, requests };
  } finally {
    await simulator.stop();
  }
};

/**
 * The keyword sequences run 4 at a time: a webhook answering in 2.5 s is audited in under 3 minutes,
 * one answering in 5 ms in under 3 s (burst: 100 at 100/s). bench/demo.js times `q4check demo`.
 */
export const smsSequences = async () => {
  const fast = await auditWebhook(5);
  const slow = await auditWebhook(2_500);
  return [
    { name: 'sms-routing on a webhook answering in 5 ms vs 3 s', detail: `${(fast.ms / 1000).toFixed(2)} s for ${fast.requests} requests, ${(fast.cpuMs / 1000).toFixed(2)} s of CPU`, ratio: fast.ms / 3_000, target: 1 },
    { name: 'sms-routing on a webhook answering in 2.5 s vs 3 minutes', detail: `${(slow.ms / 1000).toFixed(1)} s for ${slow.requests} requests`, ratio: slow.ms / 180_000, target: 1 },
  ];
};
