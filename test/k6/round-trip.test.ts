import { describe, expect, it } from 'vitest';
import { exportK6 } from '../../src/k6/export.js';
import { readK6Summary } from '../../src/k6/summary.js';
import { K6Harness, type FakeAnswer } from './harness.js';
import { exportInput, native, shopPay } from './journeys.js';

const TRENDS = new Set(['http_req_duration', 'q4check_journey_duration']);

/**
 * The summary k6 would write for what the harness recorded: every sub-metric the script's thresholds
 * name, as handleSummary data. Checks that the script records under the names the reader reads.
 */
const summaryOf = (harness: K6Harness): string => {
  const thresholds = (harness.exports.options as { thresholds: Record<string, string[]> }).thresholds;
  const metrics = Object.fromEntries(
    Object.keys(thresholds).map((key) => {
      const open = key.indexOf('{');
      const metric = open === -1 ? key : key.slice(0, open);
      const tags = open === -1 ? {} : Object.fromEntries(key.slice(open + 1, -1).split(',').map((pair) => [pair.slice(0, pair.indexOf(':')), pair.slice(pair.indexOf(':') + 1)]));
      const samples = harness.samples.filter((sample) => sample.metric === metric && Object.entries(tags).every(([name, value]) => sample.tags[name] === value));
      const values = TRENDS.has(metric)
        ? { avg: 10, min: 10, med: 10, max: 10, 'p(90)': 10, 'p(95)': 10, 'p(99)': 10, count: samples.length }
        : { count: samples.reduce((sum, sample) => sum + sample.value, 0), rate: 1 };
      return [key, { type: TRENDS.has(metric) ? 'trend' : 'counter', contains: 'default', values }];
    }),
  );
  return JSON.stringify({ root_group: { checks: [], groups: [] }, state: { testRunDurationMs: 1_000 }, metrics });
};

describe('the exported script and the summary reader agree on names', () => {
  it('reads back, per step and journey, what the script counted', () => {
    const store = (request: { url: string }): FakeAnswer => {
      const path = new URL(request.url).pathname;
      if (path === '/cart/add.js') return { status: 429, headers: { 'retry-after': '1' } };
      if (path === '/products/doorbuster.js') return { status: 200, body: '{"variants":[{"id":1}],"token":"w"}' };
      return { status: 200, body: '{"token":"w"}' };
    };
    const harness = new K6Harness(exportK6(exportInput(false, { conversion: 0.5 })), store, { X_SHOPIFY_STOREFRONT_ACCESS_TOKEN: 'from-env' });
    harness.run('journey_native', 4);
    harness.run('journey_shop_pay', 4);
    const result = readK6Summary(summaryOf(harness), 'summary.json', [native, shopPay]);
    expect(result.fromExportedScript).toBe(true);
    expect(result.run.journeys.map(({ name, started, converting, failed, stoppedAtHandOff, completed }) => ({ name, started, converting, failed, stoppedAtHandOff, completed }))).toEqual([
      // native: 2 of 4 convert and are throttled at add to cart; the other 2 complete their browsing.
      { name: 'native', started: 4, converting: 2, failed: 2, stoppedAtHandOff: 0, completed: 2 },
      // shop-pay: 2 convert and stop at the hand-off to the wallet payment.
      { name: 'shop-pay', started: 4, converting: 2, failed: 0, stoppedAtHandOff: 2, completed: 2 },
    ]);
    expect(result.run.steps.map(({ journey, step, requests, throttled }) => `${journey} · ${step}: ${requests} requests, ${throttled} throttled`)).toEqual([
      'native · product: 4 requests, 0 throttled',
      'native · add to cart: 2 requests, 2 throttled',
      // Named by thresholds, so present with nothing sent: no session got past add to cart.
      'native · cart: 0 requests, 0 throttled',
      'native · checkout: 0 requests, 0 throttled',
      'shop-pay · product: 4 requests, 0 throttled',
      'shop-pay · wallet start: 2 requests, 0 throttled',
    ]);
    expect(result.run.throttling).toEqual([{ form: '429', journey: 'native', step: 'add to cart', count: 2, firstAtMs: 0 }]);
  });
});
