import { afterEach, describe, expect, it } from 'vitest';
import { Agent } from 'undici';
import { InFlightRequests, MAX_BODY_BYTES, sendOnce, Stopped } from '../../src/load/send.js';
import { startLoopback, type Loopback } from './loopback.js';

let server: Loopback | undefined;
let agent: Agent | undefined;
afterEach(async () => {
  await agent?.close();
  await server?.close();
});

describe('sendOnce', () => {
  it('keeps at most 256 KB of an answer and leaves the connection usable', async () => {
    server = await startLoopback((req, res) => res.end(req.url === '/big' ? 'x'.repeat(MAX_BODY_BYTES + 50_000) : 'small'));
    agent = new Agent({ connections: 1 });
    const origin = server.url;
    const big = await sendOnce(agent, { origin, path: '/big', method: 'GET', headers: {} }, 2000, new InFlightRequests());
    expect('body' in big && big.body.length).toBe(MAX_BODY_BYTES);
    const small = await sendOnce(agent, { origin, path: '/small', method: 'GET', headers: {} }, 2000, new InFlightRequests());
    expect(small).toMatchObject({ status: 200, body: 'small' });
  });

  it('gives set-cookie as a list and never follows a redirect', async () => {
    server = await startLoopback((_req, res) => {
      res.writeHead(302, { location: '/elsewhere', 'set-cookie': 'cart=a; Path=/' });
      res.end();
    });
    agent = new Agent();
    const reply = await sendOnce(agent, { origin: server.url, path: '/checkout', method: 'POST', headers: {} }, 2000, new InFlightRequests());
    expect(reply).toMatchObject({ status: 302, headers: { location: '/elsewhere', 'set-cookie': ['cart=a; Path=/'] } });
    expect(server.seen).toEqual(['POST /checkout']);
  });

  it('answers a timeout as data, and a stop as Stopped', async () => {
    server = await startLoopback(() => undefined);
    agent = new Agent();
    expect(await sendOnce(agent, { origin: server.url, path: '/', method: 'GET', headers: {} }, 200, new InFlightRequests())).toEqual({ error: 'timeout' });
    const group = new InFlightRequests();
    const pending = sendOnce(agent, { origin: server.url, path: '/', method: 'GET', headers: {} }, 60_000, group);
    setTimeout(() => group.stopAll(new Error('stopped')), 50);
    await expect(pending).rejects.toBeInstanceOf(Stopped);
  });

  it('names a refused connection', async () => {
    const gone = await startLoopback(() => undefined);
    await gone.close();
    agent = new Agent();
    expect(await sendOnce(agent, { origin: gone.url, path: '/', method: 'GET', headers: {} }, 2000, new InFlightRequests())).toEqual({ error: 'connection refused' });
  });
});
