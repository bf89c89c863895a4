import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { JourneyStep } from '../../src/journey/types.js';
import { runHammer, type HammerOptions } from '../../src/load/index.js';

/** A raw HTTP/1.1 server on loopback: `answer` writes the bytes for each request line, so each test shapes the wire exactly. */
const rawServer = async (answer: (socket: Socket, path: string, connection: number, headers: string) => void) => {
  const counts = new Map<string, number>();
  const sockets = new Set<Socket>();
  let connections = 0;
  const server: Server = createServer((socket) => {
    const connection = connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffered = '';
    socket.on('data', (chunk) => {
      buffered += chunk.toString('latin1');
      for (let end = buffered.indexOf('\r\n\r\n'); end >= 0; end = buffered.indexOf('\r\n\r\n')) {
        const head = buffered.slice(0, end);
        const length = Number(/content-length: *(\d+)/i.exec(head)?.[1] ?? 0);
        if (buffered.length < end + 4 + length) return;
        buffered = buffered.slice(end + 4 + length);
        const path = head.split(' ')[1]!;
        counts.set(path, (counts.get(path) ?? 0) + 1);
        if (!socket.destroyed) answer(socket, path, connection, head);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    count: (path: string) => counts.get(path) ?? 0,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};

const ok = (socket: Socket, body: string, extra = ''): void => {
  socket.write(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extra}\r\n${body}`);
};

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

const hammer = (target: string, steps: JourneyStep[], overrides: Partial<HammerOptions> = {}): Promise<ReturnType<typeof runHammer> extends Promise<infer R> ? R : never> =>
  runHammer({ target, shoppers: 3, durationMs: 1000, steps, requestTimeoutMs: 1000, signal: new AbortController().signal, ...overrides });

const total = (statuses: Record<string, number>): number => Object.values(statuses).reduce((sum, count) => sum + count, 0);

describe('runHammer', () => {
  it('loops each shopper over the steps with its own cookie and captures, step by step', async () => {
    let carts = 0;
    const mismatched: string[] = [];
    const server = await rawServer((socket, path, _connection, head) => {
      if (path === '/cart/add.js') {
        const token = `c${++carts}`;
        return ok(socket, JSON.stringify({ token }), `Set-Cookie: cart=${token}; Path=/\r\n`);
      }
      const cookie = /cookie: cart=(\w+)/i.exec(head)?.[1];
      if (path !== `/cart/${cookie}.js`) mismatched.push(`${path} ${cookie}`);
      return ok(socket, '{}');
    });
    closers.push(server.close);
    const result = await hammer(server.url, [
      { name: 'add', method: 'POST', path: '/cart/add.js', body: { json: { id: 1 } }, capture: [{ name: 'token', json: 'token' }] },
      { name: 'read', method: 'GET', path: '/cart/{{token}}.js', expect: { status: 200 } },
    ]);
    expect(mismatched).toEqual([]);
    const [add, read] = result.steps;
    expect(add!.requests).toBeGreaterThan(10);
    expect(read!.unexpected).toBe(0);
    expect(read!.latency.count).toBe(read!.requests);
    // Answered per step as the server counted them, give or take the requests in flight when the run ended.
    expect(server.count('/cart/add.js') - total(add!.statuses)).toBeLessThanOrEqual(3);
    expect(result.unanswered).toBe(0);
    expect(result.cutOff).toBeUndefined();
  });

  it('does not lose the step after an answer with Connection: close', async () => {
    const server = await rawServer((socket, path) => {
      if (path === '/close') {
        ok(socket, '{}', 'Connection: close\r\n');
        socket.end();
      } else ok(socket, '{}');
    });
    closers.push(server.close);
    const steps: JourneyStep[] = ['/s1', '/close', '/s3'].map((path) => ({ name: path, method: 'GET', path }));
    const result = await hammer(server.url, steps);
    expect(server.count('/s3')).toBeGreaterThan(5);
    // Every request the server took was answered and counted under its own step (but those in flight at the end).
    for (const [index, path] of ['/s1', '/close', '/s3'].entries()) expect(server.count(path) - total(result.steps[index]!.statuses)).toBeLessThanOrEqual(3);
    expect(result.steps.map((step) => step.timeouts)).toEqual([0, 0, 0]);
    expect(result.unanswered).toBe(0);
  });

  it('ends an answer delimited by the connection close instead of wedging the connection', async () => {
    const server = await rawServer((socket, _path, connection) => {
      if (connection === 0) {
        socket.end('HTTP/1.1 400 Bad Request\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<h1>blocked</h1>');
      } else ok(socket, '{}');
    });
    closers.push(server.close);
    const result = await hammer(server.url, [{ name: 'read', method: 'GET', path: '/cart.js' }], { shoppers: 1 });
    const read = result.steps[0]!;
    expect(read.statuses['400']).toBe(1);
    expect(read.statuses['200']).toBeGreaterThan(5);
    expect(read.timeouts).toBe(0);
  });

  it('classifies throttled answers per step, with the Retry-After they gave', async () => {
    const server = await rawServer((socket, path) =>
      path === '/cart/add.js' ? socket.write('HTTP/1.1 429 Too Many Requests\r\nRetry-After: 3\r\nContent-Length: 2\r\n\r\n{}') : ok(socket, '{}'),
    );
    closers.push(server.close);
    const result = await hammer(server.url, [{ name: 'add', method: 'POST', path: '/cart/add.js', body: { form: { id: '1' } } }], {
      shoppers: 1,
      classifyThrottle: (exchange) => (exchange.status === 429 ? '429' : undefined),
    });
    expect(result.throttling).toEqual([{ form: '429', journey: 'hammer', step: 'add', count: result.steps[0]!.requests, firstAtMs: expect.any(Number), retryAfterSeconds: 3 }]);
    expect(result.steps[0]!.throttled).toBe(result.steps[0]!.requests);
  });

  it('counts requests a closed connection took with it as unanswered', async () => {
    const server = await rawServer((socket, path) => (path === '/gone' ? socket.end() : ok(socket, '{}')));
    closers.push(server.close);
    const result = await hammer(server.url, [
      { name: 'read', method: 'GET', path: '/cart.js' },
      { name: 'gone', method: 'GET', path: '/gone' },
    ]);
    expect(result.steps[1]!.statuses).toEqual({});
    expect(result.unanswered).toBeGreaterThan(5);
    expect(result.unanswered).toBeGreaterThanOrEqual(server.count('/gone') - 3);
  });

  it('counts timeouts and refusals per step and stops on the signal with a partial result', async () => {
    const server = await rawServer(() => undefined);
    closers.push(server.close);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new DOMException('limit', 'TimeoutError')), 2500);
    const result = await hammer(server.url, [{ name: 'read', method: 'GET', path: '/cart.js' }], { durationMs: 60_000, requestTimeoutMs: 1000, signal: controller.signal, shoppers: 2 });
    expect(result.cutOff).toBe('timeout');
    expect(result.steps[0]!.timeouts).toBeGreaterThanOrEqual(2);
    expect(result.steps[0]!.statuses).toEqual({});
  });
});
