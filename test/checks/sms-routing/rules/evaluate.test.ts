import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SequenceSeen, SmsRoutingArtifact } from '../../../../checks/sms-routing/artifact.js';
import { evaluate } from '../../../../checks/sms-routing/evaluate.js';
import { entriesFor } from '../../../../checks/sms-routing/keywords/index.js';
import type { SmsRule } from '../../../../checks/sms-routing/rules.js';
import type { Verdict, VerdictStatus } from '../../../../src/engine/define-check.js';
import { evaluateContext, setupConfig, type ConfigInput } from '../gather/simulated.js';
import { CASES, type RecordedCase } from './cases.js';
import { ARTIFACTS, readArtifact } from './recording.js';
import { COMPLIANT, normalised, statusesOf, UNREACHABLE, UNUSABLE, WEBHOOK_RULES, type Expectation } from './statuses.js';

/**
 * A recording changed in memory, for what neither the simulator nor loopback can produce; each says
 * what it stands for. Everything else in the tables is judged exactly as recorded.
 */
type Variant = (artifact: SmsRoutingArtifact) => SmsRoutingArtifact;

const mapSequences = (artifact: SmsRoutingArtifact, change: (sequence: SequenceSeen) => SequenceSeen): SmsRoutingArtifact => ({ ...artifact, sequences: artifact.sequences.map(change) });

/** The same exchanges posted to another address: loopback is all a recording can reach. */
const postedTo =
  (webhook: string): Variant =>
  (artifact) => ({ ...artifact, webhook });

/** Every keyword reply taking `ms`: a real recording at 2.5 s a reply would take 16 minutes. */
const repliesTaking =
  (ms: number): Variant =>
  (artifact) =>
    mapSequences(artifact, (sequence) => ({ ...sequence, exchanges: sequence.exchanges.map((exchange) => ({ ...exchange, latencyMs: ms })) }));

/** A store answering AIDE with its English HELP text: the simulator always answers French keywords in French. */
const aideInEnglish: Variant = (artifact) => {
  const english = artifact.sequences.find((sequence) => sequence.kind === 'help' && sequence.keyword === 'HELP')?.exchanges[0];
  if (!english) throw new Error('the recording has no HELP exchange');
  return mapSequences(artifact, (sequence) => (sequence.keyword === 'AIDE' ? { ...sequence, exchanges: [{ ...english, body: 'AIDE' }] } : sequence));
};

/** A store welcoming a repeated START again: the simulator confirms a re-subscribe once only. */
const welcomeTwice: Variant = (artifact) =>
  mapSequences(artifact, (sequence) => {
    const [stop, first, again] = sequence.exchanges;
    return sequence.kind === 'opt-in' && stop && first && again ? { ...sequence, exchanges: [stop, first, { ...first, body: again.body }] } : sequence;
  });

type Case = { name: string; artifact: string; config?: ConfigInput; variant?: Variant; expect: Expectation };

const NO_CAMPAIGNS: Expectation = { 'quiet-hours': 'skip', 'throughput-plan': 'skip' };

