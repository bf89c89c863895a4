import { describe, expect, it } from 'vitest';
import { planSequences } from '../../../../checks/sms-routing/gather/sequences.js';
import { entriesFor } from '../../../../checks/sms-routing/keywords/index.js';
import { COMPLIANT, normalised, statusesOf, type Expectation } from '../rules/statuses.js';
import { CANADIAN_NUMBER, gatherFrom, type WebhookSetup } from './simulated.js';

/**
 * The check's real gather posting over loopback HTTP to the webhook simulator, one defect switched on
 * at a time: the rule meant to catch it fails (or warns, where the rule grades it so) and every other
 * webhook rule keeps the status a compliant store gets.
 *
 * Coupling, where one behaviour legitimately feeds several rules:
 * - ignoreStart: every sequence ends with START so the next starts subscribed. When START does nothing,
 *   the number stays opted out, so what the next opt-out, repeat and forgery sequences show cannot be
 *   told apart from the defects they look for: those three rules warn "could not be judged (see
 *   opt-in-keywords)" rather than fail.
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
    name: 'ignoreStart: START, YES and UNSTOP do nothing (see the coupling above)',
    setup: { simulator: { ignoreStart: true } },
    caughtBy: { 'opt-in-keywords': 'fail', 'opt-out-keywords': 'warn', 'opt-out-confirmation': 'warn', 'signature-enforced': 'warn' },
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
const COMPLIANT_SETUPS: { name: string; setup: WebhookSetup }[] = [
  { name: 'a compliant webhook', setup: {} },
  { name: 'provider-handled opt-out: the webhook records the change and stays silent', setup: { simulator: { optOutHandledBy: 'provider' } } },
  { name: 'a Canadian test number: ARRET and AIDE answered in French', setup: { config: { testNumber: CANADIAN_NUMBER } } },
  { name: 'the control for slowUnderBurst: 100 ms a reply during the burst alone', setup: { later: { at: 'burst', faults: { latencyMs: 100 } } } },
];

describe('sms-routing gather against the webhook simulator', () => {
  it.each(COMPLIANT_SETUPS)('$name passes every webhook rule', async ({ setup }) => {
    const { verdicts } = await gatherFrom(setup);
    expect(statusesOf(verdicts, COMPLIANT)).toEqual(COMPLIANT);
  });

  it.each(DEFECTS)('$name', async ({ setup, caughtBy }) => {
    const { verdicts } = await gatherFrom(setup);
    const wanted = normalised({ ...COMPLIANT, ...caughtBy });
    expect(statusesOf(verdicts, wanted)).toEqual(wanted);
  });

  it('sends the whole plan as Twilio would: every request signed except the forgeries, the burst after the sequences', async () => {
    const { artifact, requests, config } = await gatherFrom();
    const plan = planSequences(false);
    const steps = plan.flatMap((sequence) => sequence.steps);
    expect(requests).toHaveLength(steps.length + config.burst.messages);
    expect(requests.map((request) => request.body)).toEqual([...steps.map((step) => step.body), ...Array.from({ length: config.burst.messages }, () => expect.any(String))]);
    expect(requests.filter((request) => request.signature !== 'valid').map((request) => [request.signature, request.status])).toEqual([
      ['missing', 403],
      ['invalid', 403],
      ['invalid', 403],
    ]);
    expect(artifact.sequences.map((sequence) => sequence.keyword)).toEqual(plan.map((sequence) => sequence.keyword));
    expect(artifact.burst.arrivals.every((arrival) => arrival.status === 200)).toBe(true);
  });

  it('judges a forged STOP by what it did: served and acted on', async () => {
    const { verdicts, requests } = await gatherFrom({ simulator: { acceptUnsigned: true } });
    expect(requests.filter((request) => request.signature !== 'valid').map((request) => request.status)).toEqual([200, 200, 200]);
    const [verdict] = verdicts.filter((candidate) => candidate.rule === 'signature-enforced');
    expect(verdict?.message).toMatch(/^The webhook accepts forged requests: an unsigned STOP got "Acme Outdoor: You are unsubscribed/);
  });
});
