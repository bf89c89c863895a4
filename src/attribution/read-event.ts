import type { CollectedEvent, RefusalReason } from './events.js';

/** The webhook topic collected; every other topic is refused. */
export const ORDERS_CREATE = 'orders/create';

/** Identifiers are short; a longer value is not one and is not kept (memory stays bounded per event). */
const MAX_ID_LENGTH = 200;

type Read = { event: Omit<CollectedEvent, 'receivedAtMs' | 'verified'> } | { refused: RefusalReason };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string | undefined => {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return typeof value === 'string' && value !== '' && value.length <= MAX_ID_LENGTH ? value : undefined;
};

/**
 * Order ids as Admin REST writes them: digits. Web Pixels may send a GraphQL id
 * (`gid://shopify/Order/450789469`, `gid://shopify/OrderIdentity/450789469`), the same order.
 */
export const orderIdOf = (value: unknown): string | undefined => {
  const id = text(value);
  const gid = id === undefined ? undefined : /^gid:\/\/shopify\/Order(?:Identity)?\/(\d+)(?:\?.*)?$/.exec(id);
  return gid?.[1] ?? id;
};

/** Copies only the fields that are present, so an event carries no `undefined` keys into JSON. */
const defined = <T extends object>(fields: T): T => Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;

/** A Web Pixels event: `{name, id?, clientId?, timestamp?, data: {checkout: {token, order: {id}}}}`. */
export const readPixelEvent = (body: unknown): Read => {
  if (!isRecord(body)) return { refused: 'unknown-shape' };
  // A name is a word, never a number: `text` would turn 42 into "42".
  const name = typeof body.name === 'string' ? text(body.name) : undefined;
  if (name === undefined) return { refused: 'unknown-shape' };
  const checkout = isRecord(body.data) && isRecord(body.data.checkout) ? body.data.checkout : {};
  const order = isRecord(checkout.order) ? checkout.order : {};
  return {
    event: defined({
      source: 'pixel' as const,
      name,
      checkoutToken: text(checkout.token),
      orderId: orderIdOf(order.id),
      eventId: text(body.id),
      clientId: text(body.clientId),
      timestamp: text(body.timestamp),
    }),
  };
};

/** A Shopify `orders/create` webhook: the Order resource, of which `id`, `checkout_token` and `created_at` are kept. */
export const readOrderWebhook = (topic: string, body: unknown, webhookId: string | undefined): Read => {
  if (topic !== ORDERS_CREATE) return { refused: 'topic' };
  if (!isRecord(body)) return { refused: 'unknown-shape' };
  const orderId = orderIdOf(body.id);
  if (orderId === undefined) return { refused: 'unknown-shape' };
  return {
    event: defined({
      source: 'webhook' as const,
      name: ORDERS_CREATE,
      checkoutToken: text(body.checkout_token),
      orderId,
      eventId: text(webhookId),
      timestamp: text(body.created_at),
    }),
  };
};
