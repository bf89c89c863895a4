import type { Verdict } from '../../../src/engine/define-check.js';
import { countSegments } from '../../../src/twilio/index.js';
import type { SequenceSeen, SmsRoutingArtifact } from '../artifact.js';
import type { SmsRoutingConfig } from '../config.js';
import { classifyReply } from '../keywords/index.js';
import type { SmsRule } from '../rules.js';
import { causeOf } from './causes.js';
import { withKeywordRow } from './keyword-matrix.js';
import { describeReply, isTrouble, replyOf } from './replies.js';

const ELEMENT_WORDS = {
  contact: 'a contact (phone, email or link)',
  frequency: 'the message frequency',
  rates: '"Msg & data rates may apply"',
  optOutInstructions: 'how to opt out (Reply STOP)',
} as const;

type Judged = Pick<Verdict<SmsRule>, 'status' | 'message' | 'found' | 'evidence'>;

/** What the HELP text lacks of the brand, CTIA's elements, the profile's required wording and, for French keywords, French. */
const judgeText = (text: string, sequence: SequenceSeen, config: SmsRoutingConfig, whose: string): Judged => {
  const { helpElements, language } = classifyReply(text);
  const missing = [
    ...(text.toLowerCase().includes(config.brand.toLowerCase()) ? [] : [`the brand (${config.brand})`]),
    ...(Object.keys(ELEMENT_WORDS) as (keyof typeof ELEMENT_WORDS)[]).filter((element) => !helpElements[element]).map((element) => ELEMENT_WORDS[element]),
    ...config.help.mustInclude.filter((required) => !text.includes(required)).map((required) => `"${required}"`),
    ...(sequence.language === 'fr' && language !== 'fr' ? ['a French reply'] : []),
  ];
  const segments = countSegments(text);
  const evidence = { reply: text, encoding: segments.encoding, segments: segments.segments, missing };
  const found = `"${text.length > 90 ? `${text.slice(0, 90)}…` : text}"`;
  if (missing.length > 0) return { status: sequence.grade === 'must' ? 'fail' : 'warn', message: `${whose} to ${sequence.keyword} lacks ${missing.join(', ')}.`, found, evidence };
  const size = `${segments.segments} ${segments.encoding} segment${segments.segments === 1 ? '' : 's'}`;
  return { status: 'pass', message: `${whose} to ${sequence.keyword} has everything required, in ${size}.`, found, evidence };
};

const judge = (sequence: SequenceSeen, artifact: SmsRoutingArtifact, config: SmsRoutingConfig): Verdict<SmsRule> => {
  const reply = replyOf(sequence.exchanges.at(-1)!);
  const subject = sequence.keyword;
  const required = `the brand, ${Object.values(ELEMENT_WORDS).join(', ')}${config.help.mustInclude.length > 0 ? ` and ${config.help.mustInclude.join(', ')}` : ''}`;
  const base = { rule: 'help-content', subject } as const;
  const withRow = (verdict: Verdict<SmsRule>, silent: boolean) => withKeywordRow(verdict, subject, silent);
  if (isTrouble(reply)) return withRow({ ...base, status: 'error', message: `Could not check: ${subject} got ${describeReply(reply)}.`, cause: causeOf(reply, artifact.webhook, config) }, false);
  // Twilio answers HELP itself for long codes, toll-free and Advanced Opt-Out: the webhook is right to stay silent.
  if (config.optOutHandledBy === 'provider' && reply.state === 'silence') {
    const { providerReply } = config.help;
    if (providerReply === undefined) {
      return { ...base, status: 'skip', message: `${subject} is answered by Twilio with the reply configured there, which a request to the webhook cannot show; give help.providerReply to have it judged.` };
    }
    return withRow({ ...base, expected: `Twilio's reply with ${required}`, ...judgeText(providerReply, sequence, config, "The reply configured at Twilio (help.providerReply)") }, false);
  }
  const expected = `one reply with ${required}`;
  if (reply.state !== 'messages') return withRow({ ...base, expected, status: sequence.grade === 'must' ? 'fail' : 'warn', message: `${subject} got ${describeReply(reply)} instead of a help reply.`, found: describeReply(reply) }, reply.state === 'silence');
  return withRow({ ...base, expected, ...judgeText(reply.messages.join('\n'), sequence, config, 'The reply') }, false);
};

/** CTIA: HELP is answered even after an opt-out, with the same content; plain STOP's opt-out sequence sends it third. */
const helpAfterStop = (artifact: SmsRoutingArtifact): SequenceSeen[] => {
  const sequence = artifact.sequences.find((candidate) => candidate.kind === 'opt-out' && candidate.keyword === 'STOP');
  const exchange = sequence?.exchanges[2];
  if (!sequence || !exchange) return [];
  return [{ ...sequence, kind: 'help', keyword: 'HELP after STOP', entry: 'HELP', grade: 'must', exchanges: [exchange] }];
};

export const helpContent = (artifact: SmsRoutingArtifact, config: SmsRoutingConfig): Verdict<SmsRule>[] =>
  [...artifact.sequences.filter((sequence) => sequence.kind === 'help'), ...helpAfterStop(artifact)].map((sequence) => judge(sequence, artifact, config));
