/**
 * What the attribution collector keeps of each purchase event it accepts: identifiers only, never the
 * body (which carries the shopper's address, email and basket).
 */

/** A Web Pixels event (a custom pixel or a server-side relay) or a Shopify `orders/create` webhook. */
export type EventSource = 'pixel' | 'webhook';

export interface CollectedEvent {
  source: EventSource;
  /** The pixel event's name (`checkout_completed`), or the webhook's topic (`orders/create`). */
  name: string;
  /** The checkout token: Admin's `checkout_token`, the pixel's `data.checkout.token`. */
  checkoutToken?: string;
  /** The order id as Admin writes it (digits), also when the pixel sent a `gid://shopify/...` id. */
  orderId?: string;
  /** The pixel event's `id`, or the webhook's `X-Shopify-Webhook-Id`: the same id twice is one event delivered twice. */
  eventId?: string;
  clientId?: string;
  /** The sender's own time: the pixel's `timestamp`, the order's `created_at`. */
  timestamp?: string;
  /** Whether an `X-Shopify-Hmac-Sha256` was checked and matched (webhooks only; false when no secret was given). */
  verified?: boolean;
  /** Milliseconds since the collector started. */
  receivedAtMs: number;
}

/** Why a request was refused; refused requests are counted, never stored. */
export type RefusalReason =
  | 'method' // 405: not a POST
  | 'content-type' // 415: not JSON
  | 'too-large' // 413: body over the cap
  | 'not-json' // 400: the body does not parse
  | 'unknown-shape' // 400: neither a pixel event nor an order webhook
  | 'topic' // 404: a webhook topic other than orders/create
  | 'signature-missing' // 401: a webhook without its HMAC while a secret is set
  | 'signature-invalid' // 401: a webhook whose HMAC does not match
  | 'full'; // 503: the cap on stored events was reached

export interface CollectorCounts {
  accepted: number;
  /** Pixel events of another name than the one collected: answered 200, not stored. */
  ignored: number;
  refused: Partial<Record<RefusalReason, number>>;
}

/** A checkout the journeys completed, as the load run saw it. */
export interface CompletedCheckout {
  journey: string;
  checkoutToken: string;
  /** When the completion's answer named the order. */
  orderId?: string;
}
