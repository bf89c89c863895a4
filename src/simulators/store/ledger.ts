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

export type NewOrder = Omit<Order, 'id' | 'number' | 'totalPrice'>;

/** Stock and orders, kept in memory: what a check reads back to judge oversell and lost orders. */
export class Ledger {
  readonly #stock = new Map<number, number>();
  readonly #orders: Order[] = [];
  /** Order numbers given out, recorded or lost. */
  #issued = 0;

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
   * taken) when any line has too few left; with `oversell` nothing is refused and stock may go below
   * zero.
   */
  sell(order: NewOrder, options: { oversell?: boolean } = {}): Order | 'out-of-stock' {
    if (!options.oversell && this.#short(order)) return 'out-of-stock';
    for (const line of order.lines) this.#stock.set(line.variantId, this.stockOf(line.variantId) - line.quantity);
    const placed = this.#numbered(order);
    this.#orders.push(placed);
    return placed;
  }

  /**
   * An order the shopper is told about but the store never records (a lost checkout): checked against
   * stock like any other, but takes none. It uses up an order number, so no later order shares its id.
   */
  lose(order: NewOrder): Order | 'out-of-stock' {
    return this.#short(order) ? 'out-of-stock' : this.#numbered(order);
  }

  #short(order: NewOrder): boolean {
    return order.lines.some((line) => this.stockOf(line.variantId) < line.quantity);
  }

  #numbered(order: NewOrder): Order {
    this.#issued += 1;
    const number = 1000 + this.#issued;
    return { ...order, id: 5_000_000_000 + number, number, totalPrice: order.lines.reduce((sum, line) => sum + line.price * line.quantity, 0) };
  }
}
