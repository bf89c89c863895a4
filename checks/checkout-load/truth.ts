import type { CompletedCheckout } from '../../src/attribution/events.js';
import { transportError } from '../../src/load/transport-error.js';
import { AdminApiError, adminClient, groundTruth, readStock, withOrderIds, type AdminClient, type StockReading } from '../../src/shopify/admin/index.js';
import { maskToken } from '../../src/shopify/checkout-observer.js';
import type { TruthSeen } from './artifact.js';
import type { CheckoutLoadConfig } from './config.js';

const LISTED = 20;

type Verify = NonNullable<CheckoutLoadConfig['verify']>;

/** The store's records before the run: the client, the stock of the journeys' variants, and when the run began. */
export interface Before {
  client: AdminClient;
  reading: StockReading;
  startedAt: string;
}

/**
 * Why the records could not be read, as a cause; never the token (the client's errors never carry it).
 * A transport failure reads as the load test's own does, so one dead store is one cause line.
 */
const causeOf = (error: unknown, verify: Verify): string => {
  const host = new URL(verify.adminApi).host;
  if (error instanceof AdminApiError && error.status === undefined && /^[A-Z_]+$/.test(error.problem)) return `http: ${transportError({ code: error.problem })} by ${host}`;
  return `http: ${host}: ${(error as Error).message.split('\n')[0]}`;
};

export const readBefore = async (verify: Verify, variants: readonly number[], signal: AbortSignal): Promise<Before | { error: string }> => {
  const client = adminClient({ base: verify.adminApi, token: verify.adminToken, signal });
  const startedAt = new Date().toISOString();
  try {
    return { client, reading: await readStock(client, variants), startedAt };
  } catch (error) {
    return { error: causeOf(error, verify) };
  }
};

/** After the run: stock again and the orders since it began, against the checkouts the run completed. Tokens only masked. */
export const readAfter = async (before: Before | { error: string }, verify: Verify, completed: readonly CompletedCheckout[]): Promise<TruthSeen> => {
  const empty = { orders: 0, completed: completed.length, stock: [], duplicateOrders: [], duplicateOrderCount: 0, lostCheckouts: [], lostCheckoutCount: 0, ordersWithoutCheckout: 0 };
  if ('error' in before) return { ...empty, error: before.error };
  try {
    const after = await readStock(before.client, Object.keys(before.reading.itemOfVariant), before.reading.itemOfVariant);
    const orders = await before.client.ordersSince(before.startedAt);
    const truth = groundTruth(before.reading.stock, after.stock, orders, withOrderIds(completed, orders));
    return {
      orders: truth.orders,
      completed: truth.completed,
      stock: truth.stock.map((variant) => ({ ...variant })),
      duplicateOrders: truth.duplicateOrders.slice(0, LISTED).map((entry) => ({ checkout: maskToken(entry.checkoutToken), orders: entry.orderIds.length })),
      duplicateOrderCount: truth.duplicateOrders.length,
      lostCheckouts: truth.lostCheckouts.slice(0, LISTED).map((entry) => ({ journey: entry.journey, checkout: maskToken(entry.checkoutToken) })),
      lostCheckoutCount: truth.lostCheckouts.length,
      ordersWithoutCheckout: truth.ordersWithoutCheckout.length,
    };
  } catch (error) {
    return { ...empty, error: causeOf(error, verify) };
  }
};
