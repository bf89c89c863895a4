import type { Verdict } from '../../../src/engine/define-check.js';
import type { SmsRoutingArtifact } from '../artifact.js';
import type { SmsRoutingConfig } from '../config.js';
import type { SmsRule } from '../rules.js';
import { describeReply, isConfirmation, isReadable, isTrouble, replyOf, startedSubscribed, type ReplyState } from './replies.js';

const isRefusal = (reply: ReplyState): boolean => reply.state === 'refused';

const isLoopback = (host: string): boolean => host === 'localhost' || host.startsWith('127.') || host === '[::1]';

/**
 * The forgery sequence: unsigned STOP, forged STOP, signed STOP, forged START, signed START. The
 * forged ones must be refused; the signed ones show whether a forged one changed the opt-out state.
 */
export const signatureEnforced = (artifact: SmsRoutingArtifact, config: SmsRoutingConfig): Verdict<SmsRule>[] => {
  const index = artifact.sequences.findIndex((candidate) => candidate.kind === 'forgery');
  const sequence = artifact.sequences[index];
  if (!sequence) return [];
  const [unsigned, forgedStop, realStop, forgedStart, realStart] = sequence.exchanges.map(replyOf);
  const subject = artifact.webhook;
  const evidence = { unsignedStop: describeReply(unsigned!), forgedStop: describeReply(forgedStop!), signedStop: describeReply(realStop!), forgedStart: describeReply(forgedStart!), signedStart: describeReply(realStart!) };
  const base = { rule: 'signature-enforced', subject, expected: '4xx for unsigned and wrongly signed requests, and no change of state', evidence } as const;
  const trouble = [unsigned, forgedStop, forgedStart].find((reply) => reply && isTrouble(reply));
  if (trouble) return [{ ...base, status: 'error', message: `Could not check: the webhook gave ${describeReply(trouble)}.` }];
  const accepted = [
    ...(isRefusal(unsigned!) ? [] : [`an unsigned STOP got ${describeReply(unsigned!)}`]),
    ...(isRefusal(forgedStop!) ? [] : [`a wrongly signed STOP got ${describeReply(forgedStop!)}`]),
    ...(isRefusal(forgedStart!) ? [] : [`a wrongly signed START got ${describeReply(forgedStart!)}`]),
  ];
  // In app mode the signed messages prove what the forged ones did to the opt-out state, but only
  // when they were answered in TwiML and the number is known to have started subscribed: a START
  // that never re-subscribes, or a webhook answering HTML, would otherwise pass for a forgery.
  const app = config.optOutHandledBy === 'app';
  const subscribed = startedSubscribed(artifact.sequences, index);
  const changed = app
    ? [
        ...(subscribed && isReadable(realStop!) && !isConfirmation(realStop!, 'opt-out-confirmation') ? ['after the forged STOPs the number was already opted out'] : []),
        ...(isConfirmation(realStop!, 'opt-out-confirmation') && isReadable(realStart!) && !isConfirmation(realStart!, 're-subscribe-confirmation')
          ? ['after the forged START the number was already subscribed']
          : []),
      ]
    : [];
  if (accepted.length > 0 || changed.length > 0) {
    return [{ ...base, status: 'fail', message: `The webhook accepts forged requests: ${[...accepted, ...changed].join('; ')}. Anyone can unsubscribe or re-subscribe a customer.`, found: [...accepted, ...changed].join('; ') }];
  }
  const unreadable = app ? ([['STOP', realStop!], ['START', realStart!]] as const).find(([, reply]) => !isReadable(reply)) : undefined;
  if (unreadable) {
    return [{ ...base, status: 'error', message: `Forged requests are refused, but whether they changed anything could not be checked: the signed ${unreadable[0]} got ${describeReply(unreadable[1])}.` }];
  }
  if (app && !subscribed) {
    return [{ ...base, status: 'warn', message: 'Forged requests are refused, but whether they changed anything could not be judged: the START before them did not re-subscribe the number (see opt-in-keywords).', found: 'inconclusive' }];
  }
  const url = new URL(artifact.webhook);
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    return [{ ...base, status: 'warn', message: `Forged requests are refused, but ${artifact.webhook} is plain http: Twilio's requests, with the shoppers' numbers, cross the internet unencrypted.`, found: 'http://', fix: 'Serve the webhook over HTTPS with a valid certificate.' }];
  }
  return [{ ...base, status: 'pass', message: 'Unsigned and wrongly signed requests are refused and change nothing.', found: `${describeReply(unsigned!)}, ${describeReply(forgedStop!)}, ${describeReply(forgedStart!)}` }];
};
