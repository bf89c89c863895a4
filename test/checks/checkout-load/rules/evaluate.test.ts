import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../../checks/checkout-load/evaluate.js';
import type { CheckoutLoadRule } from '../../../../checks/checkout-load/rules.js';
import type { Verdict, VerdictStatus } from '../../../../src/engine/define-check.js';
import { normalised, statusesOf } from '../../../helpers/verdict-statuses.js';
import { evaluateContext } from '../gather/simulated.js';
import { CASES, type RecordedCase } from './cases.js';
import { ARTIFACTS, readArtifact, recordedSection } from './recording.js';
import { LOAD_RULES } from './statuses.js';

const judge = (recorded: RecordedCase): Verdict<CheckoutLoadRule>[] =>
  evaluate(readArtifact(recorded.name), recordedSection(recorded), evaluateContext);

const byName = (name: string): RecordedCase => {
  const found = CASES.find((recorded) => recorded.name === name);
  if (!found) throw new Error(`no case ${name}`);
  return found;
};

const verdictOf = (name: string, rule: CheckoutLoadRule, subject?: string): Verdict<CheckoutLoadRule> => {
  const found = judge(byName(name)).find((verdict) => verdict.rule === rule && (subject === undefined || verdict.subject === subject));
  if (!found) throw new Error(`${name} has no ${rule} verdict`);
  return found;
};

/** Every status a rule takes over all the recordings. */
const statusesAcross = (rule: CheckoutLoadRule): Set<VerdictStatus> => new Set(CASES.flatMap((recorded) => judge(recorded).filter((verdict) => verdict.rule === rule).map((verdict) => verdict.status)));

