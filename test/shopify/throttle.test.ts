import { describe, expect, it } from 'vitest';
import { classifyThrottle, retryAfterSeconds } from '../../src/shopify/throttle.js';

const answer = (status: number, body?: unknown, headers: Record<string, string | string[]> = {}) => ({
  status,
  headers,
  ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
});

describe('classifyThrottle', () => {
  it('names 429 and 430 by status alone', () => {
    expect(classifyThrottle(answer(429))).toBe('429');
    expect(classifyThrottle(answer(430, 'Shopify Security Rejection'))).toBe('430');
  });

  it('counts a 503 only with Retry-After: without it the store is down, not throttling', () => {
    expect(classifyThrottle(answer(503, '', { 'retry-after': '5' }))).toBe('503-retry-after');
    expect(classifyThrottle(answer(503, 'Service Unavailable'))).toBeUndefined();
  });

  it.each([
    ['the Storefront code', { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }] }],
    ['the GraphQL message', { errors: [{ message: 'Throttled' }] }],
    ['a string', { errors: 'Throttled' }],
  ])('reads a 200 whose JSON is a throttle error: %s', (_, body) => {
    expect(classifyThrottle(answer(200, body))).toBe('200-throttled');
  });

  it.each([
    ['a cart', { items: [], item_count: 0 }],
    ['another error', { errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] }],
    ['a page that mentions throttling', '<html>Throttled</html>'],
    ['broken JSON', '{"errors": "Throttled"'],
  ])('leaves an ordinary 200 alone: %s', (_, body) => {
    expect(classifyThrottle(answer(200, body))).toBeUndefined();
  });

  it('leaves other statuses alone', () => {
    expect(classifyThrottle(answer(500, { errors: 'Throttled' }))).toBeUndefined();
    expect(classifyThrottle({ headers: {} })).toBeUndefined();
  });
});

describe('retryAfterSeconds', () => {
  it('reads delta-seconds and an HTTP-date counted from now', () => {
    expect(retryAfterSeconds({ 'retry-after': ' 120 ' })).toBe(120);
    const now = Date.parse('2026-11-27T12:00:00Z');
    expect(retryAfterSeconds({ 'retry-after': 'Fri, 27 Nov 2026 12:00:30 GMT' }, now)).toBe(30);
    expect(retryAfterSeconds({ 'retry-after': 'Fri, 27 Nov 2026 11:00:00 GMT' }, now)).toBe(0);
  });

  it('is undefined when absent or unreadable', () => {
    expect(retryAfterSeconds({})).toBeUndefined();
    expect(retryAfterSeconds({ 'retry-after': 'soon' })).toBeUndefined();
    expect(retryAfterSeconds({ 'retry-after': ['7', '9'] })).toBe(7);
  });
});
