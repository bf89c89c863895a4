import { afterEach, describe, expect, it } from 'vitest';
import { matchEvents, startCollector, type Collector } from '../../../src/attribution/index.js';
import type { StoreFaults } from '../../../src/simulators/store/index.js';
import type { StoreSimulator } from '../../../src/simulators/store/server.js';
import { buyAll, startStore } from './helpers.js';

const SECRET = 'whsec-simulator-secret-0123';
const JACKET = 40001;
const PATHS = ['checkout', 'shop-pay', 'checkout', 'shop-pay', 'checkout', 'shop-pay'] as const;

let store: StoreSimulator | undefined;
let collector: Collector | undefined;
afterEach(async () => {
  await store?.stop();
  await collector?.stop();
  store = undefined;
  collector = undefined;
});

/** A collector, and a store posting its events to it. */
/** `null`: the store signs no webhooks and so sends none. */
const start = async (faults: StoreFaults = {}, webhookSecret: string | null = SECRET): Promise<{ store: StoreSimulator; collector: Collector }> => {
  collector = await startCollector({ listen: '127.0.0.1:0', ...(webhookSecret === null ? {} : { webhookSecret }) });
  store = await startStore({ faults, events: { url: `${collector.address.url}/events`, ...(webhookSecret === null ? {} : { webhookSecret }) } });
  return { store, collector };
};

/** Purchases on both paths, then the attribution match of the pixel events to the completed checkouts. */
const attribution = async (running: { store: StoreSimulator; collector: Collector }) => {
  const completed = await buyAll(running.store, JACKET, PATHS);
  await running.store.eventsSettled();
  const events = running.collector.events();
  return { completed, events, match: matchEvents(completed.completed, events, 'checkout_completed') };
};

describe('StoreSimulator purchase events', () => {
  it('posts a checkout_completed pixel event per completion and a signed orders/create webhook per order; all match', async () => {
    const running = await start();
    const { events, match, completed } = await attribution(running);
    expect(events.filter((event) => event.source === 'pixel')).toHaveLength(6);
    const webhooks = events.filter((event) => event.source === 'webhook');
    expect(webhooks).toHaveLength(6);
    expect(webhooks.every((event) => event.verified === true && event.name === 'orders/create')).toBe(true);
    expect(new Set(webhooks.map((event) => event.orderId))).toEqual(new Set(running.store.orders.map((order) => String(order.id))));
    expect(match.journeys).toEqual([
      { journey: 'native', expected: 3, matched: 3, missing: 0, duplicate: 0, missingCheckouts: [] },
      { journey: 'shop-pay', expected: 3, matched: 3, missing: 0, duplicate: 0, missingCheckouts: [] },
    ]);
    expect(match.unmatched).toEqual([]);
    expect(completed.completed).toHaveLength(6);
    expect(running.store.eventCounts).toEqual({ pixels: 6, webhooks: 6, lost: 0, failed: 0 });
    expect(running.collector.counts.refused).toEqual({});
  });

  it('without a webhook secret sends pixel events only', async () => {
    const running = await start({}, null);
    const { events } = await attribution(running);
    expect(events.map((event) => event.source)).toEqual(Array(6).fill('pixel'));
  });

  it('eventLoss on the wallet path: that share of its pixel events is never sent, and the match shows it on shop-pay only', async () => {
    const running = await start({ eventLoss: { via: 'shop-pay', share: 1 / 3 } });
    const more = [...PATHS, ...PATHS] as const;
    const completed = await buyAll(running.store, JACKET, more);
    await running.store.eventsSettled();
    const match = matchEvents(completed.completed, running.collector.events(), 'checkout_completed');
    expect(match.journeys.map(({ journey, expected, missing }) => ({ journey, expected, missing }))).toEqual([
      { journey: 'native', expected: 6, missing: 0 },
      { journey: 'shop-pay', expected: 6, missing: 2 },
    ]);
    expect(running.store.eventCounts).toMatchObject({ pixels: 10, lost: 2, webhooks: 12 });
  });

  it('duplicateEvents: that share of pixel events is sent twice under different ids, counted as duplicates, not redeliveries', async () => {
    const running = await start({ duplicateEvents: { share: 0.5 } });
    const { match } = await attribution(running);
    expect(match.journeys.reduce((sum, row) => sum + row.duplicate, 0)).toBe(3);
    expect(match.journeys.reduce((sum, row) => sum + row.missing, 0)).toBe(0);
    expect(match.redelivered).toBe(0);
  });

  it('duplicateOrders: the second order has its webhook, but the pixel fires once and no event is a duplicate', async () => {
    const running = await start({ duplicateOrders: { share: 0.5 } });
    const { events, match } = await attribution(running);
    expect(events.filter((event) => event.source === 'webhook')).toHaveLength(9);
    expect(events.filter((event) => event.source === 'pixel')).toHaveLength(6);
    expect(match.journeys.every((row) => row.duplicate === 0 && row.missing === 0)).toBe(true);
  });

  it('lostOrders: the pixel still fires for a lost checkout, no webhook does (no order exists)', async () => {
    const running = await start({ lostOrders: { share: 0.5 } });
    const { events, match } = await attribution(running);
    expect(events.filter((event) => event.source === 'pixel')).toHaveLength(6);
    expect(events.filter((event) => event.source === 'webhook')).toHaveLength(3);
    expect(match.journeys.every((row) => row.missing === 0)).toBe(true);
  });

  it('stop() waits for the events in flight: nothing is lost by stopping right after a purchase', async () => {
    const running = await start();
    await buyAll(running.store, JACKET, ['shop-pay']);
    await running.store.stop();
    expect(running.collector.events().map((event) => event.source).sort()).toEqual(['pixel', 'webhook']);
  });

  it('a collector that is gone costs each event its time limit at most and is counted as failed, never thrown', async () => {
    const running = await start();
    await running.collector.stop();
    await buyAll(running.store, JACKET, ['checkout']);
    await running.store.eventsSettled();
    expect(running.store.eventCounts).toMatchObject({ pixels: 1, webhooks: 1, failed: 2 });
  });
});
