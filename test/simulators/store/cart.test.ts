import { afterEach, describe, expect, it } from 'vitest';
import { hasKey, parseCartCookie } from '../../../src/shopify/cart-cookie.js';
import { readCart } from '../../../src/shopify/cart.js';
import type { StoreSimulator } from '../../../src/simulators/store/server.js';
import { Shopper, startStore, type CartShape } from './helpers.js';

let store: StoreSimulator;

afterEach(async () => {
  await store.stop();
});

describe('StoreSimulator: products and the Ajax Cart API', () => {
  it('answers product JSON with the fixed catalogue, and 404 for an unknown handle', async () => {
    store = await startStore();
    const shopper = new Shopper(store);
    const jacket = (await shopper.get('/products/trail-jacket.js')).json<{ id: number; variants: { id: number; available: boolean; price: number }[] }>();
    expect(jacket.id).toBe(4000);
    expect(jacket.variants.map((variant) => variant.id)).toEqual([40001, 40002]);
    expect((await shopper.get('/products/doorbuster-lantern.js')).json()).toMatchObject({ id: 4010, available: true, variants: [{ id: 40101, price: 1999 }] });
    expect((await shopper.get('/products/nothing.js')).status).toBe(404);
    expect(store.inventory()).toEqual({ 40001: 1000, 40002: 1000, 40101: 5 });
  });

  it('gives a new shopper a cart cookie <token>?key=<key> whose token is the cart token', async () => {
    store = await startStore();
    const shopper = new Shopper(store);
    const reply = await shopper.get('/cart.js');
    const cart = readCart(reply.text);
    expect(cart).toMatchObject({ item_count: 0, items: [], currency: 'USD' });
    expect(hasKey(shopper.cartCookie ?? '')).toBe(true);
    expect(cart?.token).toBe(shopper.cartCookie);
    expect(parseCartCookie(shopper.cartCookie ?? '').token).toMatch(/^c1-[0-9a-f]{32}$/);
    // The same cart is read back: no new cookie.
    expect((await shopper.get('/cart.js')).headers['set-cookie']).toBeUndefined();
  });

  it('adds (JSON items, a form), reads, changes by key and line, updates and clears, as Shopify shapes them', async () => {
    store = await startStore();
    const shopper = new Shopper(store);
    const added = await shopper.post('/cart/add.js', { items: [{ id: 40001, quantity: 2 }] });
    expect(added.status).toBe(200);
    const [line] = added.json<{ items: CartShape['items'] }>().items;
    expect(line).toMatchObject({ variant_id: 40001, quantity: 2, product_id: 4000, price: 12900, line_price: 25800 });
    expect(line?.key).toMatch(/^40001:[0-9a-f]{32}$/);
    expect((await shopper.post('/cart/add.js', 'id=40001&quantity=1')).json<{ items: CartShape['items'] }>().items[0]?.quantity).toBe(3);
    expect((await shopper.post('/fr-ca/cart/add.js', { id: 40002 })).status).toBe(200);
    const cart = (await shopper.get('/cart.js')).json<CartShape>();
    expect(cart.item_count).toBe(4);
    const changed = (await shopper.post('/cart/change.js', { id: cart.items[0]?.key, quantity: 1 })).json<CartShape>();
    expect(changed.items.map((item) => [item.variant_id, item.quantity])).toEqual([[40001, 1], [40002, 1]]);
    expect((await shopper.post('/cart/change.js', { line: 2, quantity: 0 })).json<CartShape>().item_count).toBe(1);
    expect((await shopper.post('/cart/update.js', { updates: { '40001': 5, '40002': 2 } })).json<CartShape>().item_count).toBe(7);
    expect((await shopper.post('/cart/clear.js')).json<CartShape>()).toMatchObject({ item_count: 0, items: [] });
  });

  it('answers change.js of a line not in the cart with 400 "no valid id or line parameter", and a bad body with 400', async () => {
    store = await startStore();
    const shopper = new Shopper(store);
    const missing = await shopper.post('/cart/change.js', { id: '40001:00000000000000000000000000000000', quantity: 1 });
    expect(missing.status).toBe(400);
    expect(missing.json()).toMatchObject({ status: 'bad_request', message: 'no valid id or line parameter' });
    expect((await shopper.post('/cart/add.js', { items: [{ quantity: 1 }] })).status).toBe(400);
    expect((await shopper.post('/cart/update.js', { updates: { '99999': 1 } })).status).toBe(404);
  });

  it('refuses with 422 what stock cannot cover, adding nothing, and says sold out once nothing is left', async () => {
    store = await startStore();
    const shopper = new Shopper(store);
    expect((await shopper.post('/cart/add.js', { items: [{ id: 40101, quantity: 4 }] })).status).toBe(200);
    const over = await shopper.post('/cart/add.js', { items: [{ id: 40101, quantity: 2 }] });
    expect(over.status).toBe(422);
    expect(over.json()).toEqual({ status: 422, message: 'Cart Error', description: "You can't add more Doorbuster Lantern to the cart." });
    expect((await shopper.get('/cart.js')).json<CartShape>().item_count).toBe(4);
    expect((await shopper.post('/cart/add.js', { items: [{ id: 40101, quantity: 1 }] })).status).toBe(200);
    // Another shopper buys the last five in between: the first one's cart is not checked again, a new add is.
    const rival = new Shopper(store);
    await rival.post('/cart/add.js', { items: [{ id: 40101, quantity: 5 }] });
    const checkout = await rival.post('/checkout');
    const page = await rival.get(String(checkout.headers.location));
    const authenticity = /name="authenticity_token" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
    await rival.post(`${String(checkout.headers.location)}/complete`, `authenticity_token=${encodeURIComponent(authenticity)}`);
    expect(store.stockOf(40101)).toBe(0);
    expect((await new Shopper(store).post('/cart/add.js', { id: 40101 })).json()).toMatchObject({ description: "The product 'Doorbuster Lantern' is already sold out." });
  });

  it('gives a cookie without the key a new, empty cart and a new cookie, as Shopify does', async () => {
    store = await startStore();
    const shopper = new Shopper(store);
    await shopper.post('/cart/add.js', { id: 40001 });
    const full = shopper.cartCookie ?? '';
    shopper.cartCookie = parseCartCookie(full).token;
    const read = await shopper.get('/cart.js');
    expect(read.json<CartShape>().item_count).toBe(0);
    expect(shopper.cartCookie).not.toBe(full);
    expect(hasKey(shopper.cartCookie ?? '')).toBe(true);
  });
});
