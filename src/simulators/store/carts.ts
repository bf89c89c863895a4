import { createHash, randomBytes } from 'node:crypto';
import { cartOf, type Cart, type LineItem } from '../../shopify/cart.js';
import { makeCartCookie, parseCartCookie } from '../../shopify/cart-cookie.js';
import type { AddLine, LineTarget } from '../../shopify/cart-requests.js';
import type { Catalogue } from './catalogue.js';

interface StoreLine {
  variantId: number;
  quantity: number;
  properties: Record<string, string> | null;
}

export type CartRefusal = { status: 400 | 404 | 422; body: Record<string, unknown> };

/** One shopper's cart: lines, and the key generation a discount app bumps when it re-keys them. */
export class StoreCart {
  readonly token = `c1-${randomBytes(16).toString('hex')}`;
  readonly key = randomBytes(16).toString('hex');
  lines: StoreLine[] = [];
  #generation = 0;
  /** What reads show instead of the real cart while it is frozen (after a `burst422` refusal). */
  frozen: Cart | undefined;
  /** The cart as it was before its last successful mutation: what a frozen cart shows. */
  beforeLastChange: Cart | undefined;

  get cookie(): string {
    return makeCartCookie(this.token, this.key);
  }

  /** Gives every line a new key, as a discount app re-evaluating the cart does. */
  rekey(): void {
    this.#generation += 1;
  }

  keyOf(line: StoreLine): string {
    const hash = createHash('md5').update(`${this.token}|${line.variantId}|${JSON.stringify(line.properties)}|${this.#generation}`).digest('hex');
    return `${line.variantId}:${hash}`;
  }

  find(target: LineTarget): StoreLine | undefined {
    if ('line' in target) return this.lines[target.line - 1];
    if ('key' in target) return this.lines.find((line) => this.keyOf(line) === target.key);
    return this.lines.find((line) => line.variantId === target.variantId);
  }

  /**
   * Adds all lines or none. Stock is checked against what this cart would then hold, not other carts
   * (Shopify reserves nothing before checkout); on a refusal nothing is added (what community testers
   * observe, though the docs say the available quantity is).
   */
  add(lines: AddLine[], catalogue: Catalogue, stockOf: (variantId: number) => number): LineItem[] | CartRefusal {
    for (const wanted of lines) {
      const known = catalogue.variant(wanted.variantId);
      if (!known) return { status: 404, body: { status: 404, message: 'Cart Error', description: 'Cannot find variant' } };
      const held = this.lines.filter((line) => line.variantId === wanted.variantId).reduce((sum, line) => sum + line.quantity, 0);
      const left = stockOf(wanted.variantId);
      if (held + wanted.quantity > left) {
        const description = left === 0 ? `The product '${known.product.title}' is already sold out.` : `You can't add more ${known.product.title} to the cart.`;
        return { status: 422, body: { status: 422, message: 'Cart Error', description } };
      }
    }
    const touched = lines.map((wanted) => {
      const properties = wanted.properties && Object.keys(wanted.properties).length > 0 ? wanted.properties : null;
      const same = this.lines.find((line) => line.variantId === wanted.variantId && JSON.stringify(line.properties) === JSON.stringify(properties));
      if (same) {
        same.quantity += wanted.quantity;
        return same;
      }
      const line = { variantId: wanted.variantId, quantity: wanted.quantity, properties };
      this.lines.push(line);
      return line;
    });
    return [...new Set(touched)].map((line) => this.lineItem(line, catalogue));
  }

  /** Sets a line's quantity (0 removes it). update.js by an unknown variant id adds a line, as Shopify does. */
  set(target: LineTarget, quantity: number, addIfMissing: boolean): boolean {
    const line = this.find(target);
    if (!line) {
      if (!addIfMissing || !('variantId' in target)) return false;
      if (quantity > 0) this.lines.push({ variantId: target.variantId, quantity, properties: null });
      return true;
    }
    line.quantity = quantity;
    this.lines = this.lines.filter((kept) => kept.quantity > 0);
    return true;
  }

  clear(): void {
    this.lines = [];
  }

  lineItem(line: StoreLine, catalogue: Catalogue): LineItem {
    const known = catalogue.variant(line.variantId);
    const price = known?.variant.price ?? 0;
    const total = price * line.quantity;
    return {
      id: line.variantId,
      key: this.keyOf(line),
      quantity: line.quantity,
      variant_id: line.variantId,
      product_id: known?.product.id ?? 0,
      title: known ? `${known.product.title} - ${known.variant.title}` : String(line.variantId),
      handle: known?.product.handle ?? '',
      sku: known?.variant.sku ?? null,
      price,
      original_price: price,
      final_price: price,
      line_price: total,
      original_line_price: total,
      final_line_price: total,
      discounts: [],
      properties: line.properties,
      url: `/products/${known?.product.handle ?? ''}?variant=${line.variantId}`,
    };
  }

  json(catalogue: Catalogue): Cart {
    return cartOf(this.cookie, this.lines.map((line) => this.lineItem(line, catalogue)));
  }
}

/** The carts by token. A cookie without the cart's key gets a new cart, as Shopify does since 2024. */
export class CartBook {
  readonly #carts = new Map<string, StoreCart>();

  /** The cart a `cart` cookie value names, if the value carries the right key. */
  find(cookie: string | undefined): StoreCart | undefined {
    if (cookie === undefined) return undefined;
    const { token, key } = parseCartCookie(cookie);
    const cart = this.#carts.get(token);
    return cart && key === cart.key ? cart : undefined;
  }

  create(): StoreCart {
    const cart = new StoreCart();
    this.#carts.set(cart.token, cart);
    return cart;
  }

  get size(): number {
    return this.#carts.size;
  }
}
