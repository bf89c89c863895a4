import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchEvents, type CollectedEvent, type CompletedCheckout } from '../../src/attribution/index.js';

const checkouts = (journey: string, count: number, from = 0): CompletedCheckout[] =>
  Array.from({ length: count }, (_, i) => ({ journey, checkoutToken: `${journey}-${from + i}`, orderId: String(9000 + from + i + (journey === 'wallet' ? 500 : 0)) }));

const pixelFor = (checkout: CompletedCheckout, extra: Partial<CollectedEvent> = {}): CollectedEvent => ({
  source: 'pixel',
  name: 'checkout_completed',
  checkoutToken: checkout.checkoutToken,
  eventId: `evt-${checkout.checkoutToken}`,
  receivedAtMs: 0,
  ...extra,
});

const summary = (result: ReturnType<typeof matchEvents>): Array<[string, number, number, number, number]> =>
  result.journeys.map((row) => [row.journey, row.expected, row.matched, row.missing, row.duplicate]);

describe('matchEvents', () => {
  it('a clean run: one event per completed checkout on every path', () => {
    const completed = [...checkouts('native', 6), ...checkouts('wallet', 6)];
    const result = matchEvents(completed, completed.map((checkout) => pixelFor(checkout)), 'checkout_completed');
    expect(summary(result)).toEqual([
      ['native', 6, 6, 0, 0],
      ['wallet', 6, 6, 0, 0],
    ]);
    expect(result.unmatched).toEqual([]);
    expect(result.redelivered).toBe(0);
  });

  it('the wallet path losing a third of its events shows as exactly that, naming the checkouts', () => {
    const native = checkouts('native', 9);
    const wallet = checkouts('wallet', 9);
    const events = [...native, ...wallet.filter((_, i) => i % 3 !== 2)].map((checkout) => pixelFor(checkout));
    const result = matchEvents([...native, ...wallet], events, 'checkout_completed');
    expect(summary(result)).toEqual([
      ['native', 9, 9, 0, 0],
      ['wallet', 9, 6, 3, 0],
    ]);
    expect(result.journeys[1]?.missingCheckouts.map((checkout) => checkout.checkoutToken)).toEqual(['wallet-2', 'wallet-5', 'wallet-8']);
  });

  it.each([
    ['the same checkout reported twice by the pixel under two ids', [pixelFor({ journey: 'native', checkoutToken: 'native-0' }), pixelFor({ journey: 'native', checkoutToken: 'native-0' }, { eventId: 'evt-again' })], 1, 0],
    ['two events without ids for one checkout', [pixelFor({ journey: 'native', checkoutToken: 'native-0' }, { eventId: undefined }), pixelFor({ journey: 'native', checkoutToken: 'native-0' }, { eventId: undefined })], 1, 0],
    ['one event delivered twice (same id): a redelivery, no duplicate', [pixelFor({ journey: 'native', checkoutToken: 'native-0' }), pixelFor({ journey: 'native', checkoutToken: 'native-0' })], 0, 1],
    ['a pixel event and a webhook for one checkout: two sources, no duplicate', [pixelFor({ journey: 'native', checkoutToken: 'native-0' }), pixelFor({ journey: 'native', checkoutToken: 'native-0' }, { source: 'webhook', eventId: 'wh-1' })], 0, 0],
    ['one event per order when a retried completion made two orders: duplicate-orders finds that, not this rule', [pixelFor({ journey: 'native', checkoutToken: 'native-0' }, { orderId: '1' }), pixelFor({ journey: 'native', checkoutToken: 'native-0' }, { orderId: '2', eventId: 'evt-2' })], 0, 0],
  ])('%s', (_, events, duplicate, redelivered) => {
    const result = matchEvents(checkouts('native', 1), events, 'checkout_completed');
    expect(summary(result)).toEqual([['native', 1, 1, 0, duplicate]]);
    expect(result.redelivered).toBe(redelivered);
  });

  it('matches by order id when the event carries no token (a server-side relay), and by token before order id', () => {
    const completed = checkouts('native', 2);
    const events: CollectedEvent[] = [
      { source: 'pixel', name: 'checkout_completed', orderId: '9000', receivedAtMs: 0 },
      // Its token names the second checkout, its order id the first: the token decides.
      { source: 'pixel', name: 'checkout_completed', checkoutToken: 'native-1', orderId: '9000', receivedAtMs: 0 },
    ];
    expect(summary(matchEvents(completed, events, 'checkout_completed'))).toEqual([['native', 2, 2, 0, 0]]);
  });

  it('lists events for checkouts the journeys did not complete as unmatched, and counts only the event named', () => {
    const completed = checkouts('native', 2);
    const stranger = pixelFor({ journey: 'other', checkoutToken: 'someone-else' });
    const webhook: CollectedEvent = { source: 'webhook', name: 'orders/create', checkoutToken: 'native-1', orderId: '9001', receivedAtMs: 0 };
    const result = matchEvents(completed, [pixelFor(completed[0]!), stranger, webhook], 'checkout_completed');
    expect(summary(result)).toEqual([['native', 2, 1, 1, 0]]);
    expect(result.unmatched).toEqual([stranger]);
    // The webhook stream is matched on its own topic.
    expect(summary(matchEvents(completed, [webhook], 'orders/create'))).toEqual([['native', 2, 1, 1, 0]]);
  });

  it('counts a checkout recorded twice by the run once', () => {
    const [checkout] = checkouts('native', 1);
    expect(summary(matchEvents([checkout!, checkout!], [pixelFor(checkout!)], 'checkout_completed'))).toEqual([['native', 1, 1, 0, 0]]);
  });

  it('no completed checkout: no journeys, every event unmatched', () => {
    const event = pixelFor({ journey: 'x', checkoutToken: 't' });
    expect(matchEvents([], [event], 'checkout_completed')).toEqual({ eventName: 'checkout_completed', journeys: [], unmatched: [event], redelivered: 0 });
  });
});

describe('matchEvents, for any delivery', () => {
  it('counts as missing exactly the checkouts with no event, and as duplicate exactly the extra copies', () => {
    // Per checkout: how many distinct events the pixel sent for it (0 = lost).
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('native', 'wallet'), fc.integer({ min: 0, max: 3 })), { maxLength: 30 }), fc.boolean(), (plan, shuffle) => {
        const completed = plan.map(([journey], i) => ({ journey, checkoutToken: `t${i}` }));
        const events = plan.flatMap(([journey], i) => Array.from({ length: plan[i]![1] }, (_, copy) => pixelFor({ journey, checkoutToken: `t${i}` }, { eventId: `e${i}-${copy}` })));
        const result = matchEvents(completed, shuffle ? [...events].reverse() : events, 'checkout_completed');
        for (const row of result.journeys) {
          const mine = plan.filter(([journey]) => journey === row.journey);
          expect(row.expected).toBe(mine.length);
          expect(row.missing).toBe(mine.filter(([, sent]) => sent === 0).length);
          expect(row.matched + row.missing).toBe(row.expected);
          expect(row.duplicate).toBe(mine.reduce((extra, [, sent]) => extra + Math.max(0, sent - 1), 0));
        }
        expect(result.unmatched).toEqual([]);
      }),
    );
  });
});
