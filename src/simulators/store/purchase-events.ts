import { randomUUID } from 'node:crypto';
import { checkoutCompletedEvent, orderCreatedWebhook, postEvent, type OutgoingEvent } from '../../attribution/send.js';
import { EvenPicker } from './faults.js';
import type { Order } from './ledger.js';
import type { Purchase } from './storefront.js';

export interface PurchaseEventsOptions {
  /** The collector's URL: every event is POSTed here. */
  url: string;
  /** Given: an `orders/create` webhook, signed with it, goes out per recorded order too. */
  webhookSecret?: string;
  /** Per event; a collector that does not answer costs at most this. */
  timeoutMs?: number;
}

/** What the simulator sent, for tests and the demo to read beside the collector's own counts. */
export interface PurchaseEventCounts {
  pixels: number;
  webhooks: number;
  /** Pixel events the `eventLoss` switch kept back. */
  lost: number;
  /** Posts the collector did not take (a status other than 2xx, or no answer). */
  failed: number;
}

const DEFAULT_TIMEOUT_MS = 2000;

/** The Order resource as an `orders/create` webhook carries it (the fields a receiver matches by). */
const orderResource = (order: Order, createdAt: string): { id: number } & Record<string, unknown> => ({
  id: order.id,
  order_number: order.number,
  checkout_token: order.checkoutToken,
  created_at: createdAt,
  total_price: (order.totalPrice / 100).toFixed(2),
  line_items: order.lines.map((line) => ({ variant_id: line.variantId, quantity: line.quantity, price: (line.price / 100).toFixed(2) })),
});

/**
 * Posts what a store sends per purchase: one Web Pixels `checkout_completed` event (the shopper's
 * thank-you page, so one per completion, lost order included) and, with a webhook secret, an
 * `orders/create` webhook per order recorded. Fire-and-forget for the storefront, tracked here so the
 * simulator's stop waits for them; postEvent never throws and has a time limit, so neither can hang.
 */
export class PurchaseEvents {
  readonly #options: PurchaseEventsOptions;
  readonly #isoAt: (atMs: number) => string;
  readonly #inFlight = new Set<Promise<void>>();
  readonly #eventLoss = new EvenPicker();
  readonly #duplicateEvents = new EvenPicker();
  readonly #counts: PurchaseEventCounts = { pixels: 0, webhooks: 0, lost: 0, failed: 0 };

  /** `isoAt` turns the simulator's ms since start into the wall-clock time a store would stamp. */
  constructor(options: PurchaseEventsOptions, isoAt: (atMs: number) => string) {
    this.#options = options;
    this.#isoAt = isoAt;
  }

  get counts(): PurchaseEventCounts {
    return { ...this.#counts };
  }

  send({ order, recorded, faults }: Purchase): void {
    const timestamp = this.#isoAt(order.atMs);
    const loss = faults.eventLoss;
    const onPath = loss !== null && (loss.via === undefined || loss.via === order.via);
    if (onPath && this.#eventLoss.pick(loss, order.atMs)) this.#counts.lost += 1;
    else {
      const copies = this.#duplicateEvents.pick(faults.duplicateEvents, order.atMs) ? 2 : 1;
      for (let copy = 0; copy < copies; copy++) {
        this.#counts.pixels += 1;
        this.#post(checkoutCompletedEvent({ checkoutToken: order.checkoutToken, orderId: order.id, eventId: randomUUID(), timestamp }));
      }
    }
    const secret = this.#options.webhookSecret;
    if (secret === undefined) return;
    for (const placed of recorded) {
      this.#counts.webhooks += 1;
      this.#post(orderCreatedWebhook(orderResource(placed, this.#isoAt(placed.atMs)), { webhookId: randomUUID(), secret }));
    }
  }

  /** Resolves once every event posted so far has been answered or has timed out. */
  async settled(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all([...this.#inFlight]);
  }

  #post(event: OutgoingEvent): void {
    const posted = postEvent(this.#options.url, event, { timeoutMs: this.#options.timeoutMs ?? DEFAULT_TIMEOUT_MS }).then((result) => {
      if ('error' in result || result.status < 200 || result.status >= 300) this.#counts.failed += 1;
      this.#inFlight.delete(posted);
    });
    this.#inFlight.add(posted);
  }
}
