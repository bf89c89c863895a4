import type { CompletedCheckout } from '../../attribution/events.js';
import type { AdminInventoryLevel, AdminOrder } from './api.js';

/** Units available per variant id, summed over locations: what the journeys' variants had at one moment. */
export type StockByVariant = Record<string, number>;

/**
 * Sums each variant's levels over its locations. A variant whose item is not tracked (`available:
 * null` everywhere) or has no level is left out: its stock cannot be oversold or judged.
 */
export const stockByVariant = (levels: readonly AdminInventoryLevel[], itemOfVariant: Readonly<Record<string, number>>): StockByVariant => {
  const stock: StockByVariant = {};
  for (const [variantId, itemId] of Object.entries(itemOfVariant)) {
    const tracked = levels.filter((level) => level.inventory_item_id === itemId && level.available !== null);
    if (tracked.length > 0) stock[variantId] = tracked.reduce((sum, level) => sum + (level.available ?? 0), 0);
  }
  return stock;
};

export interface VariantStock {
  variantId: string;
  before: number;
  /** Absent when the variant's level could not be read after the run. */
  after?: number;
  /** Units of the variant in the orders created since the run began. */
  sold: number;
  /** Units sold beyond what there was: max(sold − before, −after), at least 0. */
  oversoldBy: number;
  /**
   * sold − (before − after): units sold that the inventory never counted (a lost update), or, when
   * negative, stock that went down by more than was sold (an adjustment during the run).
   */
  unaccounted?: number;
}

export interface GroundTruth {
  orders: number;
  completed: number;
  /** The variants stock was read for, by ascending id (the order of a record's integer keys). */
  stock: VariantStock[];
  oversold: VariantStock[];
  /** Checkout tokens with more than one order. */
  duplicateOrders: Array<{ checkoutToken: string; orderIds: string[] }>;
  /** Checkouts the journeys completed that no order records. */
  lostCheckouts: CompletedCheckout[];
  /** Orders since the run began that no completed checkout accounts for: another shopper's, or a completion the run never saw answered. */
  ordersWithoutCheckout: Array<{ orderId: string; checkoutToken: string | null }>;
}

/**
 * The race rules' figures from the store's records: stock before and after the run, the orders created
 * since it began, and the checkouts the journeys completed. Pure.
 */
export const groundTruth = (before: StockByVariant, after: StockByVariant, orders: readonly AdminOrder[], completed: readonly CompletedCheckout[]): GroundTruth => {
  const soldByVariant = new Map<string, number>();
  for (const order of orders) {
    for (const line of order.line_items) {
      if (line.variant_id === null) continue; // A custom line item takes no variant's stock.
      const variantId = String(line.variant_id);
      soldByVariant.set(variantId, (soldByVariant.get(variantId) ?? 0) + line.quantity);
    }
  }
  const stock = Object.entries(before).map(([variantId, had]): VariantStock => {
    const sold = soldByVariant.get(variantId) ?? 0;
    const left = after[variantId];
    const oversoldBy = Math.max(0, sold - had, left === undefined ? 0 : -left);
    return left === undefined ? { variantId, before: had, sold, oversoldBy } : { variantId, before: had, after: left, sold, oversoldBy, unaccounted: sold - (had - left) };
  });

  const ordersByToken = new Map<string, string[]>();
  for (const order of orders) {
    if (order.checkout_token === null) continue;
    ordersByToken.set(order.checkout_token, [...(ordersByToken.get(order.checkout_token) ?? []), String(order.id)]);
  }
  const completedTokens = new Set(completed.map((checkout) => checkout.checkoutToken));
  const completedOrderIds = new Set(completed.flatMap((checkout) => (checkout.orderId === undefined ? [] : [checkout.orderId])));
  const orderIds = new Set(orders.map((order) => String(order.id)));
  const uniqueCompleted = [...new Map(completed.map((checkout) => [checkout.checkoutToken, checkout])).values()];

  return {
    orders: orders.length,
    completed: uniqueCompleted.length,
    stock,
    oversold: stock.filter((variant) => variant.oversoldBy > 0),
    duplicateOrders: [...ordersByToken].filter(([, ids]) => ids.length > 1).map(([checkoutToken, ids]) => ({ checkoutToken, orderIds: ids })),
    lostCheckouts: uniqueCompleted.filter((checkout) => !ordersByToken.has(checkout.checkoutToken) && !(checkout.orderId !== undefined && orderIds.has(checkout.orderId))),
    ordersWithoutCheckout: orders
      .filter((order) => !(order.checkout_token !== null && completedTokens.has(order.checkout_token)) && !completedOrderIds.has(String(order.id)))
      .map((order) => ({ orderId: String(order.id), checkoutToken: order.checkout_token })),
  };
};

/**
 * The completed checkouts with the order id each one's order carries, where the run did not learn it,
 * so events that name only the order (a server-side relay) can be matched.
 */
export const withOrderIds = (completed: readonly CompletedCheckout[], orders: readonly AdminOrder[]): CompletedCheckout[] => {
  const firstOrder = new Map<string, string>();
  for (const order of orders) if (order.checkout_token !== null && !firstOrder.has(order.checkout_token)) firstOrder.set(order.checkout_token, String(order.id));
  return completed.map((checkout) => {
    const orderId = checkout.orderId ?? firstOrder.get(checkout.checkoutToken);
    return orderId === undefined ? checkout : { ...checkout, orderId };
  });
};
