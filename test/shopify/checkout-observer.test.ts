import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../src/load/types.js';
import { CheckoutObserver, maskToken, type CompletedCheckouts } from '../../src/shopify/checkout-observer.js';
import { exchange } from './exchanges.js';

const TOKEN = '0123456789abcdef0123456789abcdef';
const WALLET_TOKEN = 'fedcba9876543210fedcba9876543210';

/** Feeds each shopper's exchanges to one observer, a watch per shopper. */
function observe(shoppers: Exchange[][], observer = new CheckoutObserver()): CompletedCheckouts {
  for (const exchanges of shoppers) {
    const watch = observer.forShopper();
    for (const seen of exchanges) watch(seen);
  }
  return observer.summary();
}

/** A step marked `payment: true` in journey `journey`. */
const pay = (path: string, answer: Parameters<typeof exchange>[2], journey = 'native'): Exchange => {
  const seen = exchange('POST', path, answer);
  return { ...seen, journey, step: { ...seen.step, payment: true } };
};

describe('CheckoutObserver', () => {
  it('records a native completion (302 with the order JSON) and a wallet one (200): journey, token from the path, order id, status', () => {
    const seen = observe([
      [
        exchange('GET', `/checkouts/cn/${TOKEN}`, { status: 200, body: '<html>' }),
        pay(`/checkouts/cn/${TOKEN}/complete`, { status: 302, body: { order_id: 5000001001, order_number: 1001, checkout_token: TOKEN } }),
      ],
      [pay(`/wallets/shop-pay/checkouts/${WALLET_TOKEN}/complete`, { status: 200, body: { order: { id: 'gid://shopify/Order/5000001002' } } }, 'shop-pay')],
    ]);
    expect(seen).toEqual({
      completed: [
        { journey: 'native', checkoutToken: TOKEN, orderId: '5000001001', status: 302 },
        { journey: 'shop-pay', checkoutToken: WALLET_TOKEN, orderId: '5000001002', status: 200 },
      ],
      completedBeyondCap: 0,
      completedWithoutToken: 0,
      notCompleted: [],
    });
  });

  it('reads the token from the answer when the path has none, and the id of a body that is an order', () => {
    const seen = observe([[pay('/checkouts/unstable/graphql', { status: 200, body: { id: 42, checkout_token: 'tok-from-json-0001' } })]]);
    expect(seen.completed).toEqual([{ journey: 'native', checkoutToken: 'tok-from-json-0001', orderId: '42', status: 200 }]);
  });

  it('counts a write to a payment path that the journey did not mark, and ignores reads and other steps', () => {
    const seen = observe([
      [
        exchange('POST', `/checkouts/cn/${TOKEN}/complete`, { status: 302, body: { order_id: 7 } }),
        exchange('GET', `/checkouts/cn/${TOKEN}/complete`, { status: 200, body: '<html>' }),
        exchange('POST', '/cart/add.js', { status: 200, body: { items: [] } }),
      ],
    ]);
    expect(seen.completed).toEqual([{ journey: 'buy', checkoutToken: TOKEN, orderId: '7', status: 302 }]);
  });

  it('counts attempts that did not complete by journey and outcome: a refusal, a throttled 200, a timeout', () => {
    const refused = pay(`/checkouts/cn/${TOKEN}/complete`, { status: 409, body: { error: 'Some items are no longer available.' } });
    const throttled = pay(`/checkouts/cn/${TOKEN}/complete`, { status: 200, body: { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }] } });
    const { status: _none, ...unanswered } = pay(`/checkouts/cn/${TOKEN}/complete`, {}, 'shop-pay');
    const seen = observe([[refused], [refused], [throttled], [{ ...unanswered, error: 'timeout' }]]);
    expect(seen.completed).toEqual([]);
    expect(seen.notCompleted).toEqual([
      { journey: 'native', status: 409, count: 2 },
      { journey: 'native', status: 200, count: 1 },
      { journey: 'shop-pay', error: 'timeout', count: 1 },
    ]);
  });

  it('counts a completion that names no checkout, and keeps at most maxCheckouts, counting the rest', () => {
    const seen = observe(
      [
        [pay('/checkouts/unstable/graphql', { status: 200, body: { data: {} } })],
        ...[1, 2, 3].map((n) => [pay(`/checkouts/cn/token-number-${n}/complete`, { status: 302 })]),
      ],
      new CheckoutObserver({ maxCheckouts: 2 }),
    );
    expect(seen.completedWithoutToken).toBe(1);
    expect(seen.completed.map((checkout) => checkout.checkoutToken)).toEqual(['token-number-1', 'token-number-2']);
    expect(seen.completed[0]).not.toHaveProperty('orderId');
    expect(seen.completedBeyondCap).toBe(1);
  });
});

describe('maskToken', () => {
  it('shows the first four characters of a token and nothing of a short one', () => {
    expect(maskToken(TOKEN)).toBe('0123…');
    expect(maskToken(TOKEN)).not.toContain(TOKEN.slice(4, 8));
    expect(maskToken('abcd1234')).toBe('…');
  });
});
