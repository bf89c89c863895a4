import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planLoad } from '../../../../checks/checkout-load/plan.js';
import { loadJourney } from '../../../../src/journey/load.js';
import { runLoad } from '../../../../src/load/index.js';
import { StoreSimulator } from '../../../../src/simulators/store/index.js';
import { statusesOf } from '../../../helpers/verdict-statuses.js';
import { LOAD_RULES, type Expectation } from '../rules/statuses.js';
import { gatherFrom, JOURNEYS_DIR, loadConfig } from './simulated.js';

/**
 * Every undici request created and every TCP connection opened in this thread while a test runs (the
 * Admin reads and the collector), and every worker thread started (the load generator runs in one, whose
 * channels this thread cannot hear: no worker, no load).
 */
const traffic = { requests: 0, sockets: 0, workers: 0 };
const countRequest = (): void => void traffic.requests++;
const countSocket = (): void => void traffic.sockets++;
const countWorker = (): void => void traffic.workers++;

beforeEach(() => {
  traffic.requests = 0;
  traffic.sockets = 0;
  traffic.workers = 0;
  subscribe('undici:request:create', countRequest);
  subscribe('net.client.socket', countSocket);
  process.on('worker', countWorker);
});

afterEach(() => {
  unsubscribe('undici:request:create', countRequest);
  unsubscribe('net.client.socket', countSocket);
  process.off('worker', countWorker);
});

describe('checkout-load safety, against the storefront simulator', () => {
  it('a target that is not loopback, without authorization, is refused before any DNS question, connection, request or load thread (not even the Admin read)', async () => {
    const { artifact, dnsQuestions, requests } = await gatherFrom({ target: 'http://shop.acme.example' });
    expect(artifact).toEqual({ target: expect.objectContaining({ host: 'shop.acme.example', allowed: false, loopback: false }) });
    expect({ dnsQuestions, ...traffic, storeRequests: requests.length }).toEqual({ dnsQuestions: 0, requests: 0, sockets: 0, workers: 0, storeRequests: 0 });
  });

  it('the same counters see a loopback run (the control: they would see a refused target load)', async () => {
    const { requests, events } = await gatherFrom({ config: { duration: '1s', hammer: false } });
    const adminReads = requests.filter((request) => request.path.startsWith('/admin/')).length;
    expect(requests.length).toBeGreaterThan(adminReads);
    expect(adminReads).toBeGreaterThan(0);
    // This thread's requests: the Admin reads, and the purchase events the simulator (here too) posted.
    expect(traffic.requests).toBe(adminReads + events.pixels + events.webhooks);
    expect(traffic.sockets).toBeGreaterThan(0);
    expect(traffic.workers).toBeGreaterThan(0);
  });

  it('payment held back: converting sessions stop at the hand-off, no order is placed, no payment step is sent', async () => {
    const store = new StoreSimulator();
    try {
      const { url } = await store.start();
      const journeys = await Promise.all([loadJourney(path.join(JOURNEYS_DIR, 'demo/native-checkout.yaml')), loadJourney(path.join(JOURNEYS_DIR, 'demo/shop-pay.yaml'))]);
      const plan = planLoad({ config: loadConfig(url, { duration: '1s' }), journeys, paymentsAllowed: false });
      expect(plan.journeys.map((journey) => journey.paymentStepsHeldBack)).toEqual([1, 1]);
      const run = await runLoad({
        target: url,
        journeys: journeys.map((journey) => ({ journey, weight: 1 })),
        stages: plan.stages,
        conversion: 1,
        allowPayment: false,
        requestTimeoutMs: 5_000,
        maxSessionsInFlight: 50,
        signal: new AbortController().signal,
      });
      expect(store.orders).toEqual([]);
      const paths = new Set(store.log.entries.map((entry) => entry.path));
      expect([...paths].filter((sent) => sent.endsWith('/complete'))).toEqual([]);
      expect(paths).toContain('/wallets/shop-pay/checkout');
      for (const journey of run.journeys) {
        expect(journey.started, journey.name).toBeGreaterThan(0);
        expect({ handOff: journey.stoppedAtHandOff, completed: journey.completed, failed: journey.failed }, journey.name).toEqual({ handOff: journey.converting, completed: 0, failed: 0 });
      }
    } finally {
      await store.stop();
    }
  });

  it('interrupted mid-run: a partial artifact, no hammer, and every load rule could-not-check "interrupted", none judged', async () => {
    const { artifact, verdicts } = await gatherFrom({ interruptAfter: 40 });
    expect(artifact.run?.cutOff).toBe('interrupted');
    expect(artifact.hammer).toBeUndefined();
    const load = verdicts.filter((verdict) => verdict.rule !== 'target-authorization');
    const cutShort: Expectation = Object.fromEntries(LOAD_RULES.map((rule) => [rule, rule === 'target-authorization' ? 'pass' : 'error']));
    expect(statusesOf(verdicts, cutShort)).toEqual(cutShort);
    expect(new Set(load.map((verdict) => verdict.cause))).toEqual(new Set(['interrupted: the run was stopped before the load test ended']));
  });
});
