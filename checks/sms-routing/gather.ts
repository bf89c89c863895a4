import { Agent } from 'undici';
import type { GatherContext } from '../../src/engine/define-check.js';
import type { BurstArrival, ExchangeSeen, SequenceSeen, SmsRoutingArtifact } from './artifact.js';
import type { SmsRoutingConfig } from './config.js';
import { GiveUp } from './gather/give-up.js';
import { openArrivals } from './gather/open-arrivals.js';
import { planSequences, type PlannedSequence } from './gather/sequences.js';
import { postInbound, type WebhookTarget } from './gather/webhook-client.js';
import { isCanadian } from './keywords/index.js';
import { maskNumbers, numberForms } from './phone.js';
import { buildInboundSms, makeSid, parseTwiml, randomSidDigits, type InboundForm } from '../../src/twilio/index.js';

// An obviously fake account, shaped like Twilio's, unless the profile names the real one.
const PLACEHOLDER_ACCOUNT = `AC${'0'.repeat(32)}`;
const BURST_BODY = 'Is the Black Friday sale live yet?';

const formFor = (config: SmsRoutingConfig, body: string, messageSid?: string): InboundForm =>
  buildInboundSms({ accountSid: config.accountSid ?? PLACEHOLDER_ACCOUNT, from: config.testNumber, to: config.storeNumber, body, ...(messageSid ? { messageSid } : {}) }, randomSidDigits);

/** Runs one sequence step by step: each message waits for the reply to the one before, as a shopper would. */
const runSequence = async (plan: PlannedSequence, config: SmsRoutingConfig, target: WebhookTarget, agent: Agent, signal: AbortSignal, giveUp: GiveUp): Promise<SequenceSeen> => {
  const sids: string[] = [];
  const exchanges: ExchangeSeen[] = [];
  for (const step of plan.steps) {
    const sid = step.replayOf === undefined ? makeSid('SM', randomSidDigits) : sids[step.replayOf]!;
    sids.push(sid);
    const seen = giveUp.stopped
      ? { signature: step.signature, error: giveUp.reason }
      : await postInbound(target, agent, formFor(config, step.body, sid), step.signature, signal);
    giveUp.record(seen);
    exchanges.push({ body: step.body, ...(step.replayOf === undefined ? {} : { replayOf: step.replayOf }), ...seen });
  }
  const { steps: _steps, ...sequence } = plan;
  return { ...sequence, exchanges };
};

/** Why a successful answer is not TwiML; the burst keeps no reply bodies, only this. */
const notTwimlReason = (status: number | undefined, reply: string | undefined): string | undefined => {
  if (status === undefined || status >= 400) return undefined;
  const twiml = parseTwiml(reply ?? '');
  return twiml.kind === 'not-twiml' ? twiml.reason : undefined;
};

const runBurst = async (config: SmsRoutingConfig, target: WebhookTarget, agent: Agent, signal: AbortSignal): Promise<BurstArrival[]> => {
  const arrivals = await openArrivals(config.burst.messages, config.burst.perSecond, () => postInbound(target, agent, formFor(config, BURST_BODY), 'valid', signal), signal);
  return arrivals.map(({ intendedMs, sendLagMs, latencyMs, result }) => {
    const notTwiml = notTwimlReason(result.status, result.reply);
    return {
      intendedMs: Math.round(intendedMs),
      sendLagMs: Math.round(sendLagMs),
      latencyMs: Math.round(latencyMs),
      ...(result.status === undefined ? {} : { status: result.status }),
      ...(notTwiml === undefined ? {} : { notTwiml }),
      ...(result.error === undefined ? {} : { error: result.error }),
    };
  });
};

/**
 * Drives the webhook exactly as Twilio would: signed form POSTs from the test number, keyword by
 * keyword, then a burst at a fixed arrival rate. Only the webhook named in the profile is contacted.
 */
export const gather = async (ctx: GatherContext, config: SmsRoutingConfig): Promise<SmsRoutingArtifact> => {
  ctx.addSecret(config.authToken);
  for (const form of [...numberForms(config.testNumber), ...numberForms(config.storeNumber)]) ctx.addSecret(form);
  const target: WebhookTarget = {
    url: config.webhook,
    authToken: config.authToken,
    timeoutMs: config.timeoutMs,
    clean: (text) => maskNumbers(text, [config.testNumber, config.storeNumber]),
  };
  const canadian = isCanadian(config.testNumber);
  // Enough connections for the burst's open arrivals; each sequence uses one at a time.
  const agent = new Agent({ connections: Math.min(512, Math.ceil(config.burst.perSecond * 4)), headersTimeout: config.timeoutMs, bodyTimeout: config.timeoutMs });
  try {
    const sequences: SequenceSeen[] = [];
    const giveUp = new GiveUp();
    for (const plan of planSequences(canadian)) sequences.push(await runSequence(plan, config, target, agent, ctx.signal, giveUp));
    const arrivals = giveUp.stopped ? [] : await runBurst(config, target, agent, ctx.signal);
    // Credentials and a query string can carry secrets: the artifact keeps the address alone.
    const webhook = new URL(config.webhook);
    webhook.search = '';
    webhook.username = '';
    webhook.password = '';
    return { webhook: webhook.href, canadian, sequences, burst: { messages: config.burst.messages, perSecond: config.burst.perSecond, arrivals } };
  } finally {
    await agent.close();
  }
};
