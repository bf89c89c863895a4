import { describe, expect, it } from 'vitest';
import { cartEndpointOf, productPathOf } from '../../src/shopify/cart-paths.js';
import { checkoutPathKind, checkoutTokenOf, isCheckoutPath, isPaymentRequest } from '../../src/shopify/checkout-paths.js';

describe('cart paths', () => {
  it.each([
    ['/cart.js', 'read'],
    ['/cart/add.js', 'add'],
    ['/fr-ca/cart/change.js?x=1', 'change'],
    ['/en-fr/cart/update.js', 'update'],
    ['/de/cart/clear.js', 'clear'],
    ['/cart', undefined],
    ['/cart/add', undefined],
    ['/products/x.js', undefined],
  ])('%s is %s', (path, endpoint) => {
    expect(cartEndpointOf(path)).toBe(endpoint);
  });

  it('reads a product handle, JSON or page', () => {
    expect(productPathOf('/products/trail-jacket.js')).toEqual({ handle: 'trail-jacket', json: true });
    expect(productPathOf('/fr-ca/products/trail-jacket')).toEqual({ handle: 'trail-jacket', json: false });
    expect(productPathOf('/products/')).toBeUndefined();
  });
});

describe('checkout paths', () => {
  it.each([
    ['/checkout', 'entry'],
    ['/fr-ca/checkout', 'entry'],
    ['/cart/c/c1-abc', 'cart-link'],
    ['/cart/40001:2,40002:1', 'cart-link'],
    ['/checkouts/cn/Z2NwLXVz', 'checkout-page'],
    ['/checkouts/cn/Z2NwLXVz/thank-you', 'checkout-page'],
    ['/12345/checkouts/abc123', 'checkout-page'],
    ['/checkouts/cn/Z2NwLXVz/complete', 'payment'],
    ['/checkouts/abc/payments', 'payment'],
    ['/checkouts/unstable/graphql', 'payment'],
    ['/wallets/shop-pay/checkout', 'wallet'],
    ['/wallets/shop-pay/checkouts/abc/complete', 'payment'],
    ['/cart.js', undefined],
    ['/products/checkout', undefined],
  ])('%s is %s', (path, kind) => {
    expect(checkoutPathKind(path)).toBe(kind);
    expect(isCheckoutPath(path)).toBe(kind !== undefined);
  });

  it('counts only a write to a payment path as a payment', () => {
    expect(isPaymentRequest('POST', '/checkouts/cn/abc/complete')).toBe(true);
    expect(isPaymentRequest('GET', '/checkouts/cn/abc/complete')).toBe(false);
    expect(isPaymentRequest('POST', '/checkout')).toBe(false);
  });
});

describe('checkoutTokenOf', () => {
  it.each([
    ['/checkouts/cn/Z2NwLXVz/complete', 'Z2NwLXVz'],
    ['/checkouts/cn/Z2NwLXVz', 'Z2NwLXVz'],
    ['/checkouts/abc123def/payments', 'abc123def'],
    ['/1234/checkouts/abc123def/processing?x=1', 'abc123def'],
    ['/wallets/shop-pay/checkouts/0123abcd/complete', '0123abcd'],
    ['/checkouts/unstable/graphql', undefined],
    ['/checkout', undefined],
    ['/cart/c/abc', undefined],
  ])('%s → %s', (path, token) => {
    expect(checkoutTokenOf(path)).toBe(token);
  });
});
