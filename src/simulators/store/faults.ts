/** A share of requests, optionally only inside a window of the run (ms since start). */
export interface SharedFault {
  /** 0..1, picked evenly (every second one for 0.5), never at random: runs repeat exactly. */
  share: number;
  fromMs?: number;
  untilMs?: number;
}

/**
 * The defects the storefront simulator can reproduce, one switch each, each caught by one rule of
 * checkout-load; all off is a consistent, fast store. Settable at construction, while running
 * (`setFaults`) and from a moment of the run on (`setFaultsAfter`).
 */
export interface StoreFaults {
  /** Every cart mutation (add, update, change, clear) waits this long, as a slow discount evaluation does → latency. */
  slowDiscountMs?: number;
  /**
   * A discount app re-keys every line right after each cart read: the key a shopper just read is stale,
   * change.js by it answers 400 and the next read shows new keys → cart-consistency (lineKeyChanged).
   */
  lineKeyChurn?: boolean;
  /**
   * This share of add.js calls is answered 422 although stock is there; nothing is added, and the cart
   * freezes: reads show it as it was before its last successful change until the next change succeeds
   * → cart-consistency (staleAfter422). `null` turns it off.
   */
  burst422?: SharedFault | null;
  /** Every answer says `Connection: close` and the connection is closed after it (a keep-alive client must reconnect). */
  connectionClose?: boolean;
  /** Every answer has no Content-Length and no chunking: its body ends when the connection closes. */
  closeDelimited?: boolean;
  /** Every storefront JSON request (cart, product, checkout, wallet) gets a 200 whose body is a THROTTLED error. */
  throttleIn200?: boolean;
  /** Every request gets 503 with `Retry-After: <seconds>`. `null` turns it off. */
  retryAfter503?: number | null;
  /** The store stops answering this many ms after start (or after being set): open sockets are destroyed, new ones refused. */
  dieAfterMs?: number | null;
  /** The cart cookie is set as the bare token, without `?key=`: the shopper's next request lands in a new cart. */
  cookieWithoutKey?: boolean;
  /** This share of requests gets a 500. `null` turns it off. */
  serverErrors?: SharedFault | null;
  /**
   * Payment takes stock without checking there is enough (a non-atomic decrement): a race sells more
   * than there was and stock goes below zero → oversold-stock.
   */
  oversell?: boolean;
  /**
   * This share of completions records a second order for the same checkout token (a retried completion
   * the store did not recognise), with its own `orders/create` webhook; the shopper sees one order
   * → duplicate-orders. `null` turns it off.
   */
  duplicateOrders?: SharedFault | null;
  /**
   * This share of completions answers success with an order id but records no order and takes no stock
   * (a lost checkout; the pixel event still fires, no webhook does) → duplicate-orders (lost). `null`
   * turns it off.
   */
  lostOrders?: SharedFault | null;
  /**
   * This share of the pixel `checkout_completed` events of one path (`via`: the native checkout or the
   * wallet; both when left out) is never sent, as a wallet page without the pixel loses them
   * → attribution-events (missing, on that journey). Webhooks are sent. `null` turns it off.
   */
  eventLoss?: EventLoss | null;
  /** This share of pixel events is sent twice under different event ids → attribution-events (duplicate). `null` turns it off. */
  duplicateEvents?: SharedFault | null;
}

/** Which path's purchase events go missing, and how many of them. */
export interface EventLoss extends SharedFault {
  via?: 'checkout' | 'shop-pay';
}

export type ActiveFaults = Required<StoreFaults>;

export const NO_FAULTS: ActiveFaults = {
  slowDiscountMs: 0,
  lineKeyChurn: false,
  burst422: null,
  connectionClose: false,
  closeDelimited: false,
  throttleIn200: false,
  retryAfter503: null,
  dieAfterMs: null,
  cookieWithoutKey: false,
  serverErrors: null,
  oversell: false,
  duplicateOrders: null,
  lostOrders: null,
  eventLoss: null,
  duplicateEvents: null,
};

/** The switches given replace the current ones; the others stay as they were. */
export const mergeFaults = (current: ActiveFaults, changes: StoreFaults): ActiveFaults => {
  const given = Object.entries(changes).filter(([name, value]) => name in NO_FAULTS && value !== undefined);
  return { ...current, ...Object.fromEntries(given) };
};

/**
 * Picks a share of what it is asked about, evenly: the n-th call is picked when floor(n × share)
 * moves on, so 0.25 picks calls 4, 8, 12… and a run repeats exactly.
 */
export class EvenPicker {
  #calls = 0;

  pick(fault: SharedFault | null, atMs: number): boolean {
    if (fault === null || (fault.fromMs !== undefined && atMs < fault.fromMs) || (fault.untilMs !== undefined && atMs >= fault.untilMs)) return false;
    this.#calls += 1;
    return Math.floor(this.#calls * fault.share) > Math.floor((this.#calls - 1) * fault.share);
  }
}
