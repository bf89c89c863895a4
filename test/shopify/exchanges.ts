import type { Exchange } from '../../src/load/types.js';
import { cartOf, type Cart, type LineItem } from '../../src/shopify/cart.js';

/** Synthetic exchanges for the observer: one shopper's requests and answers, in order. */
let clock = 0;

export function exchange(method: string, path: string, answer: { status?: number; body?: unknown; requestBody?: unknown; setCookie?: string[] }): Exchange {
  clock += 10;
  const text = (value: unknown): string | undefined => (value === undefined ? undefined : typeof value === 'string' ? value : JSON.stringify(value));
  const requestBody = text(answer.requestBody);
  const body = text(answer.body);
  return {
    journey: 'buy',
    step: { name: `${method} ${path}`, method: method === 'GET' ? 'GET' : 'POST', path },
    stepIndex: 0,
    method,
    path,
    ...(requestBody === undefined ? {} : { requestBody }),
    ...(answer.status === undefined ? {} : { status: answer.status }),
    headers: answer.setCookie ? { 'set-cookie': answer.setCookie } : {},
    ...(body === undefined ? {} : { body }),
    latencyMs: 5,
    atMs: clock,
  };
}

export function line(variantId: number, quantity: number, hash = 'aaaa'): LineItem {
  return {
    id: variantId,
    key: `${variantId}:${hash}`,
    quantity,
    variant_id: variantId,
    product_id: Math.floor(variantId / 10),
    title: `Variant ${variantId}`,
    handle: 'thing',
    sku: null,
    price: 1000,
    original_price: 1000,
    final_price: 1000,
    line_price: 1000 * quantity,
    original_line_price: 1000 * quantity,
    final_line_price: 1000 * quantity,
    discounts: [],
    properties: null,
    url: '/products/thing',
  };
}

export function cart(...items: LineItem[]): Cart {
  return cartOf('c1-secret-token?key=secret-key', items);
}

export const read = (body: Cart, path = '/cart.js'): Exchange => exchange('GET', path, { status: 200, body });
