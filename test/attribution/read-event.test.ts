import { describe, expect, it } from 'vitest';
import { orderIdOf, readOrderWebhook, readPixelEvent } from '../../src/attribution/index.js';

describe('orderIdOf', () => {
  it.each([
    [450789469, '450789469'],
    ['450789469', '450789469'],
    ['gid://shopify/Order/450789469', '450789469'],
    ['gid://shopify/OrderIdentity/450789469', '450789469'],
    ['gid://shopify/Product/1', 'gid://shopify/Product/1'],
    [1.5, undefined],
    ['', undefined],
    [null, undefined],
    [{ id: 1 }, undefined],
  ])('%j → %j', (given, expected) => {
    expect(orderIdOf(given)).toBe(expected);
  });
});

describe('readPixelEvent', () => {
  it('keeps only identifiers, and no key for what is absent', () => {
    expect(readPixelEvent({ name: 'checkout_completed', data: { checkout: { token: 't', totalPrice: { amount: 10 } } } })).toEqual({ event: { source: 'pixel', name: 'checkout_completed', checkoutToken: 't' } });
  });

  it.each([[null], ['checkout_completed'], [[]], [{ data: {} }], [{ name: 42 }]])('refuses %j as an unknown shape', (body) => {
    expect(readPixelEvent(body)).toEqual({ refused: 'unknown-shape' });
  });
});

describe('readOrderWebhook', () => {
  it('an order without a checkout token (a draft order) is kept by its id', () => {
    expect(readOrderWebhook('orders/create', { id: 7, checkout_token: null, created_at: '2026-11-27T09:00:00-05:00' }, undefined)).toEqual({
      event: { source: 'webhook', name: 'orders/create', orderId: '7', timestamp: '2026-11-27T09:00:00-05:00' },
    });
  });

  it('refuses another topic before reading the body', () => {
    expect(readOrderWebhook('orders/paid', { id: 7 }, 'wh')).toEqual({ refused: 'topic' });
  });
});
