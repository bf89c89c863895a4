import type { CompletedCheckout } from '../attribution/events.js';
import { orderIdOf } from '../attribution/read-event.js';
import type { Exchange, Observer, ShopperWatch } from '../load/types.js';
import { checkoutTokenOf, isPaymentRequest } from './checkout-paths.js';

/** A checkout a journey completed, as its payment answer showed it. */
export interface CompletedCheckoutSeen extends CompletedCheckout {
  status: number;
}

/** Payment attempts of one journey that did not complete, by what they got. */
export interface CheckoutAttempts {
  journey: string;
  /** The status answered, absent for a transport failure. */
  status?: number;
  /** The transport failure ('timeout', 'connection reset', …), when there was no answer. */
  error?: string;
  count: number;
}

/** What the race and attribution rules read of the payments a run sent. */
export interface CompletedCheckouts {
  /** Completed checkouts with their token, in the order they completed, up to the cap. Tokens are for matching, never for printing (maskToken). */
  completed: CompletedCheckoutSeen[];
  /** Completed checkouts past the cap: counted, not kept. */
  completedBeyondCap: number;
  /** Completions whose answer and path named no checkout token: they cannot be matched to orders or events. */
  completedWithoutToken: number;
  /** Payment attempts that did not complete, per journey and outcome. */
  notCompleted: CheckoutAttempts[];
}

/** Enough for any run one machine sends: a few hundred KB of tokens at the most. */
export const DEFAULT_MAX_CHECKOUTS = 20_000;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const parseJson = (body: string | undefined): Record<string, unknown> | undefined => {
  if (body === undefined || !/^\s*\{/.test(body)) return undefined;
  try {
    const value: unknown = JSON.parse(body);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
};

/** A payment step: marked in the journey, or a write to a payment path (a recording not marked by hand). */
const isPayment = (exchange: Exchange): boolean => exchange.step.payment === true || isPaymentRequest(exchange.method, exchange.path);

/**
 * An answer that completed the payment: 2xx (the wallet's JSON) or 3xx (the redirect to the thank-you
 * page), and no error in its JSON (a 200 that says THROTTLED or `error` completed nothing).
 */
const completedBy = (exchange: Exchange, json: Record<string, unknown> | undefined): boolean =>
  exchange.status !== undefined && exchange.status >= 200 && exchange.status < 400 && json?.error === undefined && json?.errors === undefined;

/** `order_id`, `order.id`, or the `id` of a body that is itself an order (it has an order number or a checkout token). */
const orderIdIn = (json: Record<string, unknown> | undefined): string | undefined => {
  if (json === undefined) return undefined;
  const order = isRecord(json.order) ? json.order : undefined;
  const looksLikeOrder = json.order_number !== undefined || json.checkout_token !== undefined;
  return orderIdOf(json.order_id) ?? orderIdOf(order?.id) ?? (looksLikeOrder ? orderIdOf(json.id) : undefined);
};

const tokenIn = (exchange: Exchange, json: Record<string, unknown> | undefined): string | undefined => {
  const fromPath = checkoutTokenOf(exchange.path);
  if (fromPath !== undefined) return fromPath;
  const token = json?.checkout_token ?? (isRecord(json?.checkout) ? json.checkout.token : undefined);
  return typeof token === 'string' && token !== '' ? token : undefined;
};

/** A token as a message may show it: its first four characters, enough to tell two apart, too few to use. */
export const maskToken = (token: string): string => (token.length > 8 ? `${token.slice(0, 4)}…` : '…');

/**
 * Watches every shopper's payment steps and records each checkout they completed (journey, checkout
 * token, order id, status) and, counted by journey and outcome, the attempts that did not complete.
 * Memory is bounded: past `maxCheckouts` completions are only counted.
 */
export class CheckoutObserver implements Observer<CompletedCheckouts> {
  readonly #completed: CompletedCheckoutSeen[] = [];
  readonly #maxCheckouts: number;
  #beyondCap = 0;
  #withoutToken = 0;
  readonly #notCompleted = new Map<string, CheckoutAttempts>();

  constructor(options: { maxCheckouts?: number } = {}) {
    this.#maxCheckouts = options.maxCheckouts ?? DEFAULT_MAX_CHECKOUTS;
  }

  forShopper(): ShopperWatch {
    return (exchange) => {
      if (isPayment(exchange)) this.#see(exchange);
    };
  }

  summary(): CompletedCheckouts {
    return {
      completed: this.#completed.map((checkout) => ({ ...checkout })),
      completedBeyondCap: this.#beyondCap,
      completedWithoutToken: this.#withoutToken,
      notCompleted: [...this.#notCompleted.values()].map((attempts) => ({ ...attempts })),
    };
  }

  #see(exchange: Exchange): void {
    const json = parseJson(exchange.body);
    if (!completedBy(exchange, json)) {
      const outcome = exchange.status === undefined ? { error: exchange.error ?? 'no answer' } : { status: exchange.status };
      const key = `${exchange.journey}\u0000${exchange.status ?? ''}\u0000${exchange.error ?? ''}`;
      const attempts = this.#notCompleted.get(key) ?? { journey: exchange.journey, ...outcome, count: 0 };
      attempts.count += 1;
      this.#notCompleted.set(key, attempts);
      return;
    }
    const checkoutToken = tokenIn(exchange, json);
    if (checkoutToken === undefined) {
      this.#withoutToken += 1;
      return;
    }
    if (this.#completed.length >= this.#maxCheckouts) {
      this.#beyondCap += 1;
      return;
    }
    const orderId = orderIdIn(json);
    this.#completed.push({ journey: exchange.journey, checkoutToken, ...(orderId === undefined ? {} : { orderId }), status: exchange.status ?? 0 });
  }
}
