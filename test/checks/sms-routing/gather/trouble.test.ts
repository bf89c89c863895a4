import { describe, expect, it } from 'vitest';
import type { SmsRule } from '../../../../checks/sms-routing/rules.js';
import type { Verdict } from '../../../../src/engine/define-check.js';
import { normalised, statusesOf, UNREACHABLE, UNUSABLE, WEBHOOK_RULES, type Expectation } from '../rules/statuses.js';
import { SEQUENCES_IN_FLIGHT } from '../../../../checks/sms-routing/gather.js';
import { gatherFrom, type WebhookSetup } from './simulated.js';

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
    // Could-not-check names one cause for the one root trouble, and no failure text.
    const errors = judged.filter((verdict) => verdict.status === 'error');
    expect(new Set(errors.map((verdict) => verdict.cause)).size).toBe(errors.length > 0 ? 1 : 0);
    for (const verdict of errors) expect([verdict.found, verdict.fix, verdict.cause?.startsWith('http: ')]).toEqual([undefined, undefined, true]);
  });

  it('a webhook slower than the timeout: the sequences in flight time out, gather gives up after three, and one cause names it', async () => {
    // 2.5 s a reply against a 300 ms timeout from the first request: no stall of a loaded machine can
    // make a reply beat the timeout, so the same requests are lost on every run.
    const { verdicts, artifact } = await gatherFrom({ simulator: { latencyMs: 2500 }, config: { timeoutMs: 300 } });
    const exchanges = artifact.sequences.flatMap((sequence) => sequence.exchanges);
    const timedOut = exchanges.filter((exchange) => exchange.error === 'no reply within 300 ms');
    // Every sequence in flight at the start times out; a lane may send once more before the third
    // timeout stops them all, and at that moment at most the other lanes' requests are still out.
    expect(timedOut.length).toBeGreaterThanOrEqual(SEQUENCES_IN_FLIGHT);
    expect(timedOut.length).toBeLessThanOrEqual(2 + SEQUENCES_IN_FLIGHT);
    expect(exchanges.length - timedOut.length).toBe(exchanges.filter((exchange) => exchange.error === 'not sent: the webhook gave no reply within 300 ms 3 times in a row').length);
    expect(artifact.burst.arrivals).toEqual([]);
    const wanted: Expectation = { ...UNREACHABLE, 'reply-latency': 'fail' };
    expect(statusesOf(verdicts, wanted)).toEqual(wanted);
    const causes = new Set(webhookVerdicts(verdicts).filter((verdict) => verdict.status === 'error').map((verdict) => verdict.cause));
    expect([...causes]).toEqual([`http: ${new URL(artifact.webhook).host} did not answer within 0.3 s`]);
  });

  it('stopped by its time limit, it returns what finished: completed sequences and the campaign rules judged, only what was cut off is could-not-check with a timeout cause', async () => {
    const campaigns = [{ name: 'doors open', sendAt: '2026-11-27T10:00:00-05:00', recipients: 1_000, audienceTimezones: ['America/New_York'] }];
    const { verdicts, artifact } = await gatherFrom({ timeLimitAfter: 60, config: { campaigns, throughput: { kind: 'short-code' } } });
    const exchanges = artifact.sequences.flatMap((sequence) => sequence.exchanges);
    // 60 answered, less the three forgeries refused and the replies in flight when the limit struck.
    expect(exchanges.filter((exchange) => exchange.status === 200).length).toBeGreaterThanOrEqual(60 - 3 - SEQUENCES_IN_FLIGHT);
    expect(exchanges.filter((exchange) => exchange.cutOff === 'timeout').length).toBeGreaterThan(0);
    expect(artifact.burst).toMatchObject({ arrivals: [], cutOff: 'timeout' });
    expect(statusesOf(verdicts, { 'quiet-hours': 'pass', 'throughput-plan': 'pass', 'burst-latency': 'error' })).toEqual({ 'quiet-hours': 'pass', 'throughput-plan': 'pass', 'burst-latency': 'error' });
    // The first sequences to run (the longest, forgery and the three-step ones) finished and are judged.
    expect(statusesOf(verdicts, { 'signature-enforced': 'pass', 'opt-out-keywords': { STOP: 'pass' } })).toEqual({ 'signature-enforced': 'pass', 'opt-out-keywords': { STOP: 'pass' } });
    const errors = verdicts.filter((verdict) => verdict.status === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(errors.map((verdict) => verdict.cause))).toEqual(new Set(["timeout: the check's time limit stopped it before the webhook answered"]));
  });

  it('tells the spinner how many messages went out and logs each exchange for --debug, without a secret', async () => {
    const progress: string[] = [];
    const debug: string[] = [];
    const { artifact, config } = await gatherFrom({ progress: (text) => progress.push(text), debug: (line) => debug.push(line), config: { webhook: 'http://user:pw@127.0.0.1:1/sms?token=abc' } });
    const total = artifact.sequences.flatMap((sequence) => sequence.exchanges).length + config.burst.messages;
    expect(progress.at(-1)).toBe(`${total}/${total} messages`);
    expect(progress).toHaveLength(total);
    expect(debug).toHaveLength(total);
    for (const line of debug) expect(line).toMatch(/^sms-routing: POST http:\/\/127\.0\.0\.1:1\/sms → ECONNREFUSED after \d+ ms$/);
    expect(debug.join('\n')).not.toMatch(/pw|token|abc|AUTH|sms-routing-test-token/);
  });
});
