import { describe, expect, it } from 'vitest';
import { SEQUENCES_IN_FLIGHT } from '../../../../checks/sms-routing/gather.js';
import { planSequences } from '../../../../checks/sms-routing/gather/sequences.js';
import { entriesFor } from '../../../../checks/sms-routing/keywords/index.js';
import type { SmsSimulator } from '../../../../src/simulators/sms/index.js';
import { COMPLIANT, normalised, statusesOf, type Expectation } from '../rules/statuses.js';
import { CANADIAN_NUMBER, gatherFrom, type WebhookSetup } from './simulated.js';

/**
 * The check's real gather posting over loopback HTTP to the webhook simulator, one defect switched on
 * at a time: the rule meant to catch it fails (or warns, where the rule grades it so) and every other
 * webhook rule keeps the status a compliant store gets.
 *
 * Every sequence texts from a shopper number of its own, so no defect leaks into another rule's
 * evidence (ignoreStart used to leave the number opted out for the sequences after it).
 *
 * - Keyword reply latency is judged at the 95th percentile of ~390 sequential replies: a live warn
 *   would need 20 replies over 2 s (40 s of waiting), so the rule table judges it from the recordings,
 *   and trouble.test.ts fails it live with replies lost past the timeout.
 */

interface Defect {
  name: string;
  setup: WebhookSetup;
  /** The statuses that differ from a compliant store's. */
  caughtBy: Expectation;
}

const DEFECTS: Defect[] = [
  {
    name: 'caseSensitiveStop: only the exact "STOP" opts out; must entries fail, should entries warn',
    setup: { simulator: { caseSensitiveStop: true } },
    caughtBy: { 'opt-out-keywords': Object.fromEntries(entriesFor('opt-out').map((entry) => [entry.text, entry.grade === 'must' ? 'fail' : 'warn'])) },
  },
  { name: 'doubleConfirmation: repeats and replays are confirmed again', setup: { simulator: { doubleConfirmation: true } }, caughtBy: { 'opt-out-confirmation': 'fail' } },
  { name: 'helpWithoutBrand: HELP does not name the brand', setup: { simulator: { helpWithoutBrand: true } }, caughtBy: { 'help-content': 'fail' } },
  { name: 'acceptUnsigned: forged requests are served', setup: { simulator: { acceptUnsigned: true } }, caughtBy: { 'signature-enforced': 'fail' } },
  {
    name: 'ignoreStart: START, YES and UNSTOP do nothing; only opt-in-keywords notices',
    setup: { simulator: { ignoreStart: true } },
    caughtBy: { 'opt-in-keywords': 'fail' },
  },
  // The burst defects are switched on as the burst begins: the ~390 sequential keyword messages stay fast.
  { name: 'capacityPerSecond: one worker at 5 a second under a 40-a-second burst', setup: { later: { at: 'burst', faults: { capacityPerSecond: 5 } } }, caughtBy: { 'burst-latency': 'fail' } },
  { name: 'latencyMs: 2.5 s a reply during the burst, against its 2 s budget', setup: { later: { at: 'burst', faults: { latencyMs: 2500 } } }, caughtBy: { 'burst-latency': 'fail' } },
  {
    // 100 ms a reply at 25 ms spacing keeps several burst messages in flight; slowUnderBurst adds 2.5 s to each arriving while another is.
    name: 'slowUnderBurst: 2.5 s more while more than one request is in flight',
    setup: { later: { at: 'burst', faults: { latencyMs: 100, slowUnderBurst: { afterConcurrent: 1, delayMs: 2500 } } } },
    caughtBy: { 'burst-latency': 'fail' },
  },
];

/** Situations a compliant store is in: none of them may be mistaken for a defect. */
const COMPLIANT_SETUPS: { name: string; setup: WebhookSetup; expect?: Expectation }[] = [
  { name: 'a compliant webhook', setup: {} },
  {
    name: 'provider-handled opt-out: the webhook records the change and stays silent, HELP included (Twilio answers it)',
    setup: { simulator: { optOutHandledBy: 'provider' } },
    expect: { ...COMPLIANT, 'help-content': 'skip' },
  },
  { name: 'a Canadian test number: ARRET and AIDE answered in French', setup: { config: { testNumber: CANADIAN_NUMBER } } },
  { name: 'the control for slowUnderBurst: 100 ms a reply during the burst alone', setup: { later: { at: 'burst', faults: { latencyMs: 100 } } } },
];

