import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportK6 } from '../../src/k6/export.js';
import { K6Harness, type FakeAnswer, type FakeRequest, type FakeStore } from './harness.js';
import { exportInput } from './journeys.js';

const GOLDEN = new URL('../../fixtures/k6/checkout-load.k6.js', import.meta.url);

/** A store that answers every step of both fixture journeys as Shopify would. */
const healthyStore: FakeStore = (request): FakeAnswer => {
  const path = new URL(request.url).pathname;
  if (path === '/products/doorbuster.js') return { status: 200, body: JSON.stringify({ variants: [{ id: 4401 }] }) };
  if (path === '/cart/add.js') return { status: 200, body: '{"items":[]}', headers: { 'set-cookie': 'cart=c1-abc?key=k9; Path=/' } };
  if (path === '/cart.js') return { status: 200, body: '{"item_count":1}' };
  if (path === '/checkout') return { status: 302, headers: { location: 'https://staging.acme.example/checkouts/cn/tok123/information' } };
  if (path === '/wallets/checkouts') return { status: 200, body: '{"token":"w-1"}' };
  return { status: 200, body: '{}' };
};

const pathsOf = (requests: FakeRequest[]): string[] => requests.map((request) => `${request.method} ${new URL(request.url).pathname}`);

describe('exportK6: the script', () => {
  it('matches the golden script for the fixture journey pair', () => {
    const script = exportK6(exportInput(false));
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, script);
    expect(script).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('has one ramping-arrival-rate scenario per journey at its share of the plan, stages as 0 s jumps then holds', () => {
    const input = exportInput(false);
    const harness = new K6Harness(exportK6(input), healthyStore);
    const options = harness.exports.options as { scenarios: Record<string, { executor: string; startRate: number; timeUnit: string; stages: { target: number; duration: string }[]; maxVUs: number; preAllocatedVUs: number; exec: string }> };
    expect(Object.keys(options.scenarios)).toEqual(['native', 'shop-pay']);
    const native = options.scenarios.native!;
    // 600/min × 1.25 × 1.2 = 900/min; native 70% = 630/min at the peak; ramp 25/50/75%, 12 s each of 120 s.
    expect(native).toMatchObject({ executor: 'ramping-arrival-rate', timeUnit: '1m', startRate: 158, exec: 'journey_native' });
    expect(native.stages).toEqual([
      { target: 158, duration: '12s' },
      { target: 315, duration: '0s' },
      { target: 315, duration: '12s' },
      { target: 472, duration: '0s' },
      { target: 472, duration: '12s' },
      { target: 630, duration: '0s' },
      { target: 630, duration: '84s' },
    ]);
    expect(native.preAllocatedVUs).toBeGreaterThanOrEqual(1);
    expect(native.maxVUs).toBeGreaterThan(native.preAllocatedVUs);
    expect(options.scenarios['shop-pay']!.stages.at(-1)!.target).toBe(270);
  });

  it('puts the profile thresholds on the whole run, every step and every journey', () => {
    const options = new K6Harness(exportK6(exportInput(false, { thresholds: { p95Ms: 800, p99Ms: 2000, errorRate: 0.02 } })), healthyStore).exports.options as { thresholds: Record<string, string[]> };
    expect(options.thresholds.http_req_duration).toEqual(['p(95)<=800', 'p(99)<=2000']);
    expect(options.thresholds.http_req_failed).toEqual(['rate<=0.02']);
    expect(options.thresholds['http_req_duration{journey:native,name:add to cart}']).toEqual(['p(95)<=800', 'p(99)<=2000']);
    // "wallet, start": a comma would split k6's selector, so the tag says "wallet start".
    expect(options.thresholds['q4check_throttled_429{journey:shop-pay,name:wallet start}']).toEqual(['count>=0']);
    expect(options.thresholds['dropped_iterations{scenario:shop-pay}']).toEqual(['count>=0']);
    // Payment steps are not in the script here, so no threshold names them.
    expect(Object.keys(options.thresholds).some((name) => name.includes('complete') || name.includes('wallet pay'))).toBe(false);
  });
});

describe('exportK6: a session as the script runs it', () => {
  it('browses on every session and goes on to checkout on the conversion share, chosen by iteration number', () => {
    const harness = new K6Harness(exportK6(exportInput(false)), healthyStore);
    harness.run('journey_native', 8);
    // conversion 0.25: sessions 3 and 7 convert (the engine's even choice).
    expect(harness.total('q4check_sessions', { journey: 'native' })).toBe(8);
    expect(harness.total('q4check_converting', { journey: 'native' })).toBe(2);
    expect(pathsOf(harness.requests).filter((path) => path === 'GET /products/doorbuster.js')).toHaveLength(8);
    expect(pathsOf(harness.requests).filter((path) => path === 'POST /checkout')).toHaveLength(2);
  });

  it('fills captures into later steps, sends no payment where payments may not run, and counts the hand-off', () => {
    const harness = new K6Harness(exportK6(exportInput(false, { conversion: 1 })), healthyStore);
    harness.run('journey_native', 1);
    expect(pathsOf(harness.requests)).toEqual(['GET /products/doorbuster.js', 'POST /cart/add.js', 'GET /cart.js', 'POST /checkout']);
    expect(JSON.parse(harness.requests[1]!.body as string)).toEqual({ items: [{ id: '4401', quantity: 1 }] });
    expect(harness.requests[3]!.body).toEqual({ 'checkout[email]': expect.stringMatching(/^shopper\+\d+-0@example\.com$/) });
    expect(harness.requests[2]!.headers.cookie).toBe('cart=c1-abc?key=k9');
    expect(harness.requests.every((request) => request.params.redirects === 0 && request.params.timeout === '15000ms')).toBe(true);
    expect(harness.requests[1]!.params.tags).toEqual({ journey: 'native', name: 'add to cart' });
    expect(harness.sleeps).toEqual([2]);
    expect(harness.total('q4check_hand_off', { journey: 'native' })).toBe(1);
    expect(harness.total('q4check_journey_duration')).toBe(0);
  });

  it('runs payment steps where payments may run, with a URL-encoded capture, and times the completed session', () => {
    const harness = new K6Harness(exportK6(exportInput(true, { conversion: 1 })), healthyStore);
    harness.run('journey_native', 1);
    expect(pathsOf(harness.requests).at(-1)).toBe('POST /checkouts/cn/tok123/complete');
    expect(JSON.parse(harness.requests.at(-1)!.body as string)).toEqual({ cart: 'c1-abc' });
    expect(harness.total('q4check_journey_duration', { journey: 'native' })).toBe(50);
    expect(harness.total('q4check_hand_off')).toBe(0);
  });

  it('starts every session with an empty cookie jar', () => {
    const harness = new K6Harness(exportK6(exportInput(false, { conversion: 1 })), healthyStore);
    harness.run('journey_native', 2);
    const secondStart = harness.requests[4]!;
    expect(pathsOf([secondStart])).toEqual(['GET /products/doorbuster.js']);
    expect(secondStart.headers.cookie).toBeUndefined();
  });

  it('reads credential headers from the environment, never from the script', () => {
    const script = exportK6(exportInput(false, { conversion: 1 }));
    expect(script).not.toContain('do-not-ship-me');
    expect(script).toContain('-e X_SHOPIFY_STOREFRONT_ACCESS_TOKEN=…');
    const harness = new K6Harness(script, healthyStore, { X_SHOPIFY_STOREFRONT_ACCESS_TOKEN: 'from-env' });
    harness.run('journey_shop_pay', 1);
    expect(harness.requests[1]!.headers).toMatchObject({ 'x-shopify-storefront-access-token': 'from-env', accept: 'application/json', 'content-type': 'text/plain' });
    expect(harness.requests[1]!.body).toMatch(/^shopper=\d+$/);
  });

  it('counts each throttle form, server errors, timeouts and unexpected answers per step, and ends the session', () => {
    const answers: Record<string, ReturnType<FakeStore>> = {
      '429': { status: 429, headers: { 'retry-after': '2' } },
      '430': { status: 430 },
      '503-retry-after': { status: 503, headers: { 'retry-after': '5' } },
      '200-throttled': { status: 200, body: '{"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED"}}]}' },
      '503': { status: 503 },
      timeout: { status: 0, errorCode: 1050 },
      reset: { status: 0, errorCode: 1000 },
    };
    const counted: Record<string, string> = {
      '429': 'q4check_throttled_429',
      '430': 'q4check_throttled_430',
      '503-retry-after': 'q4check_throttled_503_retry_after',
      '200-throttled': 'q4check_throttled_200',
      '503': 'q4check_server_errors',
      timeout: 'q4check_timeouts',
      reset: 'q4check_transport_errors',
    };
    for (const [kind, answer] of Object.entries(answers)) {
      const harness = new K6Harness(exportK6(exportInput(false)), () => answer);
      harness.run('journey_native', 1);
      expect({ kind, count: harness.total(counted[kind]!, { journey: 'native', name: 'product' }) }).toEqual({ kind, count: 1 });
      expect(harness.total('q4check_sessions_failed', { journey: 'native' })).toBe(1);
      expect(harness.requests).toHaveLength(1);
    }
    const unexpected = new K6Harness(exportK6(exportInput(false)), () => ({ status: 404 }));
    unexpected.run('journey_native', 1);
    expect(unexpected.total('q4check_unexpected', { journey: 'native', name: 'product' })).toBe(1);
    expect(unexpected.total('q4check_server_errors')).toBe(0);
  });
});
