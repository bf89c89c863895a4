import { Readable } from 'node:stream';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { signWebhookBody, startCollector, type Collector, type CollectorOptions } from '../../src/attribution/index.js';

const SECRET = 'whsec-test-secret-value';
const TOKEN = 'c1a0e1b2c3d4e5f60718293a4b5c6d7e';

const running: Collector[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((collector) => collector.stop()));
});

const start = async (options: Partial<CollectorOptions> = {}): Promise<Collector> => {
  const collector = await startCollector({ listen: '127.0.0.1:0', ...options });
  running.push(collector);
  return collector;
};

interface Post {
  path?: string;
  method?: 'POST' | 'GET' | 'PUT';
  headers?: Record<string, string>;
  body?: string | Readable;
}

const post = async (collector: Collector, { path = '/collect', method = 'POST', headers = {}, body }: Post): Promise<{ status: number; text: string }> => {
  const response = await request(new URL(path, collector.address.url), {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body }),
    signal: AbortSignal.timeout(5_000),
  });
  return { status: response.statusCode, text: await response.body.text() };
};

const pixel = (overrides: Record<string, unknown> = {}): string =>
  JSON.stringify({
    id: 'evt-1',
    name: 'checkout_completed',
    clientId: 'client-7',
    timestamp: '2026-11-27T14:00:01.000Z',
    data: { checkout: { token: TOKEN, email: 'shopper@example.com', order: { id: 'gid://shopify/OrderIdentity/5000001001' } } },
    ...overrides,
  });

const order = JSON.stringify({ id: 5000001001, checkout_token: TOKEN, created_at: '2026-11-27T09:00:01-05:00', email: 'shopper@example.com', line_items: [{ variant_id: 40101, quantity: 1 }] });

const webhook = (headers: Record<string, string> = {}): Post => ({ headers: { 'x-shopify-topic': 'orders/create', 'x-shopify-webhook-id': 'wh-1', ...headers }, body: order });

describe('where it listens', () => {
  it('binds the loopback address it is given, on a free port for port 0', async () => {
    const collector = await start();
    expect(collector.address.host).toBe('127.0.0.1');
    expect(collector.address.port).toBeGreaterThan(0);
    expect(collector.address.url).toBe(`http://127.0.0.1:${collector.address.port}/`);
  });

  it('refuses an address other machines reach unless the caller allows it, and names without a literal', async () => {
    await expect(startCollector({ listen: '0.0.0.0:0' })).rejects.toThrow('loopback only');
    await expect(startCollector({ listen: '192.0.2.10:9411' })).rejects.toThrow('loopback only');
    await expect(startCollector({ listen: 'collector.example:9411' })).rejects.toThrow('IP address or localhost');
    await expect(startCollector({ listen: '127.0.0.1' })).rejects.toThrow('host:port');
  });

  it('takes localhost as 127.0.0.1 and an IPv6 loopback in brackets', async () => {
    expect((await start({ listen: 'localhost:0' })).address.host).toBe('127.0.0.1');
    const six = await start({ listen: '[::1]:0' }).catch(() => undefined); // A machine without IPv6 has no ::1 to bind.
    if (six) expect(six.address.url).toMatch(/^http:\/\/\[::1\]:\d+\/$/);
  });

  it('does not start when the run was already stopped', async () => {
    await expect(startCollector({ listen: '127.0.0.1:0', signal: AbortSignal.abort(new Error('interrupted')) })).rejects.toThrow('interrupted');
  });
});

describe('Web Pixels events', () => {
  it('keeps the identifiers of a checkout_completed event at any path, never the body', async () => {
    const collector = await start();
    expect((await post(collector, { path: '/pixel/relay?x=1', body: pixel() })).status).toBe(204);
    expect(collector.events()).toEqual([
      { source: 'pixel', name: 'checkout_completed', checkoutToken: TOKEN, orderId: '5000001001', eventId: 'evt-1', clientId: 'client-7', timestamp: '2026-11-27T14:00:01.000Z', receivedAtMs: expect.any(Number) },
    ]);
    expect(JSON.stringify(collector.events())).not.toContain('shopper@example.com');
    expect(collector.counts).toEqual({ accepted: 1, ignored: 0, refused: {} });
  });

  it('takes JSON sent as text/plain, as sendBeacon sends it', async () => {
    const collector = await start();
    expect((await post(collector, { headers: { 'content-type': 'text/plain;charset=UTF-8' }, body: pixel() })).status).toBe(204);
    expect(collector.events()).toHaveLength(1);
  });

  it('answers but does not keep events of another name when one name is collected', async () => {
    const collector = await start({ eventName: 'checkout_completed' });
    expect((await post(collector, { body: pixel({ name: 'page_viewed', data: {} }) })).status).toBe(200);
    expect(collector.events()).toEqual([]);
    expect(collector.counts.ignored).toBe(1);
  });
});

