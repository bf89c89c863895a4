import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header names as Node gives them (lower case). */
export const WEBHOOK_TOPIC_HEADER = 'x-shopify-topic';
export const WEBHOOK_HMAC_HEADER = 'x-shopify-hmac-sha256';
export const WEBHOOK_ID_HEADER = 'x-shopify-webhook-id';

/** base64(HMAC-SHA256(secret, raw body)): what Shopify sends in X-Shopify-Hmac-Sha256. */
export const signWebhookBody = (secret: string, body: Buffer | string): string => createHmac('sha256', secret).update(body).digest('base64');

/** Whether `given` is the body's HMAC under `secret`, compared in constant time; an empty value never matches. */
export const webhookHmacMatches = (secret: string, body: Buffer | string, given: string | undefined): boolean => {
  if (!given) return false;
  const expected = Buffer.from(signWebhookBody(secret, body));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
};
