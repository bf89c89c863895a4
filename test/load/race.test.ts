import { afterEach, describe, expect, it } from 'vitest';
import type { Journey } from '../../src/journey/types.js';
import { combineObservers, runRace, type RaceOptions } from '../../src/load/index.js';
import { CartObserver, CheckoutObserver } from '../../src/shopify/index.js';
import { StoreSimulator } from '../../src/simulators/store/index.js';
import type { StoreFaults } from '../../src/simulators/store/index.js';
import { json, startLoopback, type Loopback } from './loopback.js';

const DOORBUSTER = 40101;

/** The native checkout for one doorbuster: what each racing shopper runs, up to the payment. */
const doorbuster: Journey = {
  name: 'doorbuster',
  checkoutFrom: 1,
  steps: [
    { name: 'add to cart', method: 'POST', path: '/cart/add.js', body: { json: { items: [{ id: DOORBUSTER, quantity: 1 }] } }, expect: { status: 200 } },
    { name: 'start checkout', method: 'POST', path: '/checkout', body: { form: { checkout: 'Check out' } }, capture: [{ name: 'checkoutToken', header: 'location', regex: '/checkouts/cn/([0-9a-f]+)' }], expect: { status: 302 } },
    { name: 'checkout page', method: 'GET', path: '/checkouts/cn/{{checkoutToken}}', capture: [{ name: 'authenticityToken', regex: 'name="authenticity_token" value="([^"]+)"' }], expect: { status: 200 } },
    { name: 'pay', method: 'POST', path: '/checkouts/cn/{{checkoutToken}}/complete', payment: true, body: { form: { authenticity_token: '{{authenticityToken}}', card: '1' } }, expect: { status: 302 } },
    { name: 'thank you', method: 'GET', path: '/checkouts/cn/{{checkoutToken}}/thank-you' },
  ],
};

let stores: StoreSimulator[] = [];
let servers: Loopback[] = [];
afterEach(async () => {
  await Promise.all([...stores.map((store) => store.stop()), ...servers.map((server) => server.close())]);
  stores = [];
  servers = [];
});

const startStore = async (faults: StoreFaults = {}): Promise<StoreSimulator> => {
  const store = new StoreSimulator({ faults });
  stores.push(store);
  await store.start();
  return store;
};

const race = <Summary = unknown>(target: string, overrides: Partial<RaceOptions<Summary>> = {}) =>
  runRace<Summary>({ target, journey: doorbuster, shoppers: 20, requestTimeoutMs: 5000, signal: new AbortController().signal, ...overrides });

describe('runRace against the storefront simulator', () => {
  it('20 shoppers for 5 doorbusters: exactly 5 orders, the rest refused with 409, stock 0, nothing oversold', async () => {
    const store = await startStore();
    const result = await race(store.address.url);
    expect(result).toMatchObject({ journey: 'doorbuster', paymentStep: 'pay', shoppers: 20, reachedBarrier: 20, sent: 20, failedBeforeBarrier: 0, late: 0, completed: 5, barrierTimedOut: false });
    expect(result.cutOff).toBeUndefined();
    expect(result.spreadMs).toBeGreaterThanOrEqual(0);
    const pay = result.steps.find((step) => step.step === 'pay');
    expect(pay?.statuses).toEqual({ '302': 5, '409': 15 });
    expect(pay?.unexpected).toBe(15);
    // Steps after the payment are not run.
    expect(result.steps.map((step) => step.step)).toEqual(['add to cart', 'start checkout', 'checkout page', 'pay']);
    expect(store.log.count('/cart/add.js', 200)).toBe(20);
    expect(store.log.entries.some((entry) => entry.path.endsWith('/thank-you'))).toBe(false);
    expect(store.orders).toHaveLength(5);
    expect(store.orders.every((order) => order.lines.length === 1 && order.lines[0]?.variantId === DOORBUSTER && order.lines[0].quantity === 1)).toBe(true);
    expect(new Set(store.orders.map((order) => order.checkoutToken)).size).toBe(5);
    expect(store.stockOf(DOORBUSTER)).toBe(0);
  });

  it('no payment reaches the store before every shopper has finished the way to the barrier', async () => {
    const store = await startStore();
    await race(store.address.url, { shoppers: 12 });
    const paths = store.log.entries.map((entry) => entry.path);
    const firstPay = paths.findIndex((path) => path.endsWith('/complete'));
    const lastPage = paths.findLastIndex((path) => /^\/checkouts\/cn\/[0-9a-f]+$/.test(path));
    expect(firstPay).toBeGreaterThan(lastPage);
    expect(paths.filter((path) => path.endsWith('/complete'))).toHaveLength(12);
  });

  it('with the oversell switch: every shopper gets an order and stock goes below zero, in every one of 20 races', async () => {
    for (let round = 0; round < 20; round++) {
      const store = await startStore({ oversell: true });
      const result = await race(store.address.url, { shoppers: 8 });
      expect(result.completed).toBe(8);
      expect(store.orders.length).toBeGreaterThan(5);
      expect(store.stockOf(DOORBUSTER)).toBe(-3);
      await store.stop();
    }
  });

  it('with the cart and checkout observers combined: the completed checkouts are the orders of the store, the refusals counted', async () => {
    const store = await startStore();
    const result = await race(store.address.url, { observer: combineObservers({ cart: new CartObserver(), checkouts: new CheckoutObserver() }) });
    const checkouts = result.observations?.checkouts;
    expect(checkouts?.completed.map((checkout) => [checkout.checkoutToken, checkout.orderId]).sort()).toEqual(store.orders.map((order) => [order.checkoutToken, String(order.id)]).sort());
    expect(checkouts?.completed.every((checkout) => checkout.journey === 'doorbuster' && checkout.status === 302)).toBe(true);
    expect(checkouts?.notCompleted).toEqual([{ journey: 'doorbuster', status: 409, count: 15 }]);
    expect(result.observations?.cart.cookieWithoutKey.count).toBe(0);
  });

  it('hands every exchange to the observer, one watch per shopper', async () => {
    const store = await startStore();
    let shoppers = 0;
    let payments = 0;
    const result = await race(store.address.url, {
      shoppers: 6,
      observer: {
        forShopper: () => {
          shoppers += 1;
          return (exchange) => {
            if (exchange.step.payment) payments += 1;
          };
        },
        summary: () => ({ shoppers, payments }),
      },
    });
    expect(result.observations).toEqual({ shoppers: 6, payments: 6 });
  });
});

