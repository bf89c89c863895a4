import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planLoad } from '../../../../checks/checkout-load/plan.js';
import { loadJourney } from '../../../../src/journey/load.js';
import { runLoad } from '../../../../src/load/index.js';
import { StoreSimulator } from '../../../../src/simulators/store/index.js';
import { statusesOf } from '../../../helpers/verdict-statuses.js';
import { gatherFrom, JOURNEYS_DIR, loadConfig } from './simulated.js';

describe('checkout-load safety, against the storefront simulator', () => {
  it('a target that is not loopback, without authorization, is refused before any DNS question, file read or request', async () => {
    // Journey files that do not exist: had gather gone on to read them, the artifact would name the problem.
    const missing = [{ name: 'native', file: 'no/such-journey.yaml' }];
    const { artifact, dnsQuestions, requests } = await gatherFrom({ target: 'http://shop.acme.example', config: { journeys: missing } });
    expect(artifact).toEqual({ target: expect.objectContaining({ host: 'shop.acme.example', allowed: false, loopback: false }) });
    expect({ dnsQuestions, storeRequests: requests.length }).toEqual({ dnsQuestions: 0, storeRequests: 0 });
  });

  it('the same profile aimed at loopback goes on: it reads the journeys (the control of the test above)', async () => {
    const { artifact } = await gatherFrom({ config: { journeys: [{ name: 'native', file: 'no/such-journey.yaml' }] } });
    expect(artifact.problem).toMatch(/^file: .*no\/such-journey\.yaml/);
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
    const expected = { 'target-authorization': 'pass', throughput: 'error', latency: 'error', 'error-rate': 'error', throttling: 'error', 'cart-consistency': 'error' } as const;
    expect(statusesOf(verdicts, expected)).toEqual(expected);
    // The rules the profile did not ask for (no verify, no attribution) say so rather than "interrupted".
    expect(load.filter((verdict) => verdict.status === 'skip').map((verdict) => verdict.rule).sort()).toEqual(['attribution-events', 'duplicate-orders', 'oversold-stock']);
    expect(new Set(load.filter((verdict) => verdict.status === 'error').map((verdict) => verdict.cause))).toEqual(new Set(['interrupted: the run was stopped before the load test ended']));
  });
});
