import { afterEach, describe, expect, it } from 'vitest';
import type { Journey } from '../../src/journey/types.js';
import { runLoad, type Exchange, type RunOptions } from '../../src/load/index.js';
import { json, startLoopback, type Loopback } from './loopback.js';

let servers: Loopback[] = [];
const serve = async (...args: Parameters<typeof startLoopback>): Promise<Loopback> => {
  const server = await startLoopback(...args);
  servers.push(server);
  return server;
};
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

const options = (target: string, journey: Journey, overrides: Partial<RunOptions> = {}): RunOptions => ({
  target,
  journeys: [{ journey, weight: 1 }],
  stages: [{ durationMs: 200, sessionsPerSecond: 20 }],
  conversion: 1,
  allowPayment: true,
  requestTimeoutMs: 2000,
  maxSessionsInFlight: 50,
  signal: new AbortController().signal,
  ...overrides,
});

const cartJourney: Journey = {
  name: 'cart',
  checkoutFrom: 2,
  steps: [
    { name: 'add to cart', method: 'POST', path: '/cart/add.js', body: { json: { id: 1, email: '{{uniqueEmail}}' } }, capture: [{ name: 'token', json: 'token' }], expect: { status: 200 } },
    { name: 'read cart', method: 'GET', path: '/cart/{{token}}.js', expect: { status: 200 } },
    { name: 'checkout', method: 'POST', path: '/checkout', expect: { status: 302 }, capture: [{ name: 'checkoutToken', header: 'location', regex: '/checkouts/cn/(\\w+)' }] },
    { name: 'pay', method: 'POST', path: '/checkouts/cn/{{checkoutToken}}/complete', payment: true },
  ],
};

/** A cart keyed by cookie: add sets a cookie naming a fresh cart, read answers the cart the cookie names. */
const cartStore = () => {
  let carts = 0;
  const readsWithCookie: string[] = [];
  return {
    readsWithCookie,
    handle: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
      const cookie = /cart=(\w+)/.exec(req.headers.cookie ?? '')?.[1];
      if (req.url === '/cart/add.js') {
        const token = `c${++carts}`;
        return json(res, { token }, 200, { 'set-cookie': [`cart=${token}; Path=/; HttpOnly`] });
      }
      if (req.url?.startsWith('/cart/')) {
        readsWithCookie.push(`${req.url} ${cookie}`);
        return json(res, { token: cookie }, 200);
      }
      if (req.url === '/checkout') {
        res.writeHead(302, { location: `/checkouts/cn/tok${cookie}` });
        return res.end();
      }
      return json(res, { ok: true });
    },
  };
};