const cases: Case[] = [
  { name: 'a compliant store passes every webhook rule; no campaigns to judge', artifact: 'compliant', expect: { ...COMPLIANT, ...NO_CAMPAIGNS } },

  // opt-out-keywords
  {
    name: 'a case-sensitive matcher: must entries fail, should entries (emoji, typos, other languages) only warn',
    artifact: 'case-sensitive-stop',
    expect: { ...COMPLIANT, 'opt-out-keywords': { STOP: 'fail', UNSUBSCRIBE: 'fail', 'Stop texting me': 'fail', '🛑': 'warn', STPO: 'warn', ARRET: 'warn', 'ＳＴＯＰ': 'warn' } },
  },
  { name: 'the same matcher on a Canadian number: ARRET is a must there', artifact: 'canadian-defects', expect: { 'opt-out-keywords': { ARRET: 'fail', 'ARRÊT': 'warn', ALTO: 'warn', STOP: 'fail' } } },
  {
    name: 'provider mode: a silent webhook honours every opt-out; HELP is left to Twilio, whose reply cannot be seen',
    artifact: 'provider',
    expect: { ...COMPLIANT, 'help-content': { HELP: 'skip', INFO: 'skip', 'HELP after STOP': 'skip' } },
  },
  {
    name: "provider mode: help.providerReply, the reply configured at Twilio, is judged",
    artifact: 'provider',
    config: { help: { providerReply: 'Acme Outdoor: help at help@acme.example. Msg frequency varies. Msg & data rates may apply. Reply STOP to cancel.' } },
    expect: { ...COMPLIANT, 'help-content': 'pass' },
  },
  {
    name: 'provider mode: a help.providerReply without the brand fails',
    artifact: 'provider',
    config: { help: { providerReply: 'Reply STOP to unsubscribe. Msg&Data Rates May Apply.' } },
    expect: { ...COMPLIANT, 'help-content': 'fail' },
  },
  {
    name: 'provider mode on a webhook that confirms itself: the shopper gets two confirmations',
    artifact: 'compliant',
    config: { optOutHandledBy: 'provider' },
    expect: { ...COMPLIANT, 'opt-out-keywords': ['fail', 'warn'], 'opt-out-confirmation': 'fail', 'opt-in-keywords': 'fail' },
  },
  {
    name: 'app mode on a webhook that leaves confirmations (and HELP) to the provider: every confirmation rule fails, forgeries are still refused',
    artifact: 'provider',
    config: { optOutHandledBy: 'app' },
    expect: { 'opt-out-keywords': ['fail', 'warn'], 'opt-out-confirmation': 'fail', 'opt-in-keywords': 'fail', 'signature-enforced': 'pass', 'help-content': 'fail' },
  },

  // opt-out-confirmation
  { name: 'a second STOP and a replayed MessageSid are confirmed again', artifact: 'double-confirmation', expect: { ...COMPLIANT, 'opt-out-confirmation': 'fail' } },

  // help-content
  { name: 'the HELP reply leaves out the brand', artifact: 'help-without-brand', expect: { ...COMPLIANT, 'help-content': { HELP: 'fail', INFO: 'fail' } } },
  { name: 'the profile requires wording the reply has', artifact: 'compliant', config: { help: { mustInclude: ['help@acme.example', 'Msg & data rates may apply'] } }, expect: { 'help-content': 'pass' } },
  { name: 'the profile requires wording the reply lacks', artifact: 'compliant', config: { help: { mustInclude: ['1-800-555-0199'] } }, expect: { 'help-content': 'fail' } },
  { name: 'a Canadian number: AIDE is answered in French, AYUDA in English', artifact: 'canadian', expect: { ...COMPLIANT, 'help-content': { HELP: 'pass', INFO: 'pass', AIDE: 'pass', AYUDA: 'pass' } } },
  { name: 'a Canadian number: AIDE answered in English', artifact: 'canadian', variant: aideInEnglish, expect: { 'help-content': { HELP: 'pass', AIDE: 'fail' } } },
  { name: 'no brand on a Canadian number: AIDE (must there) fails, AYUDA (should) warns', artifact: 'canadian-defects', expect: { 'help-content': { HELP: 'fail', INFO: 'fail', AIDE: 'fail', AYUDA: 'warn' } } },
  { name: "HELP names the store's own number: masked in the artifact, still a contact", artifact: 'contact-store-number', expect: COMPLIANT },

  // opt-in-keywords
  {
    name: 'START is ignored: opt-in fails, and every other rule still passes (each sequence has its own number)',
    artifact: 'ignore-start',
    expect: { ...COMPLIANT, 'opt-in-keywords': 'fail' },
  },
  { name: 'a repeated START is welcomed again', artifact: 'compliant', variant: welcomeTwice, expect: { ...COMPLIANT, 'opt-in-keywords': 'warn' } },

  // signature-enforced
  { name: 'unsigned and wrongly signed requests are served and acted on', artifact: 'accept-unsigned', expect: { ...COMPLIANT, 'signature-enforced': 'fail' } },
  { name: 'refused forgeries, but plain http to a public host', artifact: 'compliant', variant: postedTo('http://hooks.acme.example/sms'), expect: { ...COMPLIANT, 'signature-enforced': 'warn' } },
  { name: 'refused forgeries over https', artifact: 'compliant', variant: postedTo('https://hooks.acme.example/sms'), expect: COMPLIANT },
  { name: 'the webhook port does not matter', artifact: 'compliant', variant: postedTo('http://127.0.0.1:54321/sms'), expect: COMPLIANT },

  // reply-latency
  { name: 'replies at 2.5 s: p95 over 2 s', artifact: 'compliant', variant: repliesTaking(2500), expect: { ...COMPLIANT, 'reply-latency': 'warn' } },
  { name: 'replies at 1.5 s: inside the budget', artifact: 'compliant', variant: repliesTaking(1500), expect: COMPLIANT },
  { name: 'replies at 1,999 ms: just inside the p95 budget', artifact: 'compliant', variant: repliesTaking(1999), expect: { 'reply-latency': 'pass' } },
  { name: 'replies at exactly 2,000 ms: p95 at the budget warns', artifact: 'compliant', variant: repliesTaking(2000), expect: { 'reply-latency': 'warn' } },
  { name: "replies at exactly 15 s: Twilio still takes them (slow, not lost)", artifact: 'compliant', variant: repliesTaking(15_000), expect: { 'reply-latency': 'warn' } },
  { name: "replies at 15,001 ms: past Twilio's 15 s, lost", artifact: 'compliant', variant: repliesTaking(15_001), expect: { 'reply-latency': 'fail' } },

  // burst-latency
  { name: 'one worker at 5 a second under a 40-a-second burst', artifact: 'slow-burst', expect: { ...COMPLIANT, 'burst-latency': 'fail' } },
  { name: 'the same burst against a profile budget of 8 s', artifact: 'slow-burst', config: { burst: { messages: 40, perSecond: 40, p95Ms: 8000 } }, expect: { 'burst-latency': 'pass' } },

  // trouble: never a pass
  { name: 'every connection reset', artifact: 'down', expect: UNREACHABLE },
  { name: 'nothing listening on the port', artifact: 'connection-refused', expect: UNREACHABLE },
  { name: 'an HTML page instead of TwiML', artifact: 'html-replies', expect: UNUSABLE },
  { name: 'every request answered 500', artifact: 'server-error', expect: UNUSABLE },
  {
    name: 'no reply within the 300 ms timeout: the replies are lost (fail), everything else could not be checked',
    artifact: 'slow-past-timeout',
    expect: { ...UNREACHABLE, 'reply-latency': 'fail' },
  },
];

