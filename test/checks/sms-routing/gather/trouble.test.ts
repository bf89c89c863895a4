import { describe, expect, it } from 'vitest';
import type { SmsRule } from '../../../../checks/sms-routing/rules.js';
import type { Verdict } from '../../../../src/engine/define-check.js';
import { normalised, statusesOf, UNREACHABLE, UNUSABLE, WEBHOOK_RULES, type Expectation } from '../rules/statuses.js';
import { gatherFrom, requestsBefore, type WebhookSetup } from './simulated.js';

/**
 * A webhook in trouble: gather still finishes, and every rule that met the trouble says error or fail,
 * never pass. A webhook that cannot be asked gets "could not check" (error) from every rule; one that
 * answers what Twilio cannot use (HTML, 5xx) fails the keyword rules, and the rules that need a usable
 * answer to judge anything say error.
 */

const webhookVerdicts = (verdicts: Verdict<SmsRule>[]): Verdict<SmsRule>[] => verdicts.filter((verdict) => (WEBHOOK_RULES as readonly string[]).includes(verdict.rule));

const TROUBLE: { name: string; setup: WebhookSetup; expect: Expectation; says: RegExp }[] = [
  { name: 'every connection reset (down)', setup: { simulator: { down: true } }, expect: UNREACHABLE, says: /ECONNRESET/ },
  { name: 'nothing listening on the port', setup: { closedPort: true }, expect: UNREACHABLE, says: /ECONNREFUSED/ },
  { name: 'an HTML page instead of TwiML', setup: { simulator: { htmlReplies: true } }, expect: UNUSABLE, says: /not TwiML \(the reply is an HTML page/ },
  { name: 'every request answered 500', setup: { simulator: { serverError: true } }, expect: UNUSABLE, says: /HTTP 500/ },
];

describe('sms-routing gather against a webhook in trouble', () => {
  it.each(TROUBLE)('$name: no pass, and the findings say what came back', async ({ setup, expect: wanted, says }) => {
    const { verdicts, artifact, config } = await gatherFrom(setup);
    expect(artifact.burst.arrivals).toHaveLength(config.burst.messages);
    expect(statusesOf(verdicts, normalised(wanted))).toEqual(normalised(wanted));
    const judged = webhookVerdicts(verdicts);
    expect(judged.filter((verdict) => verdict.status === 'pass')).toEqual([]);
    for (const verdict of judged.filter((candidate) => candidate.status === 'error')) expect(verdict.message, verdict.rule).toMatch(/could not (be )?check/i);
    expect(judged.filter((verdict) => says.test(verdict.message)).length).toBeGreaterThan(0);
  });

  it('a webhook slower than the timeout: gather stops after three timeouts in a row, the rules that met it say error or fail', async () => {
    // 2.5 s a reply against a 300 ms timeout, switched on for the last opt-out sequence and everything
    // after it (repeat, help, opt-in, forgery, burst): each kind of sequence meets it, and the wait is
    // three timeouts, after which gather sends nothing more.
    const { verdicts, artifact, requests } = await gatherFrom({ later: { at: 'last-opt-out', faults: { latencyMs: 2500 } }, config: { timeoutMs: 300 } });
    expect(requests).toHaveLength(requestsBefore('last-opt-out', false));
    const last = artifact.sequences.findLastIndex((sequence) => sequence.kind === 'opt-out');
    const lost = artifact.sequences.slice(last).flatMap((sequence) => sequence.exchanges);
    // Three timeouts in a row, then nothing more is sent: a dead webhook cannot hold the run for hours.
    expect(lost.slice(0, 3).every((exchange) => exchange.error === 'no reply within 300 ms' && exchange.status === undefined)).toBe(true);
    expect(lost.slice(3).every((exchange) => exchange.error === 'not sent: the webhook gave no reply 3 times in a row')).toBe(true);
    expect(artifact.burst.arrivals).toEqual([]);
    const lastEntry = artifact.sequences[last]?.entry ?? '';
    const wanted: Expectation = {
      'opt-out-keywords': { [lastEntry]: 'error' },
      'opt-out-confirmation': 'error',
      // HELP after plain STOP was answered before the webhook slowed down.
      'help-content': { 'HELP after STOP': 'pass', HELP: 'error', INFO: 'error' },
      'opt-in-keywords': 'error',
      'signature-enforced': 'error',
      'reply-latency': 'fail',
      'burst-latency': 'error',
    };
    expect(statusesOf(verdicts, wanted)).toEqual(wanted);
    // The opt-out entries answered before the switch are judged as usual.
    const earlier = webhookVerdicts(verdicts).filter((verdict) => verdict.rule === 'opt-out-keywords' && verdict.subject !== lastEntry);
    expect(new Set(earlier.map((verdict) => verdict.status))).toEqual(new Set(['pass']));
  });
});
