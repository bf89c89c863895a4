import { buildInboundSms, encodeForm, type InboundForm } from '../../../src/twilio/inbound.js';
import { signTwilioRequest } from '../../../src/twilio/signature.js';
import { parseTwiml, type TwimlReply } from '../../../src/twilio/twiml.js';
import { SmsSimulator, type SmsSimulatorOptions } from '../../../src/simulators/sms/server.js';

export const TOKEN = 'test-auth-token';
export const ACCOUNT = `AC${'1'.repeat(32)}`;
export const STORE_NUMBER = '+14155550100';
export const SUBSCRIBER = '+14155550123';
export const CANADIAN = '+15145550123';

export async function startSms(options: Partial<SmsSimulatorOptions> = {}): Promise<SmsSimulator> {
  const simulator = new SmsSimulator({ authToken: TOKEN, brand: 'Acme Outfitters', contact: 'help@acme.example', ...options });
  await simulator.start();
  return simulator;
}

let sequence = 0;
/** Unique per test run, so a new message never looks like a replay. */
const digits = (): string => (++sequence).toString(16).padStart(32, '0');

export interface Sent {
  status: number;
  contentType: string | null;
  text: string;
  reply: TwimlReply;
  form: InboundForm;
}

export interface SendOptions {
  from?: string;
  messageSid?: string;
  /** valid (the default): signed with the store's token; forged: another token; none: no header. */
  signing?: 'valid' | 'forged' | 'none';
  /** Post here instead of the simulator's URL (and sign this URL). */
  url?: string;
}

/** Posts one inbound SMS as Twilio would, over real HTTP. */
export async function send(simulator: SmsSimulator, body: string, options: SendOptions = {}): Promise<Sent> {
  const form = buildInboundSms(
    { accountSid: ACCOUNT, from: options.from ?? SUBSCRIBER, to: STORE_NUMBER, body, ...(options.messageSid === undefined ? {} : { messageSid: options.messageSid }) },
    digits,
  );
  const url = options.url ?? simulator.address.url;
  const signing = options.signing ?? 'valid';
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (signing !== 'none') headers['x-twilio-signature'] = signTwilioRequest(signing === 'valid' ? TOKEN : 'someone-else', url, form);
  const response = await fetch(url, { method: 'POST', headers, body: encodeForm(form) });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type'), text, reply: parseTwiml(text), form };
}

/** The messages of a TwiML reply; fails the test on anything else. */
export function messagesOf(sent: Sent): string[] {
  if (sent.reply.kind !== 'twiml') throw new Error(`not TwiML (${sent.status}): ${sent.reply.reason}`);
  return sent.reply.messages;
}

/** Resolves once the simulator is handling `count` requests at once. Polls: no timing is asserted. */
export async function untilInFlight(simulator: SmsSimulator, count: number): Promise<void> {
  while (simulator.inFlight < count) await new Promise((resolve) => setTimeout(resolve, 5));
}