describe('checkout-load rules judged from the recordings', () => {
  it.each(CASES.map((recorded) => [recorded.name, recorded] as const))('%s: every rule as the case says', (_name, recorded) => {
    expect(statusesOf(judge(recorded), normalised(recorded.expect)), recorded.says).toEqual(normalised(recorded.expect));
  });

  it.each(LOAD_RULES.map((rule) => [rule]))('%s has a pass and a fail case among the recordings', (rule) => {
    expect([...statusesAcross(rule)]).toEqual(expect.arrayContaining(['pass', 'fail']));
  });

  it('no recording was made by a load generator that fell behind (it could not judge the store)', () => {
    for (const recorded of CASES) expect(readArtifact(recorded.name).run?.generator.behind ?? false, recorded.name).toBe(false);
  });

  it('every case has its recording, and every recording its case', () => {
    const files = readdirSync(ARTIFACTS).filter((file) => file.endsWith('.json')).map((file) => file.replace(/\.json$/, ''));
    expect(files.sort()).toEqual(CASES.map((recorded) => recorded.name).sort());
  });

  it('a slow discount: the slowest step named is a cart mutation, at the delay switched on', () => {
    const verdict = verdictOf('slow-discount', 'latency', 'journey cart-edit');
    expect(verdict.message).toMatch(/^Journey cart-edit is too slow at peak rate: 4 of 8 steps are over the thresholds; the slowest is (add jacket [ML]|change quantity|update quantities) \(POST \/cart\/[a-z]+\.js\) at p50 1,5\d\d ms/);
  });

  it('a store that died: error-rate and throughput say the second it stopped answering', () => {
    expect(verdictOf('dies', 'throughput').message).toMatch(/^The store stopped keeping up: the store stopped answering 2 s into the run/);
    expect(verdictOf('dies', 'error-rate', 'journey native').message).toMatch(/mostly connection refused — the store stopped answering 2 s into the run\.$/);
    expect(verdictOf('dies', 'error-rate', 'hammer').message).toMatch(/mostly connection refused\.$/);
  });

  it('sessions that pile up: the steady stage drops arrivals, with no request timed out', () => {
    const verdict = verdictOf('sessions-pile-up', 'throughput');
    expect(verdict.message).toMatch(/^Stage 4 started \d+(\.\d)?% of its planned sessions \(\d+ dropped\): the store fell behind the arrival rate\.$/);
    expect(verdictOf('sessions-pile-up', 'error-rate', 'journey cart-edit').status).toBe('pass');
    expect(readArtifact('sessions-pile-up').run?.steps.every((step) => step.timeouts === 0)).toBe(true);
  });

  it.each([
    ['throttle-in-200', /beginning 1 s into the run at [a-z ]+ \(journey (native|shop-pay|cart-edit)\) with a 200 whose body says THROTTLED\.$/],
    ['retry-after-503', /beginning 1 s into the run at [a-z ]+ \(journey (native|shop-pay|cart-edit)\) with 503 with Retry-After and Retry-After 2 s\.$/],
  ])('%s: the form, the step and the time the throttling began', (name, says) => {
    expect(verdictOf(name, 'throttling').message).toMatch(says);
  });

  it.each([
    ['line-key-churn', /line keys changed under the shopper \d+ times \(e\.g\. journey "(native|cart-edit)", step "change quantity"/],
    ['burst-422', /the cart was stale after a 422 \d+ times/],
    ['cookie-without-key', /the cart cookie came without its \?key= \d+ times/],
  ])('%s: cart-consistency names the defect with an example', (name, says) => {
    expect(verdictOf(name, 'cart-consistency').message).toMatch(says);
  });

  it('a refused target: nothing gathered but the decision, and its reason', () => {
    expect(readArtifact('refused')).toEqual({ target: expect.objectContaining({ host: 'shop.acme.example', allowed: false }) });
    expect(verdictOf('refused', 'target-authorization').message).toBe('Refused before any DNS lookup or request: shop.acme.example is not loopback and the profile gives no authorization.');
  });

  it('connection close and close-delimited answers: no request lost by the journeys or the hammer', () => {
    for (const name of ['connection-close', 'close-delimited']) {
      const { run, hammer } = readArtifact(name);
      expect(hammer?.unanswered, name).toBe(0);
      expect(run?.steps.every((step) => step.timeouts === 0 && Object.keys(step.transportErrors).length === 0), name).toBe(true);
      expect(run?.journeys.every((journey) => journey.failed === 0 && journey.completed === journey.started), name).toBe(true);
    }
  });

  it('the clean race: 20 shoppers at the barrier, the five doorbusters sold, none beyond the stock', () => {
    const race = readArtifact('clean').race;
    expect(race).toMatchObject({ journey: 'doorbuster', shoppers: 20, atBarrier: 20 });
    expect(race?.steps.find((step) => step.step === 'wallet pay')?.statuses).toEqual({ '200': 5, '409': 15 });
    expect(verdictOf('clean', 'oversold-stock', 'variant 40101').message).toBe('Variant 40101: 5 units sold from 5, none beyond the stock.');
    expect(verdictOf('clean', 'duplicate-orders').message).toMatch(/^Each of \d+ completed checkouts has exactly one order\.$/);
  });

  it('oversell: the doorbuster named, sold past its stock, the inventory below zero', () => {
    expect(verdictOf('oversell', 'oversold-stock', 'variant 40101').message).toMatch(/^Variant 40101 was oversold by 1\d: 2\d units sold from 5 in stock, inventory at -1\d\.$/);
  });

  it.each([
    ['duplicate-orders', /^\d+ checkouts have more than one order \(e\.g\. 0001…: 2 orders\)\.$/],
    ['lost-orders', /^\d+ completed checkouts have no order \(lost; e\.g\. journey (native|shop-pay), 0001…\)\.$/],
  ])('%s: duplicate-orders says what is wrong with an example checkout, masked', (name, says) => {
    expect(verdictOf(name, 'duplicate-orders').message).toMatch(says);
  });

  it('event loss on the wallet: the share of its checkouts that sent no event, the native journey whole', () => {
    expect(verdictOf('event-loss', 'attribution-events', 'journey shop-pay').message).toMatch(/^Journey shop-pay: \d+ of \d+ completed checkouts \(\d+(\.\d)?%\) sent no checkout_completed event\.$/);
    expect(verdictOf('event-loss', 'attribution-events', 'journey native').message).toMatch(/^Journey native: every one of \d+ completed checkouts sent one checkout_completed event\.$/);
  });

  it('duplicate events: named for each journey', () => {
    for (const journey of ['native', 'shop-pay']) expect(verdictOf('duplicate-events', 'attribution-events', `journey ${journey}`).message).toMatch(/\d+ events were sent twice\.$/);
  });

  it.each([
    ['admin-down', 'oversold-stock', /^http: 127\.0\.0\.1:8080: .*401/],
    ['admin-down', 'duplicate-orders', /^http: 127\.0\.0\.1:8080: .*401/],
    ['collector-port-in-use', 'attribution-events', /^network: 127\.0\.0\.1:9411 is in use$/],
  ] as const)('%s: %s could not check, with its cause', (name, rule, cause) => {
    const verdict = verdictOf(name, rule);
    expect(verdict.status).toBe('error');
    expect(verdict.cause).toMatch(cause);
  });

  it('returns verdicts that survive JSON unchanged', () => {
    for (const recorded of CASES) {
      const verdicts = judge(recorded);
      expect(JSON.parse(JSON.stringify(verdicts))).toEqual(verdicts);
    }
  });
});
