import { request } from 'undici';
import type { Exchange } from '../../../src/load/types.js';
import { cartCookiesSet } from '../../../src/shopify/cart-cookie.js';
import { CheckoutObserver, type CompletedCheckouts } from '../../../src/shopify/checkout-observer.js';
import { StoreSimulator, type StoreSimulatorOptions } from '../../../src/simulators/store/server.js';

export async function startStore(options: StoreSimulatorOptions = {}): Promise<StoreSimulator> {
  const store = new StoreSimulator(options);
  await store.start();
  return store;
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body as JSON; throws on anything else. */
  json<T = Record<string, unknown>>(): T;
}

/** One browser-less shopper: keeps the cart cookie it is given, as a cookie jar would. */
export class Shopper {
  cartCookie: string | undefined;
  /** Every request and answer, as the load engine hands them to an observer. */
  readonly exchanges: Exchange[] = [];
  readonly #store: StoreSimulator;

  constructor(store: StoreSimulator) {
    this.#store = store;
  }

  get(path: string): Promise<Reply> {
    return this.send('GET', path);
  }

  post(path: string, body?: unknown): Promise<Reply> {
    return this.send('POST', path, body);
  }

  /** JSON for objects, a form for strings. */
  async send(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Reply> {
    const headers: Record<string, string> = {};
    if (this.cartCookie !== undefined) headers.cookie = `cart=${this.cartCookie}`;
    if (body !== undefined) headers['content-type'] = typeof body === 'string' ? 'application/x-www-form-urlencoded' : 'application/json';
    const answer = await request(`${this.#store.address.url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      headersTimeout: 5000,
      bodyTimeout: 5000,
    });
    const text = await answer.body.text();
    const requestBody = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const seenHeaders = Object.fromEntries(Object.entries(answer.headers).flatMap(([name, value]) => (value === undefined ? [] : [[name, value]])));
    this.exchanges.push({
      journey: 'test',
      step: { name: `${method} ${path}`, method, path },
      stepIndex: this.exchanges.length,
      method,
      path,
      ...(requestBody === undefined ? {} : { requestBody }),
      status: answer.statusCode,
      headers: seenHeaders,
      body: text,
      latencyMs: 0,
      atMs: 0,
    });
    const set = cartCookiesSet(answer.headers['set-cookie']);
    if (set.length > 0) this.cartCookie = set.at(-1);
    return { status: answer.statusCode, headers: answer.headers, text, json: <T>() => JSON.parse(text) as T };
  }
}

export interface CartShape {
  token: string;
  item_count: number;
  items: { key: string; variant_id: number; quantity: number }[];
}

/** A shopper with `variantId` in its cart and a checkout open (native or wallet), and the call that pays it. */
export async function readyToPay(store: StoreSimulator, variantId: number, via: 'checkout' | 'shop-pay'): Promise<{ shopper: Shopper; pay: () => Promise<Reply> }> {
  const shopper = new Shopper(store);
  await shopper.post('/cart/add.js', { items: [{ id: variantId, quantity: 1 }] });
  if (via === 'shop-pay') {
    const token = (await shopper.post('/wallets/shop-pay/checkout')).json<{ checkout_token: string }>().checkout_token;
    return { shopper, pay: () => shopper.post(`/wallets/shop-pay/checkouts/${token}/complete`) };
  }
  const location = String((await shopper.post('/checkout')).headers.location);
  const authenticity = /name="authenticity_token" value="([^"]+)"/.exec((await shopper.get(location)).text)?.[1] ?? '';
  return { shopper, pay: () => shopper.post(`${location}/complete`, `authenticity_token=${encodeURIComponent(authenticity)}&card=1`) };
}

/**
 * One shopper per entry of `paths` carts `variantId` and opens a checkout; then, in the same order, each
 * pays (so all had their carts before the stock ran out, as in a flash sale). The checkouts completed,
 * as the load run's observer records them, under the journeys `native` and `shop-pay`.
 */
export async function buyAll(store: StoreSimulator, variantId: number, paths: readonly ('checkout' | 'shop-pay')[]): Promise<CompletedCheckouts> {
  const ready = [];
  for (const via of paths) ready.push({ via, ...(await readyToPay(store, variantId, via)) });
  const observer = new CheckoutObserver();
  for (const { via, shopper, pay } of ready) {
    await pay();
    const watch = observer.forShopper();
    for (const exchange of shopper.exchanges) watch({ ...exchange, journey: via === 'shop-pay' ? 'shop-pay' : 'native' });
  }
  return observer.summary();
}
