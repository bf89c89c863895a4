import { describe, expect, it } from 'vitest';
import { parseCartMutation } from '../../src/shopify/cart-requests.js';

describe('parseCartMutation', () => {
  it('reads add.js as JSON items, a single JSON item and a form', () => {
    expect(parseCartMutation('add', '{"items":[{"id":40001,"quantity":2,"properties":{"gift":true}}]}')).toEqual({
      kind: 'add',
      lines: [{ variantId: 40001, quantity: 2, properties: { gift: 'true' } }],
    });
    expect(parseCartMutation('add', '{"id":"40101"}')).toEqual({ kind: 'add', lines: [{ variantId: 40101, quantity: 1 }] });
    expect(parseCartMutation('add', 'id=40001&quantity=3')).toEqual({ kind: 'add', lines: [{ variantId: 40001, quantity: 3 }] });
    expect(parseCartMutation('add', 'items[0][id]=40001&items[0][quantity]=1&items[1][id]=40002')).toEqual({
      kind: 'add',
      lines: [
        { variantId: 40001, quantity: 1 },
        { variantId: 40002, quantity: 1 },
      ],
    });
  });

  it('reads change.js by key, variant or line, and update.js by map or array', () => {
    expect(parseCartMutation('change', '{"id":"40001:ab","quantity":0}')).toEqual({ kind: 'change', target: { key: '40001:ab' }, quantity: 0 });
    expect(parseCartMutation('change', 'id=40001&quantity=2')).toEqual({ kind: 'change', target: { variantId: 40001 }, quantity: 2 });
    expect(parseCartMutation('change', '{"line":2,"quantity":1}')).toEqual({ kind: 'change', target: { line: 2 }, quantity: 1 });
    expect(parseCartMutation('update', 'updates[40001]=2&updates[40002:cd]=0')).toEqual({
      kind: 'update',
      updates: [
        { target: { variantId: 40001 }, quantity: 2 },
        { target: { key: '40002:cd' }, quantity: 0 },
      ],
    });
    expect(parseCartMutation('update', 'updates[]=1&updates[]=4')).toEqual({
      kind: 'update',
      updates: [
        { target: { line: 1 }, quantity: 1 },
        { target: { line: 2 }, quantity: 4 },
      ],
    });
    expect(parseCartMutation('clear', undefined)).toEqual({ kind: 'clear' });
  });

  it('gives up on what it cannot read', () => {
    expect(parseCartMutation('add', '{"items":[{"quantity":1}]}')).toBeUndefined();
    expect(parseCartMutation('add', '{broken')).toBeUndefined();
    expect(parseCartMutation('change', '{"line":0,"quantity":1}')).toBeUndefined();
    expect(parseCartMutation('change', '{"id":40001,"quantity":-1}')).toBeUndefined();
    expect(parseCartMutation('update', '{"note":"hi"}')).toBeUndefined();
    expect(parseCartMutation('read', '')).toBeUndefined();
  });
});
