import type { Exchange } from '../load/types.js';
import { NO_VALID_LINE, readAddToCartAnswer, readCart, variantOfKey, type Cart, type LineItem } from './cart.js';
import { cartCookiesSet, hasKey } from './cart-cookie.js';
import { cartEndpointOf } from './cart-paths.js';
import { parseCartMutation, type CartMutation, type LineTarget } from './cart-requests.js';
import { classifyThrottle } from './throttle.js';

export type CartDefect = 'lineKeyChanged' | 'quantityNotReflected' | 'staleAfter422' | 'cookieWithoutKey';

/** Where a defect showed; examples carry names, paths and variant ids, never cookie or token values. */
export type DefectReport = (defect: CartDefect, example: string) => void;

/** What the next cart read must show for a variant after a mutation answered 200. */
type Expectation =
  | { variantId: number; atLeast: number; after: string }
  | { variantId: number; someLine: number; after: string }
  | { variantId: number; absent: true; after: string };

interface LineView {
  key: string;
  variantId: number;
  quantity: number;
}

/**
 * One shopper's cart as its exchanges reveal it. A fresh session starts with an empty cart; each
 * answer with cart JSON replaces what is known, and each read is judged against what the mutations
 * before it were answered.
 */
export class ShopperCart {
  readonly #report: DefectReport;
  readonly #onRead: () => void;
  /** The lines as last seen in any cart JSON or add.js answer, in cart order. */
  #lines: LineView[] = [];
  /** The item count the last successful mutation implies; undefined once something made it unknowable. */
  #itemCount: number | undefined = 0;
  #lastRead: LineView[] | undefined;
  #mutatedSinceRead = false;
  #after422 = false;
  #expectations = new Map<number, Expectation>();

  constructor(report: DefectReport, onRead: () => void) {
    this.#report = report;
    this.#onRead = onRead;
  }

  see(exchange: Exchange): void {
    // A throttled answer (a 200 saying THROTTLED included) changed nothing and showed no cart: throttling judges it.
    if (exchange.status === undefined || classifyThrottle(exchange) !== undefined) return;
    for (const value of cartCookiesSet(exchange.headers['set-cookie'])) {
      if (!hasKey(value)) this.#report('cookieWithoutKey', `${where(exchange)}: a cart cookie set without ?key=`);
    }
    const endpoint = cartEndpointOf(exchange.path);
    if (endpoint === undefined) return;
    if (endpoint === 'read') {
      const cart = exchange.method === 'GET' && exchange.status === 200 ? readCart(exchange.body) : undefined;
      if (cart) this.#read(cart, exchange);
      return;
    }
    if (exchange.method !== 'POST') return;
    this.#mutation(parseCartMutation(endpoint, exchange.requestBody), exchange);
  }

