import { request } from 'undici';
import { ORDERS_CREATE } from './read-event.js';
import { signWebhookBody, WEBHOOK_HMAC_HEADER, WEBHOOK_ID_HEADER, WEBHOOK_TOPIC_HEADER } from './webhook-hmac.js';

/**
 * What a store sends per order, built here so that the storefront simulator posts exactly the shapes
 * the collector reads: a Web Pixels `checkout_completed` event and an `orders/create` webhook.
 */

export interface OutgoingEvent {
  headers: Record<string, string>;
  /** The raw body: a webhook's HMAC covers these exact bytes. */
  body: string;
}

export interface CompletedPurchase {
  checkoutToken: string;
  orderId: number | string;
  /** Unique per event: the pixel's `id`. */
  eventId: string;
  clientId?: string;
  /** ISO 8601. */
  timestamp: string;
}

/** As a custom pixel relays it: the order named by its GraphQL id, as Web Pixels give it. */
export const checkoutCompletedEvent = (purchase: CompletedPurchase): OutgoingEvent => ({
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    id: purchase.eventId,
    name: 'checkout_completed',
    ...(purchase.clientId === undefined ? {} : { clientId: purchase.clientId }),
    timestamp: purchase.timestamp,
    data: { checkout: { token: purchase.checkoutToken, order: { id: `gid://shopify/OrderIdentity/${purchase.orderId}` } } },
  }),
});

/** The Order resource as Shopify posts it, signed with the app's secret when one is given. */
export const orderCreatedWebhook = (order: { id: number }, delivery: { webhookId: string; secret?: string }): OutgoingEvent => {
  const body = JSON.stringify(order);
  return {
    headers: {
      'content-type': 'application/json',
      [WEBHOOK_TOPIC_HEADER]: ORDERS_CREATE,
      [WEBHOOK_ID_HEADER]: delivery.webhookId,
      ...(delivery.secret === undefined ? {} : { [WEBHOOK_HMAC_HEADER]: signWebhookBody(delivery.secret, body) }),
    },
    body,
  };
};

/** Posts one event; the status, or the network trouble as text. Never throws and never waits past `timeoutMs`. */
export const postEvent = async (url: string, event: OutgoingEvent, options: { timeoutMs: number; signal?: AbortSignal }): Promise<{ status: number } | { error: string }> => {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  try {
    const response = await request(url, {
      method: 'POST',
      headers: event.headers,
      body: event.body,
      signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
    await response.body.dump();
    return { status: response.statusCode };
  } catch (error) {
    const err = error as { name?: string; code?: string };
    return { error: timeout.aborted ? `no answer within ${options.timeoutMs} ms` : (err.code ?? err.name ?? 'failed') };
  }
};
