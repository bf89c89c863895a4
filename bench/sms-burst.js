import { createServer } from 'node:http';
import { Agent, request } from 'undici';
import { openArrivals } from '../dist/checks/sms-routing/gather/open-arrivals.js';
import { percentile } from '../dist/src/lib/percentile.js';

const MESSAGES = 500;
const PER_SECOND = 100;
const DELAY_MS = 50;

/** A webhook that answers every request after exactly DELAY_MS: the latency the sender must report. */
const startFixedDelayServer = () =>
  new Promise((resolve) => {
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => setTimeout(() => res.end('<Response/>'), DELAY_MS));
    });
    server.listen(0, '127.0.0.1', () => resolve(server));
  });

/**
 * The burst sender against a webhook with a fixed 50 ms delay: whether each second sends the
 * requested number of messages, and whether the median latency it reports is the 50 ms the server adds.
 */
export const smsBurst = async () => {
  const server = await startFixedDelayServer();
  const agent = new Agent({ connections: 256 });
  const url = `http://127.0.0.1:${server.address().port}/sms`;
  try {
    const arrivals = await openArrivals(
      MESSAGES,
      PER_SECOND,
      async () => {
        const response = await request(url, { method: 'POST', dispatcher: agent, body: 'Body=hi' });
        await response.body.text();
      },
      new AbortController().signal,
    );
    const perSecond = new Map();
    for (const arrival of arrivals) {
      const second = Math.floor((arrival.intendedMs + arrival.sendLagMs) / 1000);
      perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
    }
    const fullSeconds = [...perSecond.entries()].filter(([second]) => second < MESSAGES / PER_SECOND).map(([, count]) => count);
    const worstRate = fullSeconds.reduce((worst, count) => Math.max(worst, Math.abs(count - PER_SECOND) / PER_SECOND), 0);
    const p50 = percentile(arrivals.map((arrival) => arrival.latencyMs), 50);
    return [
      {
        name: `SMS burst sender, ${MESSAGES} at ${PER_SECOND}/s: worst one-second rate vs requested`,
        detail: `per second: ${fullSeconds.join(', ')}`,
        ratio: 1 + worstRate,
        target: 1.05,
      },
      {
        name: `SMS burst latency on a ${DELAY_MS} ms webhook: reported p50 vs ${DELAY_MS} ms`,
        detail: `p50 ${p50.toFixed(1)} ms`,
        ratio: Math.max(p50 / DELAY_MS, DELAY_MS / p50),
        target: 1.05,
      },
    ];
  } finally {
    await agent.close();
    server.close();
  }
};
