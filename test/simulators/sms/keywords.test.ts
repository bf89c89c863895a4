import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classifyReply } from '../../../checks/sms-routing/keywords/classify-reply.js';
import { entriesFor } from '../../../checks/sms-routing/keywords/corpus.js';
import { variantsOf } from '../../../checks/sms-routing/keywords/variants.js';
import type { SmsSimulator } from '../../../src/simulators/sms/server.js';
import { CANADIAN, messagesOf, send, startSms, SUBSCRIBER } from './helpers.js';

let simulator: SmsSimulator;
let numbers = 0;
/** A number no earlier test has opted out. */
const fresh = (): string => `+1415555${String(++numbers).padStart(4, '0')}`;

afterEach(async () => {
  await simulator.stop();
});

describe('a compliant store (app mode)', () => {
  beforeEach(async () => {
    simulator = await startSms();
  });

  it('answers every opt-out text of the corpus, in every variant, with one confirmation and no marketing', async () => {
    for (const entry of entriesFor('opt-out')) {
      for (const text of variantsOf(entry)) {
        const from = fresh();
        const messages = messagesOf(await send(simulator, text, { from }));
        expect(messages, JSON.stringify(text)).toHaveLength(1);
        const reply = classifyReply(messages[0] ?? '');
        expect(reply.kind, JSON.stringify(text)).toBe('opt-out-confirmation');
        expect([...reply.marketing, ...reply.links]).toEqual([]);
        expect(messages[0]).toContain('Acme Outfitters');
        expect(simulator.isOptedOut(from)).toBe(true);
      }
    }
  });

  it('stays silent on a repeated STOP and on a replayed MessageSid', async () => {
    const from = fresh();
    const first = await send(simulator, 'STOP', { from });
    expect(messagesOf(first)).toHaveLength(1);
    expect(messagesOf(await send(simulator, 'STOP', { from }))).toEqual([]);
    expect(messagesOf(await send(simulator, 'STOP', { from, messageSid: first.form.MessageSid ?? '' }))).toEqual([]);
    expect(first.text).toContain('<Response><Message>');
  });

  it('ignores any replayed message, HELP included', async () => {
    const help = await send(simulator, 'HELP');
    expect(messagesOf(await send(simulator, 'HELP', { messageSid: help.form.MessageSid ?? '' }))).toEqual([]);
  });

  it('sends nothing more after STOP, but still answers HELP', async () => {
    const from = fresh();
    await send(simulator, 'STOP', { from });
    const silence = await send(simulator, 'When does the sale end?', { from });
    expect(silence.text).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    expect(messagesOf(silence)).toEqual([]);
    expect(classifyReply(messagesOf(await send(simulator, 'HELP', { from }))[0] ?? '').kind).toBe('help');
  });

  it.each(['HELP', 'help', 'INFO', ' Info. '])('answers %j with every HELP element, brand first', async (text) => {
    const [message, ...more] = messagesOf(await send(simulator, text));
    expect(more).toEqual([]);
    const reply = classifyReply(message ?? '');
    expect(reply).toMatchObject({ kind: 'help', language: 'en', helpElements: { contact: true, frequency: true, rates: true, optOutInstructions: true }, marketing: [] });
    expect(message).toMatch(/^Acme Outfitters Alerts: .*help@acme\.example.*Msg & data rates may apply\. Reply STOP to cancel\.$/);
  });

  it('answers AIDE and ARRET in French from a Canadian number, in English from a US one', async () => {
    const aide = classifyReply(messagesOf(await send(simulator, 'AIDE', { from: CANADIAN }))[0] ?? '');
    expect(aide).toMatchObject({ kind: 'help', language: 'fr', helpElements: { contact: true, frequency: true, rates: true, optOutInstructions: true } });
    expect(classifyReply(messagesOf(await send(simulator, 'AIDE'))[0] ?? '')).toMatchObject({ kind: 'help', language: 'en' });
    const arret = classifyReply(messagesOf(await send(simulator, 'ARRET', { from: CANADIAN }))[0] ?? '');
    expect(arret).toMatchObject({ kind: 'opt-out-confirmation', language: 'fr' });
    expect(classifyReply(messagesOf(await send(simulator, 'ARRÊT', { from: fresh() }))[0] ?? '')).toMatchObject({ kind: 'opt-out-confirmation', language: 'en' });
  });

  it.each(['START', 'YES', 'UNSTOP', 'start', 'SUBSCRIBE'])('after STOP, %j re-subscribes with one confirmation; marketing resumes', async (text) => {
    const from = fresh();
    await send(simulator, 'STOP', { from });
    const messages = messagesOf(await send(simulator, text, { from }));
    expect(messages).toHaveLength(1);
    expect(classifyReply(messages[0] ?? '').kind).toBe('re-subscribe-confirmation');
    expect(simulator.isOptedOut(from)).toBe(false);
    expect(messagesOf(await send(simulator, text, { from }))).toEqual([]);
    expect(classifyReply(messagesOf(await send(simulator, 'Any deals?', { from }))[0] ?? '').marketing.length).toBeGreaterThan(0);
  });

  it('sends no welcome to START from a number that never opted out', async () => {
    expect(messagesOf(await send(simulator, 'START', { from: fresh() }))).toEqual([]);
  });

  it('answers other texts with its marketing message', async () => {
    const reply = classifyReply(messagesOf(await send(simulator, 'Hi, is my order shipped?', { from: SUBSCRIBER }))[0] ?? '');
    expect(reply.kind).toBe('other');
    expect(reply.marketing).toContain('Shop now');
    expect(reply.links).toEqual(['https://store.example/black-friday']);
  });
});

describe('provider mode: Twilio answers STOP and START, the webhook only records them', () => {
  beforeEach(async () => {
    simulator = await startSms({ optOutHandledBy: 'provider' });
  });

  it('answers STOP and START with an empty <Response/>, and keeps the state', async () => {
    const from = fresh();
    expect(messagesOf(await send(simulator, 'STOP', { from }))).toEqual([]);
    expect(simulator.isOptedOut(from)).toBe(true);
    expect(messagesOf(await send(simulator, 'Hello?', { from }))).toEqual([]);
    expect(messagesOf(await send(simulator, 'START', { from }))).toEqual([]);
    expect(simulator.isOptedOut(from)).toBe(false);
  });

  it('still answers HELP itself', async () => {
    expect(classifyReply(messagesOf(await send(simulator, 'HELP'))[0] ?? '').kind).toBe('help');
  });
});