const recorded = (name: string): RecordedCase => {
  const found = CASES.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no recorded case ${name}`);
  return found;
};

const run = (c: Pick<Case, 'artifact' | 'config' | 'variant'>): Verdict<SmsRule>[] => {
  const artifact = readArtifact(c.artifact);
  return evaluate(c.variant ? c.variant(artifact) : artifact, setupConfig(recorded(c.artifact).setup, artifact.webhook, c.config), evaluateContext);
};

const TROUBLE = ['down', 'connection-refused', 'html-replies', 'server-error', 'slow-past-timeout'];

describe('sms-routing rules over recorded artifacts', () => {
  it.each(cases)('$name ($artifact)', (c) => {
    expect(statusesOf(run(c), c.expect)).toEqual(normalised(c.expect));
  });

  it('has a pass, a fail, an error and (where the rule has one) a warn case for every webhook rule', () => {
    const seen = (status: VerdictStatus) =>
      new Set(
        cases.flatMap((c) =>
          Object.entries(c.expect)
            .filter(([, wanted]) => (typeof wanted === 'string' ? wanted === status : Object.values(wanted).includes(status)))
            .map(([rule]) => rule),
        ),
      );
    expect(WEBHOOK_RULES.filter((rule) => !seen('pass').has(rule))).toEqual([]);
    expect(WEBHOOK_RULES.filter((rule) => !seen('fail').has(rule))).toEqual([]);
    expect(WEBHOOK_RULES.filter((rule) => !seen('error').has(rule))).toEqual([]);
    // No warning in opt-out-confirmation (every problem is a failure) or burst-latency (anything short of its budget passes).
    expect(WEBHOOK_RULES.filter((rule) => !seen('warn').has(rule))).toEqual(['opt-out-confirmation', 'burst-latency']);
  });

  it('judges every recording, and every recording is a case', () => {
    const files = readdirSync(ARTIFACTS).filter((file) => file.endsWith('.json')).map((file) => file.slice(0, -'.json'.length));
    expect(files.sort()).toEqual(CASES.map((c) => c.name).sort());
    expect(CASES.map((c) => c.name).filter((name) => !cases.some((c) => c.artifact === name))).toEqual([]);
  });

  it('gives one opt-out verdict per corpus entry, graded must (fail) or should (warn)', () => {
    const verdicts = run({ artifact: 'case-sensitive-stop' }).filter((verdict) => verdict.rule === 'opt-out-keywords');
    expect(verdicts.map((verdict) => verdict.subject)).toEqual(entriesFor('opt-out').map((entry) => entry.text));
    for (const entry of entriesFor('opt-out')) {
      const verdict = verdicts.find((candidate) => candidate.subject === entry.text);
      expect(verdict?.status, entry.text).toBe(entry.grade === 'must' ? 'fail' : 'warn');
    }
  });

  it('blames ignored opt-outs on the replies they got', () => {
    const [stop] = run({ artifact: 'case-sensitive-stop' }).filter((verdict) => verdict.rule === 'opt-out-keywords');
    expect(stop?.message).toMatch(/^7 of 8 forms of "STOP" are not honoured; "stop" got "Acme Outdoor: Black Friday/);
  });

  it('proves an opt-out by the message right after it: a confirmed STOP whose number still gets marketing is not honoured', () => {
    const stillSubscribed: Variant = (artifact) => {
      const marketing = artifact.sequences.find((sequence) => sequence.kind === 'opt-out' && sequence.keyword === 'stop')?.exchanges[0];
      if (!marketing) throw new Error('the recording has no "stop" exchange');
      return mapSequences(artifact, (sequence) =>
        sequence.keyword === 'STOP' && sequence.kind === 'opt-out' ? { ...sequence, exchanges: sequence.exchanges.map((exchange, index) => (index === 1 ? { ...marketing, body: exchange.body } : exchange)) } : sequence,
      );
    };
    const [verdict] = run({ artifact: 'case-sensitive-stop', variant: stillSubscribed }).filter((candidate) => candidate.rule === 'opt-out-keywords');
    expect(verdict?.status).toBe('fail');
    expect(verdict?.message).toMatch(/^8 of 8 forms of "STOP" are not honoured; "STOP" the next message still got "Acme Outdoor: Black Friday/);
  });

  it.each(TROUBLE)('never passes a rule on a webhook in trouble, and says what could not be checked (%s)', (name) => {
    const verdicts = run({ artifact: name }).filter((verdict) => verdict.status === 'error');
    expect(verdicts.length).toBeGreaterThan(0);
    for (const verdict of verdicts) expect(verdict.message, verdict.rule).toMatch(/could not (be )?check/i);
  });

  it.each(TROUBLE)('gives every could-not-check one cause naming the webhook, and no found or fix (%s)', (name) => {
    const verdicts = run({ artifact: name }).filter((verdict) => verdict.status === 'error');
    const causes = new Set(verdicts.map((verdict) => verdict.cause));
    expect(causes.size).toBe(1);
    expect([...causes][0]).toMatch(/^http: .*127\.0\.0\.1:8080/);
    expect(verdicts.filter((verdict) => verdict.found !== undefined || verdict.fix !== undefined)).toEqual([]);
  });

  it('quotes the timeout the replies missed', () => {
    const [verdict] = run({ artifact: 'slow-past-timeout' }).filter((candidate) => candidate.rule === 'reply-latency');
    expect(verdict?.message).toMatch(/^\d+ of \d+ keyword messages sent were not answered in time \(no reply within 300 ms\)/);
  });

  it('counts only the keyword messages sent, and says how many were held back once the webhook stopped answering', () => {
    const [verdict] = run({ artifact: 'slow-past-timeout' }).filter((candidate) => candidate.rule === 'reply-latency');
    const [, lost, sent] = /^(\d+) of (\d+) keyword messages sent/.exec(verdict?.message ?? '') ?? [];
    expect(Number(sent)).toBe(Number(lost));
    expect(verdict?.message).toMatch(/The other \d+ were not sent once the webhook had stopped answering\.$/);
    expect(verdict?.found).toBe(`${lost} of ${sent} unanswered`);
  });

  it('keeps the measured burst in its evidence', () => {
    const [verdict] = run({ artifact: 'slow-burst' }).filter((candidate) => candidate.rule === 'burst-latency');
    expect(verdict?.evidence).toMatchObject({ messages: 40, requestedPerSecond: 40, unanswered: 0, serverErrors: 0 });
    expect(verdict?.message).toMatch(/p95 of \d+ ms over the 2000 ms budget/);
  });

  it('returns verdicts that survive JSON unchanged', () => {
    for (const c of cases) {
      const verdicts = run(c);
      expect(JSON.parse(JSON.stringify(verdicts))).toEqual(verdicts);
    }
  });
});
