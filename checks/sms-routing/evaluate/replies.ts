import { parseTwiml } from '../../../src/twilio/index.js';
import type { CutOff, ExchangeSeen } from '../artifact.js';
import { classifyReply, type ReplyClassification } from '../keywords/index.js';

/** What the shopper got from one exchange, as Twilio would act on the webhook's answer. */
export type ReplyState =
  | { state: 'unreachable'; why: string; cutOff?: CutOff }
  | { state: 'refused'; status: number }
  | { state: 'server-error'; status: number }
  | { state: 'not-twiml'; why: string }
  | { state: 'silence' }
  | { state: 'messages'; messages: string[]; classified: ReplyClassification[] };

export const replyOf = (exchange: ExchangeSeen): ReplyState => {
  if (exchange.error !== undefined || exchange.status === undefined) {
    return { state: 'unreachable', why: exchange.error ?? 'no answer', ...(exchange.cutOff ? { cutOff: exchange.cutOff } : {}) };
  }
  if (exchange.status >= 500) return { state: 'server-error', status: exchange.status };
  if (exchange.status >= 400) return { state: 'refused', status: exchange.status };
  const twiml = parseTwiml(exchange.reply ?? '');
  if (twiml.kind === 'not-twiml') return { state: 'not-twiml', why: twiml.reason };
  const messages = twiml.messages.filter((message) => message.trim() !== '');
  return messages.length === 0 ? { state: 'silence' } : { state: 'messages', messages, classified: messages.map(classifyReply) };
};

/** "could not check" states: the webhook could not be asked, so nothing about its logic is known. */
export const isTrouble = (reply: ReplyState): reply is Extract<ReplyState, { state: 'unreachable' }> => reply.state === 'unreachable';

export const describeReply = (reply: ReplyState): string => {
  switch (reply.state) {
    case 'unreachable':
      return `no answer (${reply.why})`;
    case 'refused':
      return `HTTP ${reply.status}`;
    case 'server-error':
      return `HTTP ${reply.status}`;
    case 'not-twiml':
      return `not TwiML (${reply.why})`;
    case 'silence':
      return 'no message';
    case 'messages':
      return reply.messages.map((message) => `"${message.length > 90 ? `${message.slice(0, 90)}…` : message}"`).join(' + ');
  }
};

/** An answer Twilio acts on, TwiML with messages or none: a 4xx, 5xx or HTML page leaves the shopper with nothing. */
export const isReadable = (reply: ReplyState): boolean => reply.state === 'messages' || reply.state === 'silence';

export const isConfirmation = (reply: ReplyState, kind: 'opt-out-confirmation' | 're-subscribe-confirmation'): boolean =>
  reply.state === 'messages' && reply.messages.length === 1 && reply.classified[0]?.kind === kind;
