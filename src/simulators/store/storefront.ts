import { NO_VALID_LINE } from '../../shopify/cart.js';
import { CART_COOKIE } from '../../shopify/cart-cookie.js';
import { cartEndpointOf, productPathOf, type CartEndpoint } from '../../shopify/cart-paths.js';
import { parseCartMutation, type CartMutation } from '../../shopify/cart-requests.js';
import type { Catalogue } from './catalogue.js';
import { CartBook, StoreCart } from './carts.js';
import { Checkouts, type Checkout } from './checkouts.js';
import { EvenPicker, type ActiveFaults, type StoreFaults } from './faults.js';
import type { Ledger, Order } from './ledger.js';
import { cartPage, checkoutPage, notFoundPage, productPage, thankYouPage } from './pages.js';

export interface StoreRequest {
  method: string;
  /** Without the query string. */
  path: string;
  /** The `cart` cookie's value, when sent. */
  cartCookie: string | undefined;
  body: string;
  /** Since the simulator started. */
  atMs: number;
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
  /** The switch that made this answer, when one did. */
  fault?: keyof StoreFaults;
}

/** A completed payment: the order the shopper was shown, and the orders the store actually recorded for it. */
export interface Purchase {
  order: Order;
  /** Empty for a lost order, two for a duplicate. */
  recorded: Order[];
  /** The switches in force when it was paid (they decide which events go out). */
  faults: ActiveFaults;
}

const withFault = (answer: Answer, fault: keyof StoreFaults | undefined): Answer => (fault === undefined ? answer : { ...answer, fault });

const JSON_TYPE = 'application/json; charset=utf-8';
const HTML_TYPE = 'text/html; charset=utf-8';

export const json = (status: number, value: unknown, headers: Record<string, string | string[]> = {}): Answer => ({
  status,
  headers: { 'content-type': JSON_TYPE, ...headers },
  body: JSON.stringify(value),
});
const html = (status: number, body: string): Answer => ({ status, headers: { 'content-type': HTML_TYPE }, body });
const redirect = (location: string, value?: unknown): Answer =>
  value === undefined ? { status: 302, headers: { location }, body: '' } : json(302, value, { location });

const CHECKOUT_PAGE = /^\/checkouts\/cn\/([0-9a-f]{32})(?:\/(complete|thank-you))?$/;
const WALLET_COMPLETE = /^\/wallets\/shop-pay\/checkouts\/([0-9a-f]{32})\/complete$/;

/**
 * The storefront's behaviour, HTTP aside: Ajax Cart API, pages, native checkout and the Shop Pay-like
 * wallet, over one catalogue, ledger and set of carts. The server wraps it with the transport faults.
 */
export class Storefront {
  readonly #catalogue: Catalogue;
  readonly #ledger: Ledger;
  readonly #carts = new CartBook();
  readonly #checkouts = new Checkouts();
  readonly #burst422 = new EvenPicker();
  readonly #lostOrders = new EvenPicker();
  readonly #duplicateOrders = new EvenPicker();
  readonly #onPurchase: ((purchase: Purchase) => void) | undefined;

  constructor(catalogue: Catalogue, ledger: Ledger, onPurchase?: (purchase: Purchase) => void) {
    this.#catalogue = catalogue;
    this.#ledger = ledger;
    this.#onPurchase = onPurchase;
  }

