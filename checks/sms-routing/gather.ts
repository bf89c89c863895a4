import { Agent } from 'undici';
import type { GatherContext } from '../../src/engine/define-check.js';
import { buildInboundSms, makeSid, optOutTypeOf, parseTwiml, randomSidDigits, type InboundForm } from '../../src/twilio/index.js';
import type { BurstArrival, ExchangeSeen, SequenceSeen, SmsRoutingArtifact } from './artifact.js';
import type { SmsRoutingConfig } from './config.js';
import { GiveUp } from './gather/give-up.js';
import { openArrivals } from './gather/open-arrivals.js';
import { runPool } from './gather/pool.js';
import { NEUTRAL_MESSAGE, planSequences, type PlannedSequence } from './gather/sequences.js';
import { shopperNumber } from './gather/shoppers.js';
import { cutOffBy, postInbound, type WebhookTarget } from './gather/webhook-client.js';
import { isCanadian } from './keywords/index.js';
import { maskNumbers, numberForms } from './phone.js';

// An obviously fake account, shaped like Twilio's, unless the profile names the real one.
const PLACEHOLDER_ACCOUNT = `AC${'0'.repeat(32)}`;
const BURST_BODY = NEUTRAL_MESSAGE;
/** Sequences in flight at once: enough to finish in minutes on a slow webhook, too few to be a load test. */
export const SEQUENCES_IN_FLIGHT = 4;

interface Run {
  config: SmsRoutingConfig;
  target: WebhookTarget;
  agent: Agent;
  signal: AbortSignal;
  giveUp: GiveUp;
  /** Called once per message sent (or given up), for the spinner. */
  sent(): void;
}

/** The form as Twilio posts it; in provider mode a keyword Twilio handles carries its OptOutType, as with Advanced Opt-Out. */
const formFor = (config: SmsRoutingConfig, from: string, body: string, messageSid?: string): InboundForm => {
  const optOutType = config.optOutHandledBy === 'provider' ? optOutTypeOf(body) : undefined;
  return buildInboundSms(
    { accountSid: config.accountSid ?? PLACEHOLDER_ACCOUNT, from, to: config.storeNumber, body, ...(messageSid ? { messageSid } : {}), ...(optOutType ? { optOutType } : {}) },
    randomSidDigits,
  );
};

/** Numbers echoed in a reply are masked: the shopper's, the store's and the profile's test number. */
const cleanerFor = (config: SmsRoutingConfig, from: string) => (text: string) => maskNumbers(text, [from, config.storeNumber, config.testNumber]);

/** Runs one sequence step by step from its own shopper number: each message waits for the reply to the one before. */
const runSequence = async (plan: PlannedSequence, from: string, run: Run): Promise<SequenceSeen> => {
  const sids: string[] = [];
  const exchanges: ExchangeSeen[] = [];
  const clean = cleanerFor(run.config, from);
  for (const step of plan.steps) {
    const sid = step.replayOf === undefined ? makeSid('SM', randomSidDigits) : sids[step.replayOf]!;
    sids.push(sid);
    const seen = run.giveUp.stopped && !run.signal.aborted
      ? { signature: step.signature, error: run.giveUp.reason }
      : await postInbound(run.target, run.agent, formFor(run.config, from, step.body, sid), step.signature, run.signal, clean);
    run.giveUp.record(seen);
    run.sent();
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

const runBurst = async (run: Run): Promise<SmsRoutingArtifact['burst']> => {
  const { config } = run;
  const shape = { messages: config.burst.messages, perSecond: config.burst.perSecond };
  const clean = cleanerFor(config, config.testNumber);
  const arrivals = await openArrivals(
    config.burst.messages,
    config.burst.perSecond,
    () => postInbound(run.target, run.agent, formFor(config, config.testNumber, BURST_BODY), 'valid', run.signal, clean).finally(run.sent),
    run.signal,
  ).catch(() => undefined);
  // A burst cut short measures nothing a rule could use: it is kept as cut off, not as slow.
  if (arrivals === undefined || run.signal.aborted) return { ...shape, arrivals: [], cutOff: cutOffBy(run.signal) };
  return {
    ...shape,
    arrivals: arrivals.map(({ intendedMs, sendLagMs, latencyMs, result }): BurstArrival => {
      const notTwiml = notTwimlReason(result.status, result.reply);
      return {
        intendedMs: Math.round(intendedMs),
        sendLagMs: Math.round(sendLagMs),
        latencyMs: Math.round(latencyMs),
        ...(result.status === undefined ? {} : { status: result.status }),
        ...(notTwiml === undefined ? {} : { notTwiml }),
        ...(result.error === undefined ? {} : { error: result.error }),
      };
    }),
  };
};

/** The webhook without credentials or query string, which can carry secrets: what artifacts and logs show. */
const publicAddress = (webhook: string): string => {
  const url = new URL(webhook);
  url.search = '';
  url.username = '';
  url.password = '';
  return url.href;
};

/**
 * Drives the webhook exactly as Twilio would: signed form POSTs, keyword sequences a few at a time, each
 * from a shopper number of its own, then a burst at a fixed arrival rate. Only the webhook named in the
 * profile is contacted. Stopped by its time limit or Ctrl-C, it returns what finished, the rest marked
 * as cut off.
 */
export const gather = async (ctx: GatherContext, config: SmsRoutingConfig): Promise<SmsRoutingArtifact> => {
  ctx.addSecret(config.authToken);
  const canadian = isCanadian(config.testNumber);
  const plans = planSequences(canadian);
  const shoppers = plans.map((_, index) => shopperNumber(config.testNumber, index));
  for (const number of [config.testNumber, config.storeNumber, ...shoppers]) for (const form of numberForms(number)) ctx.addSecret(form);
  const webhook = publicAddress(config.webhook);
  const target: WebhookTarget = { url: config.webhook, authToken: config.authToken, timeoutMs: config.timeoutMs, address: webhook, log: (line) => ctx.logger.debug(`sms-routing: ${line}`) };
  const total = plans.reduce((sum, plan) => sum + plan.steps.length, 0) + config.burst.messages;
  let sent = 0;
  // Enough connections for the burst's open arrivals; each sequence uses one at a time.
  const agent = new Agent({ connections: Math.min(512, Math.ceil(config.burst.perSecond * 4)), headersTimeout: config.timeoutMs, bodyTimeout: config.timeoutMs });
  const run: Run = { config, target, agent, signal: ctx.signal, giveUp: new GiveUp(config.timeoutMs), sent: () => ctx.progress(`${++sent}/${total} messages`) };
  try {
    const sequences = await runPool(plans, SEQUENCES_IN_FLIGHT, (plan) => plan.steps.length, (plan, index) => runSequence(plan, shoppers[index]!, run));
    const burst = run.giveUp.stopped ? { messages: config.burst.messages, perSecond: config.burst.perSecond, arrivals: [] } : await runBurst(run);
    return { webhook, canadian, sequences, burst };
  } finally {
    await agent.close();
  }
};
