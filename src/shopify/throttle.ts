import type { Exchange, ThrottleForm } from '../load/types.js';

/**
 * How Shopify says "slow down". 429 (rate limits, with Retry-After), 430 (Shopify Security Rejection,
 * requests that look malicious), 503 with Retry-After (back-pressure), and — the one status-only
 * monitors miss — a 200 whose JSON body is a throttle error (the Storefront checkout throttle,
 * changelog 2020-08-04: "a 200 Throttled error response").
 *
 * The body of that 200 is not specified. Shopify's GraphQL APIs document `{"errors":[{"message":
 * "Throttled"}]}` and tag errors with `extensions.code` ("THROTTLED"); older REST-style answers put a
 * string in `errors`. All three spellings are recognised.
 */
export function classifyThrottle(exchange: Pick<Exchange, 'status' | 'headers' | 'body'>): ThrottleForm | undefined {
  switch (exchange.status) {
    case 429:
      return '429';
    case 430:
      return '430';
    case 503:
      return retryAfterSeconds(exchange.headers) === undefined ? undefined : '503-retry-after';
    case 200:
      return saysThrottled(exchange.body) ? '200-throttled' : undefined;
    default:
      return undefined;
  }
}

/** Throttle answers are short; a large 200 is a page, not worth parsing. */
const MAX_THROTTLE_BODY = 16 * 1024;

const THROTTLED = /^throttled$/i;

function saysThrottled(body: string | undefined): boolean {
  if (body === undefined || body.length > MAX_THROTTLE_BODY || !body.trimStart().startsWith('{')) return false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return false;
  }
  const errors = (parsed as { errors?: unknown }).errors;
  if (typeof errors === 'string') return THROTTLED.test(errors.trim());
  if (!Array.isArray(errors)) return false;
  return errors.some((error: unknown) => {
    if (typeof error !== 'object' || error === null) return false;
    const { message, extensions } = error as { message?: unknown; extensions?: { code?: unknown } };
    return (typeof message === 'string' && THROTTLED.test(message.trim())) || extensions?.code === 'THROTTLED';
  });
}

/**
 * Retry-After in seconds: delta-seconds, or an HTTP-date counted from `nowMs` (never negative).
 * Undefined when absent or unreadable.
 */
export function retryAfterSeconds(headers: Record<string, string | string[]>, nowMs: number = Date.now()): number | undefined {
  const header = headers['retry-after'];
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - nowMs) / 1000));
}
