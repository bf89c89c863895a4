import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkoutCompletedEvent, matchEvents, orderCreatedWebhook, postEvent, startCollector, type Collector } from '../../src/attribution/index.js';

const SECRET = 'whsec-sender-secret';
const running: Collector[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((collector) => collector.stop()));
});

const purchase = (i: number) => ({ checkoutToken: `tok-${i}`, orderId: 5_000_001_000 + i, eventId: `evt-${i}`, timestamp: '2026-11-27T14:00:00.000Z' });

describe('what the simulator sends is what the collector reads', () => {
  it('a pixel event and a signed webhook per order, matched to the checkouts', async () => {
    const collector = await startCollector({ listen: '127.0.0.1:0', webhookSecret: SECRET });
    running.push(collector);
    const statuses = [];
    for (const i of [1, 2]) {
      statuses.push(await postEvent(collector.address.url, checkoutCompletedEvent(purchase(i)), { timeoutMs: 2_000 }));
      const order = { id: purchase(i).orderId, checkout_token: `tok-${i}`, created_at: '2026-11-27T09:00:00-05:00', line_items: [] };
      statuses.push(await postEvent(`${collector.address.url}webhooks/orders`, orderCreatedWebhook(order, { webhookId: `wh-${i}`, secret: SECRET }), { timeoutMs: 2_000 }));
    }
    expect(statuses).toEqual(Array(4).fill({ status: 204 }));
    const completed = [1, 2, 3].map((i) => ({ journey: 'native', checkoutToken: `tok-${i}` }));
    for (const name of ['checkout_completed', 'orders/create']) {
      expect(matchEvents(completed, collector.events(), name).journeys).toEqual([{ journey: 'native', expected: 3, matched: 2, missing: 1, duplicate: 0, missingCheckouts: [completed[2]] }]);
    }
    expect(collector.events().filter((event) => event.source === 'webhook').every((event) => event.verified)).toBe(true);
  });

  it('a webhook signed with another secret is refused', async () => {
    const collector = await startCollector({ listen: '127.0.0.1:0', webhookSecret: SECRET });
    running.push(collector);
    expect(await postEvent(collector.address.url, orderCreatedWebhook({ id: 1 }, { webhookId: 'wh', secret: 'other' }), { timeoutMs: 2_000 })).toEqual({ status: 401 });
  });

  it('postEvent never throws: a closed port and a silent server are answers of their own', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    expect(await postEvent(`http://127.0.0.1:${port}/`, checkoutCompletedEvent(purchase(1)), { timeoutMs: 150 })).toEqual({ error: 'no answer within 150 ms' });
    await new Promise<void>((resolve) => {
      silent.close(() => resolve());
      silent.closeAllConnections();
    });
    expect(await postEvent(`http://127.0.0.1:${port}/`, checkoutCompletedEvent(purchase(1)), { timeoutMs: 2_000 })).toEqual({ error: 'ECONNREFUSED' });
  });
});
