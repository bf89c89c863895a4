import type { Verdict } from '../../../src/engine/define-check.js';
import type { SequenceSeen, SmsRoutingArtifact } from '../artifact.js';
import type { SmsRoutingConfig } from '../config.js';
import type { SmsRule } from '../rules.js';
import { countSegments } from '../../../src/twilio/index.js';
import { describeReply, isTrouble, replyOf } from './replies.js';

const ELEMENT_WORDS = {
  contact: 'a contact (phone, email or link)',
  frequency: 'the message frequency',
  rates: '"Msg & data rates may apply"',
  optOutInstructions: 'how to opt out (Reply STOP)',
} as const;

const judge = (sequence: SequenceSeen, config: SmsRoutingConfig): Verdict<SmsRule> => {
  const reply = replyOf(sequence.exchanges[0]!);
  const subject = sequence.keyword;
  const base = { rule: 'help-content', subject, expected: `one reply with the brand, ${Object.values(ELEMENT_WORDS).join(', ')}${config.help.mustInclude.length > 0 ? ` and ${config.help.mustInclude.join(', ')}` : ''}` } as const;
  if (isTrouble(reply)) return { ...base, status: 'error', message: `Could not check: ${subject} got ${describeReply(reply)}.` };
  const failure = sequence.grade === 'must' ? 'fail' : 'warn';
  if (reply.state !== 'messages') return { ...base, status: failure, message: `${subject} got ${describeReply(reply)} instead of a help reply.`, found: describeReply(reply) };
  const text = reply.messages.join('\n');
  const { helpElements, language } = reply.classified[0]!;
  const missing = [
    ...(text.toLowerCase().includes(config.brand.toLowerCase()) ? [] : [`the brand (${config.brand})`]),
    ...(Object.keys(ELEMENT_WORDS) as (keyof typeof ELEMENT_WORDS)[]).filter((element) => !helpElements[element]).map((element) => ELEMENT_WORDS[element]),
    ...config.help.mustInclude.filter((required) => !text.includes(required)).map((required) => `"${required}"`),
    ...(sequence.language === 'fr' && language !== 'fr' ? ['a French reply'] : []),
  ];
  const segments = countSegments(text);
  const evidence = { reply: text, encoding: segments.encoding, segments: segments.segments, missing };
  if (missing.length > 0) return { ...base, status: failure, message: `The reply to ${subject} lacks ${missing.join(', ')}.`, found: describeReply(reply), evidence };
  return { ...base, status: 'pass', message: `${subject} is answered with everything required, in ${segments.segments} ${segments.encoding} segment${segments.segments === 1 ? '' : 's'}.`, found: describeReply(reply), evidence };
};

/** CTIA: HELP is answered even after an opt-out, with the same content; plain STOP's opt-out sequence sends it second. */
const helpAfterStop = (artifact: SmsRoutingArtifact, config: SmsRoutingConfig): Verdict<SmsRule>[] => {
  const sequence = artifact.sequences.find((candidate) => candidate.kind === 'opt-out' && candidate.keyword === 'STOP');
  const exchange = sequence?.exchanges[1];
  if (!sequence || !exchange) return [];
  // In provider mode the provider may answer HELP itself while the number is opted out.
  if (config.optOutHandledBy === 'provider' && replyOf(exchange).state === 'silence') return [];
  return [judge({ ...sequence, kind: 'help', keyword: 'HELP after STOP', entry: 'HELP', grade: 'must', exchanges: [exchange] }, config)];
};

export const helpContent = (artifact: SmsRoutingArtifact, config: SmsRoutingConfig): Verdict<SmsRule>[] => [
  ...artifact.sequences.filter((sequence) => sequence.kind === 'help').map((sequence) => judge(sequence, config)),
  ...helpAfterStop(artifact, config),
];
