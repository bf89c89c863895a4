import type { Verdict } from '../../../src/engine/define-check.js';
import { percentile } from '../../../src/lib/percentile.js';
import type { SmsRoutingArtifact } from '../artifact.js';
import type { SmsRoutingConfig } from '../config.js';
import type { SmsRule } from '../rules.js';
import { causeOf } from './causes.js';
import { describeReply, isReadable, replyOf } from './replies.js';

const REPLY_P95_MS = 2_000;
const TWILIO_TIMEOUT_MS = 15_000;

const ms = (value: number | undefined): string => (value === undefined ? '–' : `${Math.round(value)} ms`);

/** Every keyword exchange: p95 under 2 s, none past Twilio's 15 s. */
export const replyLatency = (artifact: SmsRoutingArtifact, config: SmsRoutingConfig): Verdict<SmsRule>[] => {
  const signed = artifact.sequences.flatMap((sequence) => sequence.exchanges).filter((exchange) => exchange.signature === 'valid');
  // Messages held back once the webhook stopped answering were never timed: they count neither way.
  const exchanges = signed.filter((exchange) => !exchange.error?.startsWith('not sent'));
  const heldBack = signed.length - exchanges.length;
  // A fast 500 or HTML page is no reply for the shopper: only answers Twilio acts on are timed.
  const answered = exchanges.filter((exchange) => exchange.latencyMs !== undefined && isReadable(replyOf(exchange))).map((exchange) => exchange.latencyMs!);
  const lost = exchanges.filter((exchange) => exchange.error?.startsWith('no reply within') || (exchange.latencyMs ?? 0) > TWILIO_TIMEOUT_MS);
  const unreachable = exchanges.filter((exchange) => exchange.status === undefined && !exchange.error?.startsWith('no reply within'));
  const p50 = percentile(answered, 50);
  const p95 = percentile(answered, 95);
  const max = answered.length > 0 ? Math.max(...answered) : undefined;
  const evidence = { requests: exchanges.length, answered: answered.length, p50Ms: p50 ?? null, p95Ms: p95 ?? null, maxMs: max ?? null, lost: lost.length, unreachable: unreachable.length };
  const limit = Math.min(TWILIO_TIMEOUT_MS, config.timeoutMs);
  const base = { rule: 'reply-latency', subject: 'keyword replies', found: `p50 ${ms(p50)}, p95 ${ms(p95)}, max ${ms(max)}`, evidence } as const;
  if (lost.length > 0) {
    // The profile's timeoutMs may be shorter than Twilio's 15 s; the error says which one was missed.
    const why = lost[0]!.error ?? `answered after Twilio's ${TWILIO_TIMEOUT_MS / 1000} s`;
    const rest = heldBack > 0 ? ` The other ${heldBack} were not sent once the webhook had stopped answering.` : '';
    const found = answered.length > 0 ? `${lost.length} of ${exchanges.length} unanswered; ${base.found}` : `${lost.length} of ${exchanges.length} unanswered`;
    return [{ ...base, status: 'fail', found, expected: `every reply within ${limit / 1000} s`, message: `${lost.length} of ${exchanges.length} keyword messages sent were not answered in time (${why}): those shoppers get nothing.${rest}` }];
  }
  if (answered.length === 0) {
    const first = exchanges[0] ? replyOf(exchanges[0]) : undefined;
    const message = `Could not check: none of ${exchanges.length} requests got a TwiML answer (the first got ${first ? describeReply(first) : 'nothing'}).`;
    return [{ rule: base.rule, subject: base.subject, evidence, status: 'error', message, cause: first ? causeOf(first, artifact.webhook, config) : 'check: no keyword message was sent' }];
  }
  const budget = `p95 < ${REPLY_P95_MS} ms`;
  if ((p95 ?? 0) >= REPLY_P95_MS) return [{ ...base, status: 'warn', expected: budget, message: `Keyword replies take ${ms(p95)} at the 95th percentile, over ${REPLY_P95_MS} ms.` }];
  return [{ ...base, status: 'pass', expected: `${budget}; none over ${limit / 1000} s`, message: `Keyword replies take ${ms(p50)} at the median and ${ms(p95)} at the 95th percentile.` }];
};