describe('sms-routing gather against the webhook simulator', () => {
  it.each(COMPLIANT_SETUPS)('$name passes every webhook rule', async ({ setup, expect: wanted = COMPLIANT }) => {
    const { verdicts } = await gatherFrom(setup);
    expect(statusesOf(verdicts, wanted)).toEqual(wanted);
  });

  it.each(DEFECTS)('$name', async ({ setup, caughtBy }) => {
    const { verdicts } = await gatherFrom(setup);
    const wanted = normalised({ ...COMPLIANT, ...caughtBy });
    expect(statusesOf(verdicts, wanted)).toEqual(wanted);
  });

  it('sends the whole plan as Twilio would: each sequence in order from its own number, at most 4 at once, every request signed except the forgeries, the burst after the sequences', async () => {
    const plan = planSequences(false);
    const steps = plan.flatMap((sequence) => sequence.steps);
    let mostInFlight = 0;
    // The burst is a load on purpose; the keyword sequences come before it.
    const watch = (simulator: SmsSimulator) => {
      if (simulator.log.count() <= steps.length) mostInFlight = Math.max(mostInFlight, simulator.inFlight);
    };
    // 20 ms a reply keeps the sequences' requests overlapping, so the limit is actually met.
    const { artifact, requests, config } = await gatherFrom({ watch, simulator: { latencyMs: 20 } });
    expect(requests).toHaveLength(steps.length + config.burst.messages);
    const keywordRequests = requests.slice(0, steps.length);
    const senders = [...new Set(keywordRequests.map((request) => request.from))];
    expect(senders).toHaveLength(plan.length);
    expect(senders).not.toContain(config.testNumber);
    const bySender = senders.map((from) => keywordRequests.filter((request) => request.from === from).map((request) => request.body));
    expect(new Set(bySender.map((bodies) => JSON.stringify(bodies)))).toEqual(new Set(plan.map((sequence) => JSON.stringify(sequence.steps.map((step) => step.body)))));
    expect(mostInFlight).toBeGreaterThan(1);
    expect(mostInFlight).toBeLessThanOrEqual(SEQUENCES_IN_FLIGHT);
    expect(requests.slice(steps.length).every((request) => request.from === config.testNumber)).toBe(true);
    expect(requests.filter((request) => request.signature !== 'valid').map((request) => [request.signature, request.status])).toEqual([
      ['missing', 403],
      ['invalid', 403],
      ['invalid', 403],
    ]);
    expect(artifact.sequences.map((sequence) => sequence.keyword)).toEqual(plan.map((sequence) => sequence.keyword));
    expect(artifact.burst.arrivals.every((arrival) => arrival.status === 200)).toBe(true);
  });

  it('in provider mode, carries OptOutType on the keywords Twilio handles, as Advanced Opt-Out does', async () => {
    const { requests } = await gatherFrom({ simulator: { optOutHandledBy: 'provider' } });
    const typeOf = (body: string) => new Set(requests.filter((request) => request.body === body).map((request) => request.optOutType));
    expect(typeOf('STOP')).toEqual(new Set(['STOP']));
    expect(typeOf('UNSUBSCRIBE')).toEqual(new Set(['STOP']));
    expect(typeOf('HELP')).toEqual(new Set(['HELP']));
    expect(typeOf('START')).toEqual(new Set(['START']));
    expect(typeOf('Stop texting me')).toEqual(new Set([undefined]));
  });

  it('judges a forged STOP by what it did: served and acted on', async () => {
    const { verdicts, requests } = await gatherFrom({ simulator: { acceptUnsigned: true } });
    expect(requests.filter((request) => request.signature !== 'valid').map((request) => request.status)).toEqual([200, 200, 200]);
    const [verdict] = verdicts.filter((candidate) => candidate.rule === 'signature-enforced');
    expect(verdict?.message).toMatch(/^The webhook accepts forged requests: an unsigned STOP got "Acme Outdoor: You are unsubscribed/);
  });
});
