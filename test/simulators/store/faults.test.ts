import { connect } from 'node:net';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { CartObserver, type CartObservations } from '../../../src/shopify/cart-observer.js';
import { hasKey } from '../../../src/shopify/cart-cookie.js';
import { classifyThrottle } from '../../../src/shopify/throttle.js';
import type { StoreSimulator } from '../../../src/simulators/store/server.js';
import { Shopper, startStore, type CartShape, type Reply } from './helpers.js';

let store: StoreSimulator;

afterEach(async () => {
  await store.stop();
});

/** What the cart-consistency observer makes of one shopper's exchanges. */
function observed(shopper: Shopper): CartObservations {
  const observer = new CartObserver();
  const watch = observer.forShopper();
  for (const exchange of shopper.exchanges) watch(exchange);
  return observer.summary();
}

const throttleOf = (reply: Reply) => classifyThrottle({ status: reply.status, headers: reply.headers as Record<string, string | string[]>, body: reply.text });

/** One raw HTTP/1.1 exchange: what the server wrote until it closed the connection (or 2 s passed). */
function rawExchange(port: number, path: string): Promise<{ head: string; body: string; closedByServer: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      finish(false);
    }, 2000);
    const finish = (closedByServer: boolean): void => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      resolve({ head: text.slice(0, split), body: text.slice(split + 4), closedByServer });
    };
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => finish(true));
    socket.on('error', reject);
    socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n`);
  });
}

const untilTrue = async (condition: () => boolean): Promise<void> => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('StoreSimulator faults: each switch reproduces its defect', () => {
  it('none: a clean session leaves the cart-consistency observer nothing to count', async () => {
    store = await startStore();
    const shopper = new Shopper(store);
    await shopper.post('/cart/add.js', { id: 40001, quantity: 2 });
    const cart = (await shopper.get('/cart.js')).json<CartShape>();
    await shopper.post('/cart/change.js', { id: cart.items[0]?.key, quantity: 3 });
    await shopper.get('/cart.js');
    await shopper.get('/cart.js');
    expect(observed(shopper)).toMatchObject({ lineKeyChanged: { count: 0 }, quantityNotReflected: { count: 0 }, staleAfter422: { count: 0 }, cookieWithoutKey: { count: 0 }, cartReads: 3 });
  });

  it('slowDiscountMs: cart mutations wait, reads and pages do not', async () => {
    store = await startStore({ faults: { slowDiscountMs: 30 } });
    const shopper = new Shopper(store);
    await shopper.post('/cart/add.js', { id: 40001 });
    await shopper.get('/cart.js');
    await shopper.post('/cart/clear.js');
    expect(store.log.entries.map((entry) => [entry.path, entry.delayMs])).toEqual([
      ['/cart/add.js', 30],
      ['/cart.js', 0],
      ['/cart/clear.js', 30],
    ]);
  });

  it('lineKeyChurn: the key just read is stale (change.js 400) and reads disagree; the observer counts both', async () => {
    store = await startStore({ faults: { lineKeyChurn: true } });
    const shopper = new Shopper(store);
    await shopper.post('/cart/add.js', { id: 40001 });
    const first = (await shopper.get('/cart.js')).json<CartShape>();
    const second = (await shopper.get('/cart.js')).json<CartShape>();
    expect(second.items[0]?.key).not.toBe(first.items[0]?.key);
    expect((await shopper.post('/cart/change.js', { id: second.items[0]?.key, quantity: 2 })).status).toBe(400);
    expect(observed(shopper).lineKeyChanged.count).toBe(2);
  });

  it('burst422: add.js refused although stock is there, and the cart reads frozen; the observer counts a stale cart', async () => {
    store = await startStore({ faults: { burst422: { share: 0.5 } } });
    const shopper = new Shopper(store);
    expect((await shopper.post('/cart/add.js', { id: 40001 })).status).toBe(200);
    expect((await shopper.post('/cart/add.js', { id: 40002 })).status).toBe(422);
    expect((await shopper.get('/cart.js')).json<CartShape>().item_count).toBe(0);
    expect(store.log.entries.filter((entry) => entry.fault === 'burst422')).toHaveLength(1);
    expect(observed(shopper)).toMatchObject({ staleAfter422: { count: 1 }, quantityNotReflected: { count: 0 } });
    // The next successful change thaws it.
    expect((await shopper.post('/cart/add.js', { id: 40002 })).status).toBe(200);
    expect((await shopper.get('/cart.js')).json<CartShape>().item_count).toBe(2);
  });

  it('burst422 inside a window only', async () => {
    store = await startStore({ faults: { burst422: { share: 1, fromMs: 60_000 } } });
    expect((await new Shopper(store).post('/cart/add.js', { id: 40001 })).status).toBe(200);
  });

  it('connectionClose: the answer says Connection: close and the server closes after it', async () => {
    store = await startStore({ faults: { connectionClose: true } });
    const raw = await rawExchange(store.address.port, '/products/trail-jacket.js');
    expect(raw.head).toMatch(/^HTTP\/1\.1 200/);
    expect(raw.head.toLowerCase()).toContain('connection: close');
    expect(raw.head.toLowerCase()).toContain('content-length:');
    expect(raw.closedByServer).toBe(true);
  });

  it('closeDelimited: no Content-Length, no chunking, the body ends at the close', async () => {
    store = await startStore({ faults: { closeDelimited: true } });
    const raw = await rawExchange(store.address.port, '/products/trail-jacket.js');
    const head = raw.head.toLowerCase();
    expect(head).not.toContain('content-length');
    expect(head).not.toContain('transfer-encoding');
    expect(raw.closedByServer).toBe(true);
    expect(JSON.parse(raw.body)).toMatchObject({ handle: 'trail-jacket' });
    store.setFaults({ closeDelimited: false });
    const plain = await rawExchange(store.address.port, '/products/trail-jacket.js');
    expect(plain.head.toLowerCase()).toContain('content-length');
    expect(plain.closedByServer).toBe(false);
  });

  it('throttleIn200: storefront JSON answers 200 with a THROTTLED error; pages are served', async () => {
    store = await startStore({ faults: { throttleIn200: true } });
    const shopper = new Shopper(store);
    expect(throttleOf(await shopper.post('/cart/add.js', { id: 40001 }))).toBe('200-throttled');
    expect(throttleOf(await shopper.post('/checkout'))).toBe('200-throttled');
    const page = await shopper.get('/products/trail-jacket');
    expect([page.status, throttleOf(page)]).toEqual([200, undefined]);
  });

  it('retryAfter503: every request gets 503 with Retry-After', async () => {
    store = await startStore({ faults: { retryAfter503: 7 } });
    const reply = await new Shopper(store).get('/cart.js');
    expect([reply.status, reply.headers['retry-after'], throttleOf(reply)]).toEqual([503, '7', '503-retry-after']);
  });

  it('serverErrors: the share asked for, evenly', async () => {
    store = await startStore({ faults: { serverErrors: { share: 0.5 } } });
    const shopper = new Shopper(store);
    const statuses = [];
    for (let index = 0; index < 4; index += 1) statuses.push((await shopper.get('/products/trail-jacket.js')).status);
    expect(statuses).toEqual([200, 500, 200, 500]);
  });

  it('cookieWithoutKey: the cart cookie lacks ?key=, so the next request lands in a new cart; the observer counts it', async () => {
    store = await startStore({ faults: { cookieWithoutKey: true } });
    const shopper = new Shopper(store);
    await shopper.post('/cart/add.js', { id: 40001 });
    expect(hasKey(shopper.cartCookie ?? '')).toBe(false);
    expect((await shopper.get('/cart.js')).json<CartShape>().item_count).toBe(0);
    expect(observed(shopper)).toMatchObject({ cookieWithoutKey: { count: 2 }, quantityNotReflected: { count: 1 } });
  });

  it('dieAfterMs: the store stops answering; new connections are refused', async () => {
    store = await startStore({ faults: { dieAfterMs: 20 } });
    await untilTrue(() => store.dead);
    await expect(request(`${store.address.url}/cart.js`, { headersTimeout: 2000, bodyTimeout: 2000 })).rejects.toThrow();
  });

  it('setFaultsAfter: a switch that starts at a known moment of the run', async () => {
    store = await startStore();
    store.setFaultsAfter(30, { retryAfter503: 1 });
    const shopper = new Shopper(store);
    expect((await shopper.get('/cart.js')).status).toBe(200);
    let status = 200;
    while (status === 200) status = (await shopper.get('/cart.js')).status;
    expect(status).toBe(503);
    store.clearFaults();
    expect((await shopper.get('/cart.js')).status).toBe(200);
  });
});