  #mutation(mutation: CartMutation | undefined, exchange: Exchange): void {
    const status = exchange.status ?? 0;
    if (status === 422 && mutation?.kind === 'add') {
      this.#after422 = true;
      return;
    }
    if (status === 400 && mutation?.kind === 'change') {
      this.#refusedChange(mutation.target, exchange);
      return;
    }
    this.#mutatedSinceRead = true;
    if (status !== 200 || mutation === undefined) {
      // A mutation that failed otherwise may or may not have happened: nothing is expected of the next read.
      this.#itemCount = undefined;
      this.#expectations.clear();
      return;
    }
    if (mutation.kind === 'add') this.#added(mutation.lines, exchange);
    else this.#answeredWithCart(mutation, exchange);
  }

  #refusedChange(target: LineTarget, exchange: Exchange): void {
    if (!('key' in target) || !(exchange.body ?? '').includes(NO_VALID_LINE)) return;
    const line = this.#lines.find((seen) => seen.key === target.key);
    if (line) this.#report('lineKeyChanged', `${where(exchange)}: change.js by the key last seen for variant ${line.variantId} answered 400 (${NO_VALID_LINE})`);
  }

  #added(lines: { variantId: number; quantity: number }[], exchange: Exchange): void {
    const answer = readAddToCartAnswer(exchange.body);
    for (const { variantId, quantity } of lines) {
      const answered = answer?.items.find((item) => item.variant_id === variantId)?.quantity;
      this.#expectations.set(variantId, { variantId, atLeast: answered ?? quantity, after: exchange.step.name });
    }
    if (!answer) {
      this.#itemCount = undefined;
      return;
    }
    for (const item of answer.items) this.#merge(item);
  }

  /** An added line replaces the one with its key, or the only line of its variant when keys moved on. */
  #merge(item: LineItem): void {
    const sameVariant = this.#lines.filter((line) => line.variantId === item.variant_id);
    const previous = this.#lines.find((line) => line.key === item.key) ?? (sameVariant.length === 1 ? sameVariant[0] : undefined);
    const view = { key: item.key, variantId: item.variant_id, quantity: item.quantity };
    if (this.#itemCount !== undefined) this.#itemCount += item.quantity - (previous?.quantity ?? 0);
    this.#lines = previous ? this.#lines.map((line) => (line === previous ? view : line)) : [...this.#lines, view];
  }

  #answeredWithCart(mutation: Exclude<CartMutation, { kind: 'add' }>, exchange: Exchange): void {
    const before = this.#lines;
    if (mutation.kind === 'clear') this.#expectations.clear();
    else {
      const updates = mutation.kind === 'change' ? [{ target: mutation.target, quantity: mutation.quantity }] : mutation.updates;
      for (const { target, quantity } of updates) {
        const variantId = variantOf(target, before);
        if (variantId === undefined) continue;
        const alone = before.filter((line) => line.variantId === variantId).length <= 1;
        if (quantity > 0) this.#expectations.set(variantId, { variantId, someLine: quantity, after: exchange.step.name });
        else if (alone) this.#expectations.set(variantId, { variantId, absent: true, after: exchange.step.name });
        else this.#expectations.delete(variantId);
      }
    }
    const cart = readCart(exchange.body);
    this.#lines = cart ? viewOf(cart) : [];
    this.#itemCount = cart?.item_count;
  }

  #read(cart: Cart, exchange: Exchange): void {
    this.#onRead();
    const lines = viewOf(cart);
    if (this.#lastRead && !this.#mutatedSinceRead) this.#compareKeys(this.#lastRead, lines, exchange);
    if (this.#after422 && this.#itemCount !== undefined && cart.item_count !== this.#itemCount) {
      this.#report('staleAfter422', `${where(exchange)}: after a 422 from add.js the cart shows ${cart.item_count} items, the last change left ${this.#itemCount}`);
    } else {
      for (const expectation of this.#expectations.values()) {
        const shown = unmet(expectation, lines);
        if (shown !== undefined) this.#report('quantityNotReflected', `${where(exchange)}: variant ${expectation.variantId} ${shown} after "${expectation.after}"`);
      }
    }
    this.#after422 = false;
    this.#expectations.clear();
    this.#lines = lines;
    this.#lastRead = lines;
    this.#itemCount = cart.item_count;
    this.#mutatedSinceRead = false;
  }

  /** With no mutation between two reads, a variant's only line keeps its key unless something re-keyed it. */
  #compareKeys(before: LineView[], after: LineView[], exchange: Exchange): void {
    const single = (lines: LineView[], variantId: number): LineView | undefined => {
      const found = lines.filter((line) => line.variantId === variantId);
      return found.length === 1 ? found[0] : undefined;
    };
    const moved = before.find((line) => {
      const now = single(after, line.variantId);
      return single(before, line.variantId) !== undefined && now !== undefined && now.key !== line.key;
    });
    if (moved) this.#report('lineKeyChanged', `${where(exchange)}: the line of variant ${moved.variantId} has a new key with no change by the shopper since the last read`);
  }
}

const viewOf = (cart: Cart): LineView[] => cart.items.map((item) => ({ key: item.key, variantId: item.variant_id, quantity: item.quantity }));

function variantOf(target: LineTarget, lines: LineView[]): number | undefined {
  if ('variantId' in target) return target.variantId;
  if ('key' in target) return variantOfKey(target.key);
  return lines[target.line - 1]?.variantId;
}

/** How the cart fails the expectation ("shows 0, expected at least 2"), or undefined when it meets it. */
function unmet(expectation: Expectation, lines: LineView[]): string | undefined {
  const quantities = lines.filter((line) => line.variantId === expectation.variantId).map((line) => line.quantity);
  const total = quantities.reduce((sum, quantity) => sum + quantity, 0);
  if ('atLeast' in expectation) return total >= expectation.atLeast ? undefined : `shows ${total}, expected at least ${expectation.atLeast}`;
  if ('someLine' in expectation) return quantities.includes(expectation.someLine) ? undefined : `shows ${total}, expected a line of ${expectation.someLine}`;
  return total === 0 ? undefined : `shows ${total}, expected none`;
}

const where = (exchange: Exchange): string => `journey "${exchange.journey}", step "${exchange.step.name}" (${exchange.method} ${exchange.path})`;
