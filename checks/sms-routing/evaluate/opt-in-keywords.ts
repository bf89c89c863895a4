import type { Verdict } from '../../../src/engine/define-check.js';
import type { SequenceSeen, SmsRoutingArtifact } from '../artifact.js';
import type { SmsRoutingConfig } from '../config.js';
import type { SmsRule } from '../rules.js';
import { causeOf } from './causes.js';
import { withKeywordRow } from './keyword-matrix.js';
import { describeReply, isConfirmation, isTrouble, replyOf } from './replies.js';

/** STOP, then the keyword (one re-subscribe confirmation), then the keyword again (no second one). */
const judge = (sequence: SequenceSeen, webhook: string, config: SmsRoutingConfig): Verdict<SmsRule> => {
  const [stop, first, again] = sequence.exchanges.map(replyOf);
  const subject = sequence.keyword;
  const app = config.optOutHandledBy === 'app';
  const base = { rule: 'opt-in-keywords', subject, expected: app ? 'one re-subscribe confirmation, none on a repeat' : 'silence (the provider confirms)', evidence: { stop: describeReply(stop!), first: describeReply(first!), again: describeReply(again!) } } as const;
  const trouble = [stop, first, again].find((reply) => reply && isTrouble(reply));
  if (trouble) return { rule: base.rule, subject, evidence: base.evidence, status: 'error', message: `Could not check: ${subject} got ${describeReply(trouble)}.`, cause: causeOf(trouble, webhook, config) };
  if (!app) {
    return first!.state === 'messages'
      ? { ...base, status: 'fail', message: `The webhook replied to ${subject} (${describeReply(first!)}) although the provider confirms re-subscriptions.`, found: describeReply(first!) }
      : { ...base, status: 'pass', message: `The webhook leaves ${subject} to the provider.`, found: 'silence' };
  }
  if (!isConfirmation(first!, 're-subscribe-confirmation')) {
    return { ...base, status: 'fail', message: `${subject} after STOP got ${describeReply(first!)} instead of one re-subscribe confirmation.`, found: describeReply(first!) };
  }
  if (isConfirmation(again!, 're-subscribe-confirmation')) {
    return { ...base, status: 'warn', message: `${subject} while already subscribed confirms again (${describeReply(again!)}): repeated texts flood the shopper.`, found: 'a second confirmation' };
  }
  return { ...base, status: 'pass', message: `${subject} re-subscribes the number with one confirmation.`, found: describeReply(first!) };
};

/** The keyword itself, after STOP, got no message: the webhook ignored it rather than answering wrongly. */
const isSilence = (exchange: SequenceSeen['exchanges'][number] | undefined): boolean => exchange !== undefined && replyOf(exchange).state === 'silence';

export const optInKeywords = (artifact: SmsRoutingArtifact, config: SmsRoutingConfig): Verdict<SmsRule>[] =>
  artifact.sequences
    .filter((sequence) => sequence.kind === 'opt-in')
    .map((sequence) => withKeywordRow(judge(sequence, artifact.webhook, config), sequence.keyword, isSilence(sequence.exchanges[1])));
