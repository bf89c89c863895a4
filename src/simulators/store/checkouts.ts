import { randomBytes } from 'node:crypto';
import type { OrderLine, Order } from './ledger.js';
import type { StoreCart } from './carts.js';

export interface Checkout {
  token: string;
  /** The hidden form field the completion must send back: a recording's replay has to capture it live. */
  authenticityToken: string;
  via: Order['via'];
  /** The cart's lines when checkout began; later cart changes do not alter them. */
  lines: OrderLine[];
  cart: StoreCart;
  order?: Order;
}

/** Checkouts by token. */
export class Checkouts {
  readonly #byToken = new Map<string, Checkout>();

  open(cart: StoreCart, lines: OrderLine[], via: Order['via']): Checkout {
    const checkout: Checkout = { token: randomBytes(16).toString('hex'), authenticityToken: randomBytes(24).toString('base64url'), via, lines, cart };
    this.#byToken.set(checkout.token, checkout);
    return checkout;
  }

  get(token: string): Checkout | undefined {
    return this.#byToken.get(token);
  }
}