/** A store for the barrier's edge cases: `onAdd` decides each shopper's add (by its index in the path). */
const barrierStore = async (onAdd: (shopper: number, answer: () => void) => void): Promise<Loopback> => {
  const server = await startLoopback((req, res) => {
    const shopper = /^\/add\/(\d+)$/.exec(req.url ?? '')?.[1];
    if (shopper !== undefined) return onAdd(Number(shopper), () => json(res, { ok: true }));
    json(res, { paid: true });
  });
  servers.push(server);
  return server;
};

const twoSteps: Journey = {
  name: 'two steps',
  checkoutFrom: 0,
  steps: [
    { name: 'add', method: 'POST', path: '/add/{{shopperIndex}}', expect: { status: 200 } },
    { name: 'pay', method: 'POST', path: '/pay', payment: true, expect: { status: 200 } },
  ],
};

describe('runRace: the barrier never hangs', () => {
  it('shoppers that fail on the way drop out; the others still pay together', async () => {
    const server = await barrierStore((shopper, answer) => (shopper % 2 === 1 ? undefined : answer()));
    const result = await runRace({ target: server.url, journey: twoSteps, shoppers: 6, requestTimeoutMs: 300, signal: new AbortController().signal });
    expect(result).toMatchObject({ reachedBarrier: 3, failedBeforeBarrier: 3, late: 0, sent: 3, completed: 3, barrierTimedOut: false });
    expect(result.steps[0]).toMatchObject({ requests: 6, timeouts: 3 });
    expect(server.seen.filter((line) => line === 'POST /pay')).toHaveLength(3);
  });

  it('opens at its deadline without a straggler, which then arrives late and does not pay', async () => {
    const server = await barrierStore((shopper, answer) => (shopper === 0 ? setTimeout(answer, 400) : answer()));
    const result = await runRace({ target: server.url, journey: twoSteps, shoppers: 4, requestTimeoutMs: 2000, barrierTimeoutMs: 100, signal: new AbortController().signal });
    expect(result).toMatchObject({ reachedBarrier: 3, late: 1, sent: 3, completed: 3, barrierTimedOut: true });
    expect(server.seen.filter((line) => line === 'POST /pay')).toHaveLength(3);
  });

  it('a stop while shoppers wait at the barrier sends no payment and returns what it has, cut off', async () => {
    const stop = new AbortController();
    const server = await barrierStore((shopper, answer) => {
      if (shopper !== 0) return answer();
      stop.abort();
    });
    const result = await runRace({ target: server.url, journey: twoSteps, shoppers: 3, requestTimeoutMs: 5000, signal: stop.signal });
    expect(result.cutOff).toBe('interrupted');
    expect(result.sent).toBe(0);
    expect(server.seen).not.toContain('POST /pay');
  });

  it('refuses a journey with no payment step', async () => {
    await expect(runRace({ target: 'http://127.0.0.1:9', journey: { ...twoSteps, steps: [twoSteps.steps[0]!] }, shoppers: 2, requestTimeoutMs: 100, signal: new AbortController().signal })).rejects.toThrow(/no payment step/);
  });
});