describe('orders/create webhooks', () => {
  it('keeps the order id, checkout token and webhook id; unverified without a secret', async () => {
    const collector = await start();
    expect((await post(collector, webhook())).status).toBe(204);
    expect(collector.events()).toEqual([
      { source: 'webhook', name: 'orders/create', checkoutToken: TOKEN, orderId: '5000001001', eventId: 'wh-1', timestamp: '2026-11-27T09:00:01-05:00', verified: false, receivedAtMs: expect.any(Number) },
    ]);
  });

  it('with a secret, accepts the HMAC of the raw body and refuses a wrong or missing one with 401', async () => {
    const collector = await start({ webhookSecret: SECRET });
    expect((await post(collector, webhook({ 'x-shopify-hmac-sha256': signWebhookBody(SECRET, order) }))).status).toBe(204);
    expect((await post(collector, webhook({ 'x-shopify-hmac-sha256': signWebhookBody('another-secret', order) }))).status).toBe(401);
    expect((await post(collector, webhook({ 'x-shopify-hmac-sha256': signWebhookBody(SECRET, `${order} `) }))).status).toBe(401);
    expect((await post(collector, webhook())).status).toBe(401);
    expect(collector.events().map((event) => event.verified)).toEqual([true]);
    expect(collector.counts.refused).toEqual({ 'signature-invalid': 2, 'signature-missing': 1 });
  });

  it('refuses other topics with 404 and an order without an id with 400', async () => {
    const collector = await start();
    expect((await post(collector, webhook({ 'x-shopify-topic': 'orders/updated' }))).status).toBe(404);
    expect((await post(collector, { ...webhook(), body: JSON.stringify({ checkout_token: TOKEN }) })).status).toBe(400);
    expect(collector.events()).toEqual([]);
    expect(collector.counts.refused).toEqual({ topic: 1, 'unknown-shape': 1 });
  });
});

describe('everything else is refused, counted and not kept', () => {
  it('wrong method 405, wrong type 415, not JSON or no known shape 400', async () => {
    const collector = await start();
    expect((await post(collector, { method: 'GET' })).status).toBe(405);
    expect((await post(collector, { method: 'PUT', body: pixel() })).status).toBe(405);
    expect((await post(collector, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=checkout_completed' })).status).toBe(415);
    expect((await post(collector, { body: '{"name":' })).status).toBe(400);
    expect((await post(collector, { body: '[1,2]' })).status).toBe(400);
    expect((await post(collector, { body: JSON.stringify({ name: 'x'.repeat(500) }) })).status).toBe(400);
    expect(collector.events()).toEqual([]);
    expect(collector.counts).toEqual({ accepted: 0, ignored: 0, refused: { method: 2, 'content-type': 1, 'not-json': 1, 'unknown-shape': 2 } });
  });

  it('refuses a body over the cap with 413, announced or chunked', async () => {
    const collector = await start({ maxBodyBytes: 1024 });
    const big = pixel({ padding: 'x'.repeat(2048) });
    expect((await post(collector, { body: big })).status).toBe(413);
    const chunked = Readable.from([big.slice(0, 900), big.slice(900)]);
    const refused = await post(collector, { body: chunked }).catch((error: unknown) => ({ status: 0, text: String(error) }));
    // The collector answers 413 and closes at once; the client may see the answer or the closed socket.
    expect([413, 0]).toContain(refused.status);
    expect(collector.counts.refused['too-large']).toBe(2);
    expect((await post(collector, { body: pixel() })).status).toBe(204);
    expect(collector.events()).toHaveLength(1);
  });

  it('keeps at most maxEvents and refuses the rest with 503, so the loss is known', async () => {
    const collector = await start({ maxEvents: 2 });
    const statuses = [];
    for (const id of ['a', 'b', 'c']) statuses.push((await post(collector, { body: pixel({ id }) })).status);
    expect(statuses).toEqual([204, 204, 503]);
    expect(collector.events().map((event) => event.eventId)).toEqual(['a', 'b']);
    expect(collector.counts.refused).toEqual({ full: 1 });
  });
});

describe('under a burst', () => {
  it('keeps every one of 300 events posted at once', async () => {
    const collector = await start({ eventName: 'checkout_completed' });
    const statuses = await Promise.all(Array.from({ length: 300 }, (_, i) => post(collector, { body: pixel({ id: `evt-${i}`, data: { checkout: { token: `tok-${i}` } } }) }).then((sent) => sent.status)));
    expect(new Set(statuses)).toEqual(new Set([204]));
    expect(new Set(collector.events().map((event) => event.checkoutToken)).size).toBe(300);
    expect(collector.counts).toEqual({ accepted: 300, ignored: 0, refused: {} });
  });
});

describe('stopping', () => {
  it('stops with the signal, refuses connections after, and keeps what it collected', async () => {
    const run = new AbortController();
    const collector = await start({ signal: run.signal });
    await post(collector, { body: pixel() });
    run.abort();
    await collector.stop();
    await expect(post(collector, { body: pixel() })).rejects.toThrow();
    expect(collector.events()).toHaveLength(1);
    await collector.stop();
  });

  it('logs method, path and status only: no query, header or body', async () => {
    const lines: string[] = [];
    const collector = await start({ webhookSecret: SECRET, log: (line) => lines.push(line) });
    await post(collector, { path: '/hook?key=abc', ...webhook({ 'x-shopify-hmac-sha256': signWebhookBody(SECRET, order) }) });
    expect(lines).toEqual(['collector POST /hook → 204']);
  });
});