/** The burst: all answered, no 5xx, p95 from the intended send time under the budget. */
export const burstLatency = (artifact: SmsRoutingArtifact, config: SmsRoutingConfig): Verdict<SmsRule>[] => {
  const { arrivals, messages, perSecond } = artifact.burst;
  const latencies = arrivals.filter((arrival) => arrival.status !== undefined).map((arrival) => arrival.latencyMs);
  const failed = arrivals.filter((arrival) => arrival.status === undefined);
  const serverErrors = arrivals.filter((arrival) => (arrival.status ?? 0) >= 500);
  const refused = arrivals.filter((arrival) => (arrival.status ?? 0) >= 400 && (arrival.status ?? 0) < 500);
  const notTwiml = arrivals.filter((arrival) => arrival.notTwiml !== undefined);
  const p50 = percentile(latencies, 50);
  const p95 = percentile(latencies, 95);
  const p99 = percentile(latencies, 99);
  const durationS = arrivals.length > 1 ? (arrivals.at(-1)!.intendedMs + arrivals.at(-1)!.sendLagMs) / 1000 : 0;
  const evidence = {
    messages,
    requestedPerSecond: perSecond,
    achievedPerSecond: durationS > 0 ? Number(((arrivals.length - 1) / durationS).toFixed(1)) : null,
    maxSendLagMs: Math.max(0, ...arrivals.map((arrival) => arrival.sendLagMs)),
    p50Ms: p50 ?? null,
    p95Ms: p95 ?? null,
    p99Ms: p99 ?? null,
    unanswered: failed.length,
    serverErrors: serverErrors.length,
    refused: refused.length,
    notTwiml: notTwiml.length,
    firstError: failed[0]?.error ?? null,
  };
  const base = { rule: 'burst-latency', subject: `${messages} messages at ${perSecond}/s`, expected: `all answered, no 5xx, p95 < ${config.burst.p95Ms} ms`, found: `p95 ${ms(p95)}, ${failed.length} unanswered, ${serverErrors.length} 5xx`, evidence } as const;
  const unjudged = { rule: base.rule, subject: base.subject, status: 'error', evidence } as const;
  if (artifact.burst.cutOff) {
    const cut = { state: 'unreachable', why: 'cut off', cutOff: artifact.burst.cutOff } as const;
    return [{ ...unjudged, message: 'Could not check: the burst was cut off before it finished.', cause: causeOf(cut, artifact.webhook, config) }];
  }
  if (arrivals.length === 0) {
    const gaveUp = { state: 'unreachable', why: 'not sent: the webhook gave no reply' } as const;
    return [{ ...unjudged, message: 'Could not check: the burst was not sent, because the webhook had stopped answering the keyword messages.', cause: causeOf(gaveUp, artifact.webhook, config) }];
  }
  if (latencies.length === 0) {
    const none = { state: 'unreachable', why: failed[0]?.error ?? 'no answer' } as const;
    return [{ ...unjudged, message: `Could not check: no burst message was answered (${none.why}).`, cause: causeOf(none, artifact.webhook, config) }];
  }
  const problems = [
    ...(failed.length > 0 ? [`${failed.length} unanswered (${failed[0]!.error})`] : []),
    ...(serverErrors.length > 0 ? [`${serverErrors.length} answered with 5xx`] : []),
    ...(refused.length > 0 ? [`${refused.length} refused with 4xx`] : []),
    // A waiting-room or error page under load is a 200 that Twilio cannot use.
    ...(notTwiml.length > 0 ? [`${notTwiml.length} answered with something other than TwiML (${notTwiml[0]!.notTwiml})`] : []),
    ...((p95 ?? 0) >= config.burst.p95Ms ? [`p95 of ${ms(p95)} over the ${config.burst.p95Ms} ms budget`] : []),
  ];
  if (problems.length > 0) return [{ ...base, status: 'fail', message: `Under a burst of ${messages} messages at ${perSecond}/s the webhook falls behind: ${problems.join('; ')}.` }];
  return [{ ...base, status: 'pass', message: `A burst of ${messages} messages at ${perSecond}/s is answered in ${ms(p50)} at the median and ${ms(p95)} at the 95th percentile, counted from when each was due.` }];
};
