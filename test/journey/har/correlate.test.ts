import type { Entry } from 'har-format';
import { describe, expect, it } from 'vitest';
import { correlate } from '../../../src/journey/har/correlate.js';
import { draftPath } from '../../../src/journey/har/draft.js';
import { requestParts } from '../../../src/journey/har/request-parts.js';

const exchange = (method: string, url: string, answer: { mime?: string; text?: string; headers?: Record<string, string> } = {}, body?: string): Entry =>
  ({
    startedDateTime: '2026-11-27T17:00:00.000Z',
    time: 10,
    request: { method, url, httpVersion: 'HTTP/1.1', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: -1, ...(body ? { postData: { mimeType: 'application/json', text: body } } : {}) },
    response: {
      status: 200,
      statusText: 'OK',
      httpVersion: 'HTTP/1.1',
      headers: Object.entries(answer.headers ?? {}).map(([name, value]) => ({ name, value })),
      cookies: [],
      content: { size: 0, mimeType: answer.mime ?? 'application/json', text: answer.text ?? '' },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
  }) as Entry;

const drafts = (...entries: Entry[]) => correlate(entries.map((entry) => requestParts(entry).draft));

describe('correlate', () => {
  it('writes {{name|url}} where a value with reserved characters went URL-encoded into a path, and plain in a query', () => {
    const token = 'c1-9a8b7c6d5e?key=00ff11ee';
    const { drafts: steps } = drafts(
      exchange('GET', 'https://shop.example/cart.js', { text: JSON.stringify({ token }) }),
      exchange('GET', `https://shop.example/cart/c/${encodeURIComponent(token)}?again=${encodeURIComponent(token)}`),
    );
    expect(steps[0]!.capture).toEqual([{ name: 'cartToken', json: 'token' }]);
    expect(draftPath(steps[1]!)).toBe('/cart/c/{{cartToken|url}}?again={{cartToken}}');
  });

  it('ignores short and common values: quantities, flags, small numbers', () => {
    const { correlations } = drafts(
      exchange('GET', 'https://shop.example/cart.js', { text: JSON.stringify({ item_count: 2, requires_shipping: true, currency: 'USD', total: 12900 }) }),
      exchange('POST', 'https://shop.example/cart/update.js', {}, JSON.stringify({ note: 'true USD 12900 2' })),
    );
    expect(correlations).toEqual([]);
  });

  it('never takes a value from an answer that came after the request sending it', () => {
    const { correlations } = drafts(
      exchange('POST', 'https://shop.example/cart/update.js', {}, JSON.stringify({ ref: 'abc123def456' })),
      exchange('GET', 'https://shop.example/cart.js', { text: JSON.stringify({ ref: 'abc123def456' }) }),
    );
    expect(correlations).toEqual([]);
  });

  it('prefers a JSON path to a header holding the same value', () => {
    const { drafts: steps } = drafts(
      exchange('POST', 'https://shop.example/orders', { text: JSON.stringify({ order: { id: 'ord_77aa88bb' } }), headers: { 'x-order-id': 'ord_77aa88bb' } }),
      exchange('GET', 'https://shop.example/orders/ord_77aa88bb'),
    );
    expect(steps[0]!.capture).toEqual([{ name: 'orderId', json: 'order.id' }]);
  });
});
