import { describe, expect, it } from 'vitest';
import { CartObserver, type CartObservations } from '../../src/shopify/cart-observer.js';
import type { Exchange } from '../../src/load/types.js';
import { cart, exchange, line, read } from './exchanges.js';

/** Feeds one shopper's exchanges to a fresh observer and returns its summary. */
function observe(...exchanges: Exchange[]): CartObservations {
  const observer = new CartObserver();
  const watch = observer.forShopper();
  for (const seen of exchanges) watch(seen);
  return observer.summary();
}

const add = (variantId: number, quantity: number, answer: { status: number; body: unknown }, path = '/cart/add.js'): Exchange =>
  exchange('POST', path, { requestBody: { items: [{ id: variantId, quantity }] }, ...answer });

const counts = (seen: CartObservations): Record<string, number> => ({
  lineKeyChanged: seen.lineKeyChanged.count,
  quantityNotReflected: seen.quantityNotReflected.count,
  staleAfter422: seen.staleAfter422.count,
  cookieWithoutKey: seen.cookieWithoutKey.count,
});
const CLEAN = { lineKeyChanged: 0, quantityNotReflected: 0, staleAfter422: 0, cookieWithoutKey: 0 };

describe('CartObserver', () => {
  it('a consistent session: add, read, change by key, read, clear; every read counted, nothing found', () => {
    const seen = observe(
      add(40001, 2, { status: 200, body: { items: [line(40001, 2)] } }),
      read(cart(line(40001, 2))),
      exchange('POST', '/cart/change.js', { requestBody: { id: '40001:aaaa', quantity: 3 }, status: 200, body: cart(line(40001, 3)) }),
      read(cart(line(40001, 3))),
      read(cart(line(40001, 3))),
      exchange('POST', '/cart/clear.js', { status: 200, body: cart() }),
      read(cart()),
    );
    expect(counts(seen)).toEqual(CLEAN);
    expect(seen.cartReads).toBe(4);
  });

  it('takes a throttled answer for nothing done: a 200 add whose body says THROTTLED expects nothing of the next read', () => {
    const throttled = { status: 200, body: { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }] } };
    const seen = observe(add(40001, 1, throttled), read(cart()), exchange('GET', '/cart.js', throttled));
    expect(counts(seen)).toEqual(CLEAN);
    expect(seen.cartReads).toBe(1);
  });

  it('says there was nothing to judge when no cart was read', () => {
    expect(observe(exchange('GET', '/products/thing.js', { status: 200, body: {} })).cartReads).toBe(0);
  });

  describe('lineKeyChanged', () => {
    it('counts a change.js by the key just seen answered 400, naming the variant but no token', () => {
      const seen = observe(
        read(cart(line(40001, 1, 'first'))),
        exchange('POST', '/cart/change.js', { requestBody: 'id=40001%3Afirst&quantity=2', status: 400, body: { status: 'bad_request', message: 'no valid id or line parameter' } }),
      );
      expect(counts(seen)).toEqual({ ...CLEAN, lineKeyChanged: 1 });
      expect(seen.lineKeyChanged.example).toContain('variant 40001');
      expect(seen.lineKeyChanged.example).not.toMatch(/secret|first/);
    });

    it('counts two reads with no mutation between that show a variant under new keys', () => {
      const seen = observe(read(cart(line(40001, 1, 'one'))), read(cart(line(40001, 1, 'two'))), read(cart(line(40001, 1, 'three'))));
      expect(seen.lineKeyChanged.count).toBe(2);
    });

    it('does not count a key that changed after the shopper changed the line, nor a 400 for a key never seen', () => {
      const seen = observe(
        read(cart(line(40001, 1, 'one'))),
        exchange('POST', '/cart/change.js', { requestBody: { id: '40001:one', quantity: 2, properties: { gift: 'yes' } }, status: 200, body: cart(line(40001, 2, 'two')) }),
        read(cart(line(40001, 2, 'two'))),
        exchange('POST', '/cart/change.js', { requestBody: { id: '40001:stale', quantity: 1 }, status: 400, body: { message: 'no valid id or line parameter' } }),
      );
      expect(counts(seen)).toEqual(CLEAN);
    });
  });

  describe('quantityNotReflected', () => {
    it('counts an add answered 200 that the next read does not show', () => {
      const seen = observe(add(40001, 2, { status: 200, body: { items: [line(40001, 2)] } }), read(cart()));
      expect(counts(seen)).toEqual({ ...CLEAN, quantityNotReflected: 1 });
      expect(seen.quantityNotReflected.example).toContain('variant 40001 shows 0, expected at least 2');
    });

    it('counts a change to 3 that reads back 1, and a removal that reads back the line, on a locale path', () => {
      const seen = observe(
        read(cart(line(40001, 1), line(40002, 1)), '/fr-ca/cart.js'),
        exchange('POST', '/fr-ca/cart/change.js', { requestBody: { line: 1, quantity: 3 }, status: 200, body: cart(line(40001, 3), line(40002, 1)) }),
        exchange('POST', '/fr-ca/cart/update.js', { requestBody: { updates: { '40002': 0 } }, status: 200, body: cart(line(40001, 3)) }),
        read(cart(line(40001, 1), line(40002, 1)), '/fr-ca/cart.js'),
      );
      expect(seen.quantityNotReflected.count).toBe(2);
    });

    it('accepts a quantity shown across lines the store split (a BXGY discount)', () => {
      const seen = observe(add(40001, 3, { status: 200, body: { items: [line(40001, 3)] } }), read(cart(line(40001, 2, 'paid'), line(40001, 1, 'free'))));
      expect(counts(seen)).toEqual(CLEAN);
    });
  });

  describe('staleAfter422', () => {
    it('counts a read after a 422 that disagrees with the last successful add', () => {
      const seen = observe(
        add(40001, 1, { status: 200, body: { items: [line(40001, 1)] } }),
        add(40101, 1, { status: 200, body: { items: [line(40101, 1)] } }),
        add(40101, 9, { status: 422, body: { status: 422, message: 'Cart Error', description: "You can't add more Lantern to the cart." } }),
        read(cart(line(40001, 1))),
      );
      expect(counts(seen)).toEqual({ ...CLEAN, staleAfter422: 1 });
      expect(seen.staleAfter422.example).toContain('shows 1 items, the last change left 2');
    });

    it('does not count a 422 after which the cart is as the last answer left it', () => {
      const seen = observe(
        add(40101, 4, { status: 200, body: { items: [line(40101, 4)] } }),
        add(40101, 4, { status: 422, body: { status: 422, message: 'Cart Error', description: "You can't add more" } }),
        read(cart(line(40101, 4))),
      );
      expect(counts(seen)).toEqual(CLEAN);
    });

    it('judges nothing when an earlier mutation failed in a way that leaves the count unknown', () => {
      const seen = observe(
        add(40001, 1, { status: 500, body: 'oops' }),
        add(40101, 9, { status: 422, body: { status: 422, message: 'Cart Error', description: 'x' } }),
        read(cart(line(40001, 1))),
      );
      expect(counts(seen)).toEqual(CLEAN);
    });
  });

  describe('cookieWithoutKey', () => {
    it('counts a cart Set-Cookie without ?key=, and not one with it (raw or percent-encoded)', () => {
      const seen = observe(
        exchange('GET', '/cart.js', { status: 200, body: cart(), setCookie: ['cart=c1-abc; path=/', 'other=1'] }),
        exchange('GET', '/cart.js', { status: 200, body: cart(), setCookie: ['cart=c1-abc?key=def; path=/'] }),
        exchange('GET', '/cart.js', { status: 200, body: cart(), setCookie: ['cart=c1-abc%3Fkey%3Ddef; path=/'] }),
      );
      expect(counts(seen)).toEqual({ ...CLEAN, cookieWithoutKey: 1 });
      expect(seen.cookieWithoutKey.example).not.toContain('c1-abc');
    });
  });

  it('keeps shoppers apart and sums their defects', () => {
    const observer = new CartObserver();
    const first = observer.forShopper();
    const second = observer.forShopper();
    first(read(cart(line(40001, 1, 'one'))));
    second(read(cart(line(40001, 1, 'two'))));
    first(read(cart(line(40001, 1, 'one'))));
    expect(observer.summary().lineKeyChanged.count).toBe(0);
    second(read(cart(line(40001, 1, 'three'))));
    expect(observer.summary()).toMatchObject({ lineKeyChanged: { count: 1 }, cartReads: 4 });
  });
});
