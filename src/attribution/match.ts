import type { CollectedEvent, CompletedCheckout } from './events.js';

export interface JourneyAttribution {
  journey: string;
  /** Checkouts the journey completed (each checkout token once). */
  expected: number;
  /** Of those, the checkouts at least one event was seen for. */
  matched: number;
  missing: number;
  /** Events beyond the first for the same checkout and order from the same source. */
  duplicate: number;
  /** The checkouts no event was seen for, in the order they completed. */
  missingCheckouts: CompletedCheckout[];
}

export interface AttributionMatch {
  eventName: string;
  /** Per journey, in the order the journeys first completed a checkout. */
  journeys: JourneyAttribution[];
  /** Events of `eventName` that match no completed checkout (another shopper's, or an id the store garbled). */
  unmatched: CollectedEvent[];
  /** Events whose id was already seen: one event delivered twice, which is not a second purchase event. */
  redelivered: number;
}

/**
 * Matches the events named `eventName` to the checkouts the journeys completed, by checkout token or
 * else by order id. Two orders for one checkout are the duplicate-orders rule's finding, so an event
 * per order is no duplicate here: a duplicate is the same checkout and order reported twice by one
 * source (pixel or webhook) under different event ids.
 */
export const matchEvents = (completed: readonly CompletedCheckout[], events: readonly CollectedEvent[], eventName: string): AttributionMatch => {
  const checkouts: CompletedCheckout[] = [];
  const byToken = new Map<string, number>();
  const byOrder = new Map<string, number>();
  for (const checkout of completed) {
    if (byToken.has(checkout.checkoutToken)) continue; // A completion recorded twice is one checkout.
    byToken.set(checkout.checkoutToken, checkouts.length);
    if (checkout.orderId !== undefined && !byOrder.has(checkout.orderId)) byOrder.set(checkout.orderId, checkouts.length);
    checkouts.push(checkout);
  }

  const seen = checkouts.map(() => new Map<string, Set<string>>());
  const unmatched: CollectedEvent[] = [];
  let redelivered = 0;
  events.forEach((event, position) => {
    if (event.name !== eventName) return;
    const index = (event.checkoutToken === undefined ? undefined : byToken.get(event.checkoutToken)) ?? (event.orderId === undefined ? undefined : byOrder.get(event.orderId));
    const groups = index === undefined ? undefined : seen[index];
    if (groups === undefined) {
      unmatched.push(event);
      return;
    }
    const group = `${event.source} ${event.orderId ?? ''}`;
    const ids = groups.get(group) ?? new Set<string>();
    groups.set(group, ids);
    // An event without an id cannot be a redelivery: it counts on its own.
    const id = event.eventId ?? `#${position}`;
    if (ids.has(id)) redelivered += 1;
    else ids.add(id);
  });

  const journeys = new Map<string, JourneyAttribution>();
  checkouts.forEach((checkout, index) => {
    const row = journeys.get(checkout.journey) ?? { journey: checkout.journey, expected: 0, matched: 0, missing: 0, duplicate: 0, missingCheckouts: [] };
    journeys.set(checkout.journey, row);
    row.expected += 1;
    const groups = [...(seen[index]?.values() ?? [])];
    if (groups.length === 0) {
      row.missing += 1;
      row.missingCheckouts.push(checkout);
      return;
    }
    row.matched += 1;
    row.duplicate += groups.reduce((extra, ids) => extra + ids.size - 1, 0);
  });
  return { eventName, journeys: [...journeys.values()], unmatched, redelivered };
};
