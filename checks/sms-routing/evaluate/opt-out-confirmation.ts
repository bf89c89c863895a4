import type { Verdict } from '../../../src/engine/define-check.js';
import type { SmsRoutingArtifact } from '../artifact.js';
import type { SmsRoutingConfig } from '../config.js';
import type { SmsRule } from '../rules.js';
import { causeOf } from './causes.js';
import { withKeywordRow } from './keyword-matrix.js';
import { describeReply, isTrouble, replyOf } from './replies.js';

const mentionsBrand = (text: string, brand: string): boolean => text.toLowerCase().includes(brand.toLowerCase());

/** Its row in the keyword matrix: the confirmation is about STOP sent again and replayed, not STOP alone. */
const ROW_LABEL = 'STOP, again, replayed';

export const optOutConfirmation = (artifact: SmsRoutingArtifact, config: SmsRoutingConfig): Verdict<SmsRule>[] =>
  judgeConfirmation(artifact, config).map((verdict) => withKeywordRow(verdict, ROW_LABEL, false));

/** The STOP, STOP again, replayed MessageSid sequence: one plain confirmation, then silence. */
const judgeConfirmation = (artifact: SmsRoutingArtifact, config: SmsRoutingConfig): Verdict<SmsRule>[] => {
  const sequence = artifact.sequences.find((candidate) => candidate.kind === 'repeat');
  const subject = 'STOP';
  if (!sequence) return [];
  const [first, again, replay] = sequence.exchanges.slice(0, 3).map(replyOf);
  const base = { rule: 'opt-out-confirmation', subject } as const;
  const evidence = { first: describeReply(first!), again: describeReply(again!), replay: describeReply(replay!) };
  const trouble = [first, again, replay].find((reply) => reply && isTrouble(reply));
  if (trouble) return [{ ...base, status: 'error', message: `Could not check: the webhook gave ${describeReply(trouble)}.`, evidence, cause: causeOf(trouble, artifact.webhook, config) }];
  const problems: string[] = [];
  if (config.optOutHandledBy === 'provider') {
    if (first!.state === 'messages') problems.push(`the webhook replied to STOP (${describeReply(first!)}) although the provider sends the confirmation: the shopper gets two`);
  } else if (first!.state !== 'messages' || first!.messages.length !== 1) {
    problems.push(`STOP got ${describeReply(first!)} instead of one confirmation`);
  } else {
    const text = first!.messages[0]!;
    const classified = first!.classified[0]!;
    if (classified.kind !== 'opt-out-confirmation') problems.push('the reply does not confirm that no more messages will be sent');
    if (!mentionsBrand(text, config.brand)) problems.push(`the reply does not name the brand (${config.brand})`);
    if (classified.marketing.length > 0) problems.push(`the reply carries marketing (${classified.marketing.join(', ')})`);
    if (classified.links.length > 0) problems.push(`the reply carries a link (${classified.links.join(', ')})`);
  }
  if (again!.state === 'messages') problems.push(`a second STOP got another reply (${describeReply(again!)})`);
  if (replay!.state === 'messages') problems.push(`the same MessageSid delivered again got another reply (${describeReply(replay!)})`);
  const expected = config.optOutHandledBy === 'app' ? 'one confirmation with the brand, no marketing; then silence' : 'silence (the provider confirms)';
  if (problems.length > 0) {
    return [{ ...base, status: 'fail', expected, message: `The opt-out confirmation is wrong: ${problems.join('; ')}.`, found: problems.join('; '), evidence }];
  }
  return [{ ...base, status: 'pass', expected, message: config.optOutHandledBy === 'app' ? `STOP gets one plain confirmation (${describeReply(first!)}); a second STOP and a replay get none.` : 'The webhook stays silent on STOP, repeats and replays, leaving the confirmation to the provider.', found: describeReply(first!), evidence }];
};
