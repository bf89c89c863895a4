import type { Catalogue } from './catalogue.js';

export interface OrderLine {
  variantId: number;
  quantity: number;
  price: number;
}

export interface Order {
  /** Shopify-style: a large id and a human order number from 1001. */
  id: number;
  number: number;
  checkoutToken: string;
  via: 'checkout' | 'shop-pay';
  lines: OrderLine[];
  totalPrice: number;
  /** Since the simulator started. */
  atMs: number;
}

/** Stock and orders, kept in memory: what a check reads back to judge oversell and lost orders. */
export class Ledger {
  readonly #stock = new Map<number, number>();
  readonly #orders: Order[] = [];

  constructor(catalogue: Catalogue) {
    for (const product of catalogue.products) for (const variant of product.variants) this.#stock.set(variant.id, variant.stock);
  }

  stockOf(variantId: number): number {
    return this.#stock.get(variantId) ?? 0;
  }

  /** Units on hand by variant id. */
  inventory(): Record<number, number> {
    return Object.fromEntries(this.#stock);
  }

  get orders(): readonly Order[] {
    return [...this.#orders];
  }

  /**
   * Takes the lines' units from stock and records the order, or refuses the whole order (nothing
   * taken) when any line has too few left.
   */
  sell(order: Omit<Order, 'id' | 'number' | 'totalPrice'>): Order | 'out-of-stock' {
    if (order.lines.some((line) => this.stockOf(line.variantId) < line.quantity)) return 'out-of-stock';
    for (const line of order.lines) this.#stock.set(line.variantId, this.stockOf(line.variantId) - line.quantity);
    const number = 1001 + this.#orders.length;
    const placed: Order = { ...order, id: 5_000_000_000 + number, number, totalPrice: order.lines.reduce((sum, line) => sum + line.price * line.quantity, 0) };
    this.#orders.push(placed);
    return placed;
  }
}
