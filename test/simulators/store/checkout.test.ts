import { afterEach, describe, expect, it } from 'vitest';
import { checkoutPathKind } from '../../../src/shopify/checkout-paths.js';
import type { StoreSimulator } from '../../../src/simulators/store/server.js';
import { Shopper, startStore, type CartShape } from './helpers.js';

let store: StoreSimulator;

afterEach(async () => {
  await store.stop();
});

const authenticityOf = (html: string): string => /name="authenticity_token" value="([^"]+)"/.exec(html)?.[1] ?? '';

describe('StoreSimulator: checkout and the wallet', () => {
  it('POST /checkout redirects to /checkouts/cn/<token>; the page has the authenticity token the completion needs', async () => {
    store = await startStore();
    const shopper = new Shopper(store);
    await shopper.post('/cart/add.js', { items: [{ id: 40001, quantity: 2 }] });
    const entry = await shopper.post('/checkout', 'checkout=');
    expect(entry.status).toBe(302);
    const location = String(entry.headers.location);
    expect(location).toMatch(/^\/checkouts\/cn\/[0-9a-f]{32}$/);
    expect(checkoutPathKind(location)).toBe('checkout-page');
    const page = await shopper.get(location);
    expect(page.status).toBe(200);
    const authenticity = authenticityOf(page.text);
    expect(authenticity).not.toBe('');

    expect((await shopper.post(`${location}/complete`, 'authenticity_token=forged&card=1')).status).toBe(422);
    expect(store.orders).toEqual([]);

    const paid = await shopper.post(`${location}/complete`, `authenticity_token=${encodeURIComponent(authenticity)}&email=shopper%40example.com&card=1`);
    expect(paid.status).toBe(302);
    expect(paid.headers.location).toBe(`${location}/thank-you`);
    const order = paid.json<{ order_id: number; order_number: number; checkout_token: string }>();
    expect(order).toMatchObject({ order_number: 1001, checkout_token: location.split('/').at(-1) });
    expect(store.orders).toMatchObject([{ id: order.order_id, via: 'checkout', lines: [{ variantId: 40001, quantity: 2, price: 12900 }], totalPrice: 25800 }]);
    expect(store.stockOf(40001)).toBe(998);
    expect((await shopper.get('/cart.js')).json<CartShape>().item_count).toBe(0);
    expect((await shopper.get(`${location}/thank-you`)).text).toContain('Order #1001');

    // Paying twice answers the same order: no duplicate, no second decrement.
    const again = await shopper.post(`${location}/complete`, { authenticity_token: authenticity });
    expect(again.json()).toEqual(order);
    expect(store.orders).toHaveLength(1);
    expect(store.stockOf(40001)).toBe(998);
  });

  it('sends an empty cart back to /cart, and refuses a completion stock can no longer cover', async () => {
    store = await startStore();
    const empty = new Shopper(store);
    expect((await empty.post('/checkout')).headers.location).toBe('/cart');
    const [first, second] = [new Shopper(store), new Shopper(store)];
    const checkouts = [];
    for (const shopper of [first, second]) {
      await shopper.post('/cart/add.js', { id: 40101, quantity: 5 });
      const location = String((await shopper.post('/checkout')).headers.location);
      checkouts.push({ shopper, location, authenticity: authenticityOf((await shopper.get(location)).text) });
    }
    const statuses = [];
    for (const { shopper, location, authenticity } of checkouts) statuses.push((await shopper.post(`${location}/complete`, { authenticity_token: authenticity })).status);
    expect(statuses).toEqual([302, 409]);
    expect(store.stockOf(40101)).toBe(0);
    expect(store.orders).toHaveLength(1);
  });

  it('takes the Shop Pay-like wallet path: checkout token as JSON, completion as JSON, an order', async () => {
    store = await startStore();
    const shopper = new Shopper(store);
    expect((await shopper.post('/wallets/shop-pay/checkout')).status).toBe(422);
    await shopper.post('/cart/add.js', { id: 40002 });
    const { checkout_token: token } = (await shopper.post('/wallets/shop-pay/checkout')).json<{ checkout_token: string }>();
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    const paid = await shopper.post(`/wallets/shop-pay/checkouts/${token}/complete`);
    expect(paid.status).toBe(200);
    expect(paid.json()).toMatchObject({ order_number: 1001, checkout_token: token });
    expect(store.orders).toMatchObject([{ via: 'shop-pay', lines: [{ variantId: 40002, quantity: 1 }] }]);
    expect((await shopper.get(`/checkouts/cn/${token}/thank-you`)).status).toBe(200);
    expect((await shopper.post(`/wallets/shop-pay/checkouts/${'0'.repeat(32)}/complete`)).status).toBe(404);
  });

  it('serves self-contained pages: product with both buttons, cart with the checkout form', async () => {
    store = await startStore();
    const shopper = new Shopper(store);
    const product = await shopper.get('/products/trail-jacket');
    expect(product.headers['content-type']).toContain('text/html');
    expect(product.text).toContain('Add to cart');
    expect(product.text).toContain('Buy with Shop Pay');
    expect(product.text).toContain("'/cart/add.js'");
    await shopper.post('/cart/add.js', { id: 40001 });
    const cart = await shopper.get('/cart');
    expect(cart.text).toContain('action="/checkout"');
    expect(cart.text).toContain('Trail Jacket - M × 1');
    for (const text of [product.text, cart.text]) expect(text).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    expect((await shopper.get('/nowhere')).status).toBe(404);
  });
});
