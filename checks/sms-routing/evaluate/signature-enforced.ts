import type { Verdict } from '../../../src/engine/define-check.js';
import type { SmsRoutingArtifact } from '../artifact.js';
import type { SmsRoutingConfig } from '../config.js';
import type { SmsRule } from '../rules.js';
import { causeOf } from './causes.js';
import { describeReply, isConfirmation, isReadable, isTrouble, replyOf, type ReplyState } from './replies.js';

const isRefusal = (reply: ReplyState): boolean => reply.state === 'refused';

const isLoopback = (host: string): boolean => host === 'localhost' || host.startsWith('127.') || host === '[::1]';

/**
 * The forgery sequence, from a fresh number: unsigned STOP, forged STOP, signed STOP, forged START, a
 * neutral message. The forged ones must be refused; the signed STOP's confirmation shows the forged STOPs
 * changed nothing, and silence on the neutral message that the forged START did not re-subscribe.
 */
export const signatureEnforced = (artifact: SmsRoutingArtifact, config: SmsRoutingConfig): Verdict<SmsRule>[] => {
  const sequence = artifact.sequences.find((candidate) => candidate.kind === 'forgery');
  if (!sequence) return [];
  const [unsigned, forgedStop, realStop, forgedStart, next] = sequence.exchanges.map(replyOf);
  const subject = artifact.webhook;
  const evidence = { unsignedStop: describeReply(unsigned!), forgedStop: describeReply(forgedStop!), signedStop: describeReply(realStop!), forgedStart: describeReply(forgedStart!), nextMessage: describeReply(next!) };
  const base = { rule: 'signature-enforced', subject, expected: '4xx for unsigned and wrongly signed requests, and no change of state', evidence } as const;
  const couldNotCheck = (reply: ReplyState, message: string): Verdict<SmsRule>[] => [{ ...base, status: 'error', message, cause: causeOf(reply, artifact.webhook, config) }];
  const trouble = [unsigned, forgedStop, forgedStart].find((reply) => reply && isTrouble(reply));
  if (trouble) return couldNotCheck(trouble, `Could not check: the webhook gave ${describeReply(trouble)}.`);
  const accepted = [
    ...(isRefusal(unsigned!) ? [] : [`an unsigned STOP got ${describeReply(unsigned!)}`]),
    ...(isRefusal(forgedStop!) ? [] : [`a wrongly signed STOP got ${describeReply(forgedStop!)}`]),
    ...(isRefusal(forgedStart!) ? [] : [`a wrongly signed START got ${describeReply(forgedStart!)}`]),
  ];
  // The signed messages prove what the forged ones did, but only when answered in TwiML: a webhook
  // answering HTML would otherwise pass for a forgery. The number is fresh, so it started subscribed.
  // In provider mode the webhook confirms nothing, so no reply shows the state.
  // The repeat sequence's first STOP, from another fresh number with no forgery before it, is the
  // control: only a webhook that confirms STOP there can show a forged STOP by a missing confirmation.
  const app = config.optOutHandledBy === 'app';
  const control = artifact.sequences.find((candidate) => candidate.kind === 'repeat')?.exchanges[0];
  const confirmsStop = control !== undefined && isConfirmation(replyOf(control), 'opt-out-confirmation');
  const optedOut = isConfirmation(realStop!, 'opt-out-confirmation');
  const changed = [
    ...(app && confirmsStop && isReadable(realStop!) && !optedOut ? ['after the forged STOPs the number was already opted out'] : []),
    ...(app && optedOut && next!.state === 'messages' ? [`after the forged START the number was subscribed again (a neutral message got ${describeReply(next!)})`] : []),
  ];
  if (accepted.length > 0 || changed.length > 0) {
    return [{ ...base, status: 'fail', message: `The webhook accepts forged requests: ${[...accepted, ...changed].join('; ')}. Anyone can unsubscribe or re-subscribe a customer.`, found: [...accepted, ...changed].join('; ') }];
  }
  const signed = [['STOP', realStop!], ...(confirmsStop ? [['neutral message', next!] as const] : [])] as const;
  const unreadable = app ? signed.find(([, reply]) => !isReadable(reply)) : undefined;
  if (unreadable) {
    return couldNotCheck(unreadable[1], `Forged requests are refused, but whether they changed anything could not be checked: the signed ${unreadable[0]} got ${describeReply(unreadable[1])}.`);
  }
  const url = new URL(artifact.webhook);
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    return [{ ...base, status: 'warn', message: `Forged requests are refused, but ${artifact.webhook} is plain http: Twilio's requests, with the shoppers' numbers, cross the internet unencrypted.`, found: 'http://', fix: 'Serve the webhook over HTTPS with a valid certificate.' }];
  }
  const unseen = !app
    ? ' (the provider confirms opt-outs, so whether they changed the opt-out state cannot be seen)'
    : confirmsStop
      ? ' and change nothing'
      : ' (whether they changed the opt-out state cannot be seen: STOP gets no confirmation, see opt-out-confirmation)';
  return [{ ...base, status: 'pass', message: `Unsigned and wrongly signed requests are refused${unseen}.`, found: `${describeReply(unsigned!)}, ${describeReply(forgedStop!)}, ${describeReply(forgedStart!)}` }];
};