describe('runLoad', () => {
  it('runs each session with its own cookies and captures, fills references, and never follows a redirect', async () => {
    const store = cartStore();
    const server = await serve(store.handle);
    const result = await runLoad(options(server.url, cartJourney));
    expect(result.journeys[0]).toMatchObject({ planned: 4, started: 4, dropped: 0, completed: 4, failed: 0, converting: 4 });
    // Each read names the cart its own add created, with that cart's cookie: no session saw another's.
    expect(store.readsWithCookie.sort()).toEqual(['/cart/c1.js c1', '/cart/c2.js c2', '/cart/c3.js c3', '/cart/c4.js c4']);
    expect(server.seen.filter((line) => line.startsWith('POST /checkouts/cn/tokc')).length).toBe(4);
    expect(server.seen.some((line) => line.startsWith('GET /checkouts'))).toBe(false);
    const checkout = result.steps.find((step) => step.step === 'checkout')!;
    expect(checkout.statuses).toEqual({ '302': 4 });
    expect(checkout.path).toBe('/checkout');
    expect(result.steps.map((step) => step.latency.count)).toEqual([4, 4, 4, 4]);
    expect(result.journeys[0]!.latency.count).toBe(4);
    expect(result.perSecond[0]).toMatchObject({ second: 0, planned: 4, started: 4, dropped: 0, answered: 16, failed: 0 });
    expect(result.cutOff).toBeUndefined();
  });

  it('appends step paths to the target base path and sends the run headers', async () => {
    const agents: string[] = [];
    const server = await serve((req, res) => {
      agents.push(String(req.headers['user-agent']));
      json(res, {});
    });
    await runLoad(options(`${server.url}/staging/`, { name: 'j', checkoutFrom: 1, steps: [{ name: 'home', method: 'GET', path: '/products/a.js' }] }, { headers: { 'User-Agent': 'q4check-test' }, stages: [{ durationMs: 100, sessionsPerSecond: 10 }] }));
    expect(server.seen).toEqual(['GET /staging/products/a.js']);
    expect(agents).toEqual(['q4check-test']);
  });

  it('converts the exact share asked for and stops converting sessions at the payment hand-off', async () => {
    const server = await serve(cartStore().handle);
    const result = await runLoad(options(server.url, cartJourney, { conversion: 0.25, allowPayment: false, stages: [{ durationMs: 400, sessionsPerSecond: 20 }] }));
    expect(result.journeys[0]).toMatchObject({ started: 8, converting: 2, stoppedAtHandOff: 2, completed: 6, failed: 0 });
    expect(server.seen.filter((line) => line === 'POST /checkout')).toHaveLength(2);
    expect(server.seen.some((line) => line.includes('/complete'))).toBe(false);
  });

  it('fails a session whose answer is unexpected or whose capture finds nothing, saying why', async () => {
    const server = await serve((req, res) => (req.url === '/cart/add.js' ? json(res, { notToken: 1 }) : json(res, {}, 500)));
    const lines: string[] = [];
    const result = await runLoad(options(server.url, cartJourney, { log: (line) => lines.push(line) }));
    expect(result.journeys[0]).toMatchObject({ started: 4, failed: 4, completed: 0 });
    expect(server.seen.every((line) => line === 'POST /cart/add.js')).toBe(true);
    expect(lines).toEqual(['load: cart · add to cart: a session failed: capture token found nothing']);

    const wrong = await runLoad(options(server.url, { name: 'j', checkoutFrom: 1, steps: [{ name: 'home', method: 'GET', path: '/', expect: { status: 200 } }] }));
    expect(wrong.steps[0]).toMatchObject({ unexpected: 4, statuses: { '500': 4 } });
    expect(wrong.journeys[0]).toMatchObject({ failed: 4, completed: 0 });
  });

  it('never retries a POST the store reset', async () => {
    const server = await serve((req, res) => {
      if (req.method === 'POST') req.socket.destroy();
      else json(res, {});
    });
    const result = await runLoad(options(server.url, cartJourney));
    expect(server.seen).toEqual(Array.from({ length: 4 }, () => 'POST /cart/add.js'));
    const add = result.steps[0]!;
    expect(add.requests).toBe(4);
    expect(Object.values(add.transportErrors).reduce((sum, count) => sum + count, 0)).toBe(4);
    expect(result.journeys[0]!.failed).toBe(4);
  });

  it('drops sessions due while every slot is busy instead of delaying them', async () => {
    const server = await serve(() => undefined);
    const result = await runLoad(
      options(server.url, { name: 'j', checkoutFrom: 1, steps: [{ name: 'home', method: 'GET', path: '/' }] }, { maxSessionsInFlight: 2, requestTimeoutMs: 300, stages: [{ durationMs: 100, sessionsPerSecond: 100 }] }),
    );
    expect(result.journeys[0]).toMatchObject({ planned: 10, started: 2, dropped: 8, failed: 2 });
    expect(result.stages[0]).toMatchObject({ planned: 10, started: 2, dropped: 8 });
    expect(result.steps[0]!.timeouts).toBe(2);
    expect(result.perSecond[0]).toMatchObject({ planned: 10, dropped: 8, failed: 2 });
  });

  it('returns what it has, marked cut off, when the signal stops it', async () => {
    const controller = new AbortController();
    const server = await serve(() => controller.abort(new DOMException('stopped', 'AbortError')));
    const result = await runLoad(
      options(server.url, { name: 'j', checkoutFrom: 1, steps: [{ name: 'home', method: 'GET', path: '/' }] }, { signal: controller.signal, requestTimeoutMs: 60_000, stages: [{ durationMs: 60_000, sessionsPerSecond: 1 }] }),
    );
    expect(result.cutOff).toBe('interrupted');
    expect(result.journeys[0]).toMatchObject({ planned: 60, started: 1, failed: 0, completed: 0 });

    const timeout = new AbortController();
    const slow = await serve(() => timeout.abort(new DOMException('limit', 'TimeoutError')));
    const timed = await runLoad(options(slow.url, { name: 'j', checkoutFrom: 1, steps: [{ name: 'home', method: 'GET', path: '/' }] }, { signal: timeout.signal, requestTimeoutMs: 60_000, stages: [{ durationMs: 60_000, sessionsPerSecond: 1 }] }));
    expect(timed.cutOff).toBe('timeout');
  });

  it('ends in per-step errors, not a hang, when the store dies mid-run', async () => {
    let answered = 0;
    const server = await serve((_req, res) => {
      answered++;
      json(res, {});
      if (answered === 3) void server.close();
    });
    const result = await runLoad(options(server.url, { name: 'j', checkoutFrom: 1, steps: [{ name: 'home', method: 'GET', path: '/' }] }, { stages: [{ durationMs: 500, sessionsPerSecond: 20 }] }));
    const step = result.steps[0]!;
    expect(step.requests).toBe(10);
    expect(step.statuses['200']).toBe(3);
    expect(Object.values(step.transportErrors).reduce((sum, count) => sum + count, 0) + step.timeouts).toBe(7);
    expect(result.journeys[0]).toMatchObject({ completed: 3, failed: 7 });
  });

  it('stops starting sessions at maxRequests and drops those over maxRequestsPerSecond', async () => {
    const server = await serve((_req, res) => json(res, {}));
    const journey: Journey = { name: 'j', checkoutFrom: 1, steps: [{ name: 'home', method: 'GET', path: '/' }] };
    const total = await runLoad(options(server.url, journey, { maxRequests: 3, stages: [{ durationMs: 500, sessionsPerSecond: 20 }] }));
    expect(total.journeys[0]).toMatchObject({ planned: 10, started: 3, dropped: 0 });
    expect(total.capped?.by).toBe('maxRequests');

    const perSecond = await runLoad(options(server.url, journey, { maxRequestsPerSecond: 4, stages: [{ durationMs: 500, sessionsPerSecond: 20 }] }));
    expect(perSecond.journeys[0]).toMatchObject({ planned: 10, started: 4, dropped: 6 });
    expect(perSecond.capped?.by).toBe('maxRequestsPerSecond');
  });

  it('shows every exchange to the shopper observer in order and counts throttled answers by form', async () => {
    const server = await serve((req, res) => (req.url === '/cart/add.js' ? json(res, { token: 't' }, 200, { 'set-cookie': 'cart=t; Path=/' }) : json(res, { errors: 'Throttled' }, 429, { 'retry-after': '2' })));
    const seen: string[][] = [];
    const result = await runLoad<{ shoppers: number }>({
      ...options(server.url, cartJourney),
      observer: {
        forShopper: () => {
          const mine: string[] = [];
          seen.push(mine);
          return (exchange: Exchange) => mine.push(`${exchange.step.name} ${exchange.status} ${exchange.path}`);
        },
        summary: () => ({ shoppers: seen.length }),
      },
      classifyThrottle: (exchange) => (exchange.status === 429 ? '429' : undefined),
    });
    expect(result.observations).toEqual({ shoppers: 4 });
    expect(seen[0]).toEqual(['add to cart 200 /cart/add.js', 'read cart 429 /cart/t.js']);
    expect(result.throttling).toEqual([{ form: '429', journey: 'cart', step: 'read cart', count: 4, firstAtMs: expect.any(Number), retryAfterSeconds: 2 }]);
    expect(result.steps[1]!.throttled).toBe(4);
  });

  it('reports progress as sessions done out of planned', async () => {
    const server = await serve((_req, res) => json(res, {}));
    const lines: string[] = [];
    await runLoad(options(server.url, { name: 'j', checkoutFrom: 1, steps: [{ name: 'home', method: 'GET', path: '/' }] }, { onProgress: (text) => lines.push(text) }));
    expect(lines.at(-1)).toBe('4/4 sessions');
  });
});
