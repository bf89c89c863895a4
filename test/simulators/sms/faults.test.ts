import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyReply } from '../../../checks/sms-routing/keywords/classify-reply.js';
import { buildInboundSms, encodeForm } from '../../../src/twilio/inbound.js';
import { signTwilioRequest } from '../../../src/twilio/signature.js';
import type { SmsSimulator } from '../../../src/simulators/sms/server.js';
import { ACCOUNT, messagesOf, send, startSms, STORE_NUMBER, SUBSCRIBER, TOKEN, untilInFlight } from './helpers.js';

let simulator: SmsSimulator;

afterEach(async () => {
  await simulator.stop();
});

const kindOf = (messages: string[]): string[] => messages.map((message) => classifyReply(message).kind);

describe('each switch reproduces its defect', () => {
  it('caseSensitiveStop: only the exact "STOP" opts out; "stop" gets marketing', async () => {
    simulator = await startSms({ caseSensitiveStop: true });
    const lower = await send(simulator, 'stop', { from: '+14155550001' });
    expect(classifyReply(messagesOf(lower)[0] ?? '').marketing.length).toBeGreaterThan(0);
    expect(simulator.isOptedOut('+14155550001')).toBe(false);
    expect(kindOf(messagesOf(await send(simulator, 'UNSUBSCRIBE', { from: '+14155550001' })))).toEqual(['other']);
    expect(kindOf(messagesOf(await send(simulator, 'STOP', { from: '+14155550002' })))).toEqual(['opt-out-confirmation']);
    simulator.setFaults({ caseSensitiveStop: false });
    expect(kindOf(messagesOf(await send(simulator, 'stop', { from: '+14155550001' })))).toEqual(['opt-out-confirmation']);
  });

  it('doubleConfirmation: confirms a repeated STOP and a replayed one', async () => {
    simulator = await startSms({ doubleConfirmation: true });
    const first = await send(simulator, 'STOP');
    expect(kindOf(messagesOf(await send(simulator, 'STOP')))).toEqual(['opt-out-confirmation']);
    expect(kindOf(messagesOf(await send(simulator, 'STOP', { messageSid: first.form.MessageSid ?? '' })))).toEqual(['opt-out-confirmation']);
    expect(messagesOf(await send(simulator, 'Hi'))).toEqual([]);
  });

  it('helpWithoutBrand: the HELP reply leaves out the brand, the rest stays', async () => {
    simulator = await startSms({ helpWithoutBrand: true });
    const [help] = messagesOf(await send(simulator, 'HELP'));
    expect(help).not.toContain('Acme');
    expect(classifyReply(help ?? '')).toMatchObject({ kind: 'help', helpElements: { contact: true, frequency: true, rates: true, optOutInstructions: true } });
  });

  it('acceptUnsigned: forged and unsigned requests are served and acted on', async () => {
    simulator = await startSms({ acceptUnsigned: true });
    const unsigned = await send(simulator, 'STOP', { signing: 'none', from: '+14155550003' });
    expect(unsigned.status).toBe(200);
    expect(simulator.isOptedOut('+14155550003')).toBe(true);
    expect((await send(simulator, 'START', { signing: 'forged', from: '+14155550003' })).status).toBe(200);
    expect(simulator.isOptedOut('+14155550003')).toBe(false);
    expect(simulator.log.entries.map((entry) => entry.signature)).toEqual(['missing', 'invalid']);
  });

  it('ignoreStart: START after STOP is not answered and the number stays opted out', async () => {
    simulator = await startSms({ ignoreStart: true });
    await send(simulator, 'STOP');
    expect(messagesOf(await send(simulator, 'START'))).toEqual([]);
    expect(simulator.isOptedOut(SUBSCRIBER)).toBe(true);
  });

  it('latencyMs: every reply waits, the answer is unchanged', async () => {
    simulator = await startSms({ latencyMs: 20 });
    expect(kindOf(messagesOf(await send(simulator, 'HELP')))).toEqual(['help']);
    expect((await send(simulator, 'x', { signing: 'none' })).status).toBe(403);
    expect(simulator.log.entries.map((entry) => entry.delayMs)).toEqual([20, 20]);
  });

  it('slowUnderBurst: only requests arriving while more than n are in flight are slowed', async () => {
    simulator = await startSms({ slowUnderBurst: { afterConcurrent: 3, delayMs: 25 } });
    // Three requests whose bodies have not arrived yet keep three in flight.
    const held = [0, 1, 2].map((index) => holdRequest(simulator, `+1415555010${index}`));
    await untilInFlight(simulator, 3);
    const burst = await send(simulator, 'HELP', { from: '+14155550199' });
    expect(kindOf(messagesOf(burst))).toEqual(['help']);
    const statuses = await Promise.all(held.map((hold) => hold.release()));
    expect(statuses).toEqual([200, 200, 200]);
    const delays = Object.fromEntries(simulator.log.entries.map((entry) => [entry.from, entry.delayMs]));
    expect(delays).toEqual({ '+14155550199': 25, '+14155550100': 0, '+14155550101': 0, '+14155550102': 0 });
    simulator.setFaults({ slowUnderBurst: null });
    await send(simulator, 'HELP', { from: '+14155550198' });
    expect(simulator.log.entries.at(-1)?.delayMs).toBe(0);
  });

  it('htmlReplies: a 200 HTML page, which is not TwiML, and nothing is recorded', async () => {
    simulator = await startSms({ htmlReplies: true });
    const sent = await send(simulator, 'STOP');
    expect(sent.status).toBe(200);
    expect(sent.contentType).toMatch(/^text\/html/);
    expect(sent.reply).toMatchObject({ kind: 'not-twiml', reason: expect.stringMatching(/HTML page/) as unknown });
    expect(simulator.isOptedOut(SUBSCRIBER)).toBe(false);
  });

  it('serverError: 500 for signed requests; forged ones are still refused first', async () => {
    simulator = await startSms({ serverError: true });
    expect((await send(simulator, 'STOP')).status).toBe(500);
    expect(simulator.isOptedOut(SUBSCRIBER)).toBe(false);
    expect((await send(simulator, 'STOP', { signing: 'forged' })).status).toBe(403);
  });

  it('down: the connection is reset; the store comes back when switched off', async () => {
    simulator = await startSms();
    simulator.setFaults({ down: true });
    await expect(send(simulator, 'STOP')).rejects.toThrow();
    expect(simulator.log.entries).toMatchObject([{ status: 'reset', signature: 'unchecked', reply: '' }]);
    expect(simulator.isOptedOut(SUBSCRIBER)).toBe(false);
    simulator.setFaults({ down: false });
    expect(kindOf(messagesOf(await send(simulator, 'STOP')))).toEqual(['opt-out-confirmation']);
    expect(simulator.inFlight).toBe(0);
  });

  it('setFaults changes only what it is given; clearFaults turns everything off', async () => {
    simulator = await startSms({ helpWithoutBrand: true, latencyMs: 5 });
    simulator.setFaults({ serverError: true });
    expect((await send(simulator, 'HELP')).status).toBe(500);
    simulator.setFaults({ serverError: false });
    expect(messagesOf(await send(simulator, 'HELP'))[0]).not.toContain('Acme');
    simulator.clearFaults();
    expect(messagesOf(await send(simulator, 'HELP'))[0]).toContain('Acme');
    expect(simulator.log.entries.map((entry) => entry.delayMs)).toEqual([5, 5, 0]);
  });
});

/** A signed request whose headers are sent now and its body only on release(). */
function holdRequest(target: SmsSimulator, from: string): { release: () => Promise<number> } {
  const form = buildInboundSms({ accountSid: ACCOUNT, from, to: STORE_NUMBER, body: 'HELP' }, () => from.slice(-4).padStart(32, 'a'));
  const body = encodeForm(form);
  const outgoing = request(target.address.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': Buffer.byteLength(body),
      'x-twilio-signature': signTwilioRequest(TOKEN, target.address.url, form),
    },
  });
  const status = new Promise<number>((resolve, reject) => {
    outgoing.on('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    outgoing.on('error', reject);
  });
  outgoing.flushHeaders();
  return {
    release: () => {
      outgoing.end(body);
      return status;
    },
  };
}