  answer(request: StoreRequest, faults: ActiveFaults): Answer {
    const { method, path } = request;
    const endpoint = cartEndpointOf(path);
    if (endpoint !== undefined) return this.#cartApi(endpoint, request, faults);
    const product = productPathOf(path);
    if (product && method === 'GET') return this.#product(product.handle, product.json);
    if (path === '/cart' && method === 'GET') return html(200, cartPage(this.#carts.find(request.cartCookie)?.json(this.#catalogue) ?? new StoreCart().json(this.#catalogue)));
    if (path === '/checkout' && method === 'POST') return this.#beginCheckout(request);
    if (path === '/wallets/shop-pay/checkout' && method === 'POST') return this.#beginWallet(request);
    const wallet = WALLET_COMPLETE.exec(path);
    if (wallet && method === 'POST') return this.#completeWallet(wallet[1] ?? '', request.atMs, faults);
    const checkout = CHECKOUT_PAGE.exec(path);
    if (checkout) return this.#checkoutPage(checkout[1] ?? '', checkout[2], request, faults);
    return html(404, notFoundPage());
  }

  /** A path the storefront's scripts call for JSON (what a throttle applies to), as opposed to a page. */
  static isApi(method: string, path: string): boolean {
    return cartEndpointOf(path) !== undefined || productPathOf(path)?.json === true || (method === 'POST' && (path === '/checkout' || path.startsWith('/wallets/') || path.startsWith('/checkouts/')));
  }

  #product(handle: string, asJson: boolean): Answer {
    const product = this.#catalogue.byHandle(handle);
    if (!product) return asJson ? json(404, { status: 404, message: 'Not Found', description: 'Not Found' }) : html(404, notFoundPage());
    const stockOf = (variantId: number): number => this.#ledger.stockOf(variantId);
    return asJson ? json(200, this.#catalogue.productJson(product, stockOf)) : html(200, productPage(product, (variantId) => stockOf(variantId) > 0));
  }

  #cartApi(endpoint: CartEndpoint, request: StoreRequest, faults: ActiveFaults): Answer {
    const found = this.#carts.find(request.cartCookie);
    const cart = found ?? this.#carts.create();
    const setCookie: Record<string, string> = found ? {} : { 'set-cookie': `${CART_COOKIE}=${faults.cookieWithoutKey ? cart.token : cart.cookie}; Path=/; SameSite=Lax` };
    const answer = this.#cartAnswer(endpoint, cart, request, faults);
    return { ...answer, headers: { ...answer.headers, ...setCookie } };
  }

  #cartAnswer(endpoint: CartEndpoint, cart: StoreCart, request: StoreRequest, faults: ActiveFaults): Answer {
    if (endpoint === 'read') {
      if (request.method !== 'GET') return json(405, { status: 405, message: 'Method Not Allowed' });
      const shown = cart.frozen ?? cart.json(this.#catalogue);
      if (faults.lineKeyChurn) cart.rekey();
      return json(200, shown);
    }
    if (request.method !== 'POST') return json(405, { status: 405, message: 'Method Not Allowed' });
    const mutation = parseCartMutation(endpoint, request.body);
    if (!mutation) return json(400, { status: 'bad_request', message: 'Parameter Missing or Invalid', description: 'Required parameter missing or invalid' });
    if (mutation.kind === 'add' && this.#burst422.pick(faults.burst422, request.atMs)) {
      cart.frozen = cart.beforeLastChange ?? cart.json(this.#catalogue);
      const title = this.#catalogue.variant(mutation.lines[0]?.variantId ?? 0)?.product.title ?? 'this item';
      return { ...json(422, { status: 422, message: 'Cart Error', description: `You can't add more ${title} to the cart.` }), fault: 'burst422' };
    }
    const before = cart.json(this.#catalogue);
    const answer = this.#mutate(mutation, cart);
    if (answer.status === 200) {
      cart.beforeLastChange = before;
      cart.frozen = undefined;
    }
    return answer;
  }

  #mutate(mutation: CartMutation, cart: StoreCart): Answer {
    if (mutation.kind === 'add') {
      const added = cart.add(mutation.lines, this.#catalogue, (variantId) => this.#ledger.stockOf(variantId));
      return Array.isArray(added) ? json(200, { items: added }) : json(added.status, added.body);
    }
    if (mutation.kind === 'change' && !cart.set(mutation.target, mutation.quantity, false)) {
      return json(400, { status: 'bad_request', message: NO_VALID_LINE, description: `Cannot find line to change` });
    }
    if (mutation.kind === 'update') {
      const unknown = mutation.updates.find(({ target }) => 'variantId' in target && !cart.find(target) && !this.#catalogue.variant(target.variantId));
      if (unknown) return json(404, { status: 404, message: 'Cart Error', description: 'Cannot find variant' });
      for (const { target, quantity } of mutation.updates) cart.set(target, quantity, true);
    }
    if (mutation.kind === 'clear') cart.clear();
    return json(200, cart.json(this.#catalogue));
  }

  #linesOf(cart: StoreCart): Checkout['lines'] {
    return cart.lines.map((line) => ({ variantId: line.variantId, quantity: line.quantity, price: this.#catalogue.variant(line.variantId)?.variant.price ?? 0 }));
  }

  /** The theme's "Check out" form: 302 to the checkout page, or back to the cart when it is empty. */
  #beginCheckout(request: StoreRequest): Answer {
    const cart = this.#carts.find(request.cartCookie);
    if (!cart || cart.lines.length === 0) return redirect('/cart');
    return redirect(`/checkouts/cn/${this.#checkouts.open(cart, this.#linesOf(cart), 'checkout').token}`);
  }

  #beginWallet(request: StoreRequest): Answer {
    const cart = this.#carts.find(request.cartCookie);
    if (!cart || cart.lines.length === 0) return json(422, { error: 'The cart is empty.' });
    return json(200, { checkout_token: this.#checkouts.open(cart, this.#linesOf(cart), 'shop-pay').token });
  }

  #checkoutPage(token: string, action: string | undefined, request: StoreRequest, faults: ActiveFaults): Answer {
    const checkout = this.#checkouts.get(token);
    if (!checkout) return html(404, notFoundPage());
    if (action === 'complete' && request.method === 'POST') return this.#completeCheckout(checkout, request, faults);
    if (request.method !== 'GET') return html(405, notFoundPage());
    if (action === 'thank-you') return checkout.order ? html(200, thankYouPage(checkout.order)) : redirect(`/checkouts/cn/${token}`);
    const total = checkout.lines.reduce((sum, line) => sum + line.price * line.quantity, 0);
    return html(200, checkoutPage(token, checkout.authenticityToken, total));
  }

  /**
   * Pays a native checkout: 302 to the thank-you page (a browser follows it) with the order as JSON in
   * the body (a replay captures it). A wrong or missing authenticity_token is refused with 422, as Rails
   * refuses a forged form.
   */
  #completeCheckout(checkout: Checkout, request: StoreRequest, faults: ActiveFaults): Answer {
    if (fieldOf(request.body, 'authenticity_token') !== checkout.authenticityToken) return json(422, { error: 'Invalid authenticity token' });
    const paid = this.#pay(checkout, request.atMs, faults);
    return 'error' in paid ? paid.error : withFault(redirect(`/checkouts/cn/${checkout.token}/thank-you`, orderJson(paid.order)), paid.fault);
  }

  #completeWallet(token: string, atMs: number, faults: ActiveFaults): Answer {
    const checkout = this.#checkouts.get(token);
    if (!checkout || checkout.via !== 'shop-pay') return json(404, { error: 'Unknown checkout' });
    const paid = this.#pay(checkout, atMs, faults);
    return 'error' in paid ? paid.error : withFault(json(200, orderJson(paid.order)), paid.fault);
  }

  /**
   * Once per checkout: paying again answers the same order, never a second one (unless the
   * `duplicateOrders` switch makes the store forget it). The cart is emptied; the purchase is reported
   * to the listener (events).
   */
  #pay(checkout: Checkout, atMs: number, faults: ActiveFaults): { order: Order; fault?: keyof StoreFaults } | { error: Answer } {
    if (checkout.order) return { order: checkout.order };
    const placing = { checkoutToken: checkout.token, via: checkout.via, lines: checkout.lines, atMs };
    const lost = this.#lostOrders.pick(faults.lostOrders, atMs);
    const sold = lost ? this.#ledger.lose(placing) : this.#ledger.sell(placing, { oversell: faults.oversell });
    if (sold === 'out-of-stock') return { error: json(409, { error: 'Some items are no longer available.' }) };
    checkout.order = sold;
    checkout.cart.clear();
    const recorded = lost ? [] : [sold];
    if (!lost && this.#duplicateOrders.pick(faults.duplicateOrders, atMs)) {
      const again = this.#ledger.sell(placing, { oversell: faults.oversell });
      if (again !== 'out-of-stock') recorded.push(again);
    }
    this.#onPurchase?.({ order: sold, recorded, faults });
    const oversold = faults.oversell && checkout.lines.some((line) => this.#ledger.stockOf(line.variantId) < 0);
    const fault = lost ? 'lostOrders' : recorded.length > 1 ? 'duplicateOrders' : oversold ? 'oversell' : undefined;
    return fault === undefined ? { order: sold } : { order: sold, fault };
  }
}

const orderJson = (order: Order): Record<string, unknown> => ({ order_id: order.id, order_number: order.number, checkout_token: order.checkoutToken });

/** A field of a form or JSON body. */
function fieldOf(body: string, name: string): string | undefined {
  const text = body.trim();
  if (!text.startsWith('{')) return new URLSearchParams(text).get(name) ?? undefined;
  try {
    const value = (JSON.parse(text) as Record<string, unknown>)[name];
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
